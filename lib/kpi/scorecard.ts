// What the popup shows per VA in one call: this period's KPIs, the previous period's, the change,
// and the targets met. Two passes over the ratings (this period and the one before), no more.
import { DEFAULT_SETTINGS, type KpiName } from '../model/constants';
import type { Rating, Settings, Target, Va } from '../model';
import { computeKpisByVa, kpiDelta, type Kpis } from './kpis';
import { previousPeriod, type Period } from './periods';
import { checkTargets, type TargetCheck } from './targets';

export interface VaScorecard {
  va: Va;
  period: Period;
  previousPeriod: Period;
  kpis: Kpis;
  previous: Kpis;
  /** kpis − previous per KPI; null where either has no data. */
  delta: Kpis;
  targets: Partial<Record<KpiName, TargetCheck>>;
}

export interface ScorecardOptions {
  /** The VAs to show, in the order to show them; ratings of other VAs are ignored. */
  vas: readonly Va[];
  settings?: Pick<Settings, 'tolerance' | 'ownerHourlyValue'>;
  targets?: readonly Target[];
  timeZone?: string;
}

export function scorecards(ratings: readonly Rating[], period: Period, options: ScorecardOptions): VaScorecard[] {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const common = { vas: options.vas, tolerance: settings.tolerance, ownerHourlyValue: settings.ownerHourlyValue, timeZone: options.timeZone };
  const before = previousPeriod(period, options.timeZone);
  const now = computeKpisByVa(ratings, period, common);
  const then = computeKpisByVa(ratings, before, common);
  return options.vas.map((va) => {
    // computeKpisByVa gives every listed VA an entry.
    const kpis = now.get(va.id)!;
    const previous = then.get(va.id)!;
    return {
      va, period, previousPeriod: before, kpis, previous, delta: kpiDelta(kpis, previous),
      targets: checkTargets(kpis, options.targets ?? [], { vaId: va.id }),
    };
  });
}
