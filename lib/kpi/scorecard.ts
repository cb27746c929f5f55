// The one KPI composition that the popup, the review page and the command line call: per VA, the
// period's KPIs, the targets met and the overruns (worst first); then, when the period before has
// been read, its KPIs and the change. Two steps so the popup can show the first before reading
// the second; `scorecards` does both at once.
import { DEFAULT_SETTINGS } from '../model/constants';
import type { KpiName, Settings, Target, Va } from '../model';
import { computeKpisByVa, kpiDelta, type Kpis } from './kpis';
import { previousPeriod, type Period } from './periods';
import { overruns, type RatedOverrun } from './review';
import { checkTargets, type TargetCheck } from './targets';
import type { KpiRating } from './tasks';

export interface PeriodScorecard<R extends KpiRating = KpiRating> {
  va: Va;
  period: Period;
  previousPeriod: Period;
  kpis: Kpis;
  targets: Partial<Record<KpiName, TargetCheck>>;
  /** The period's overruns (actual ≥ 2 × estimate), worst first. */
  overruns: RatedOverrun<R>[];
}

export interface VaScorecard<R extends KpiRating = KpiRating> extends PeriodScorecard<R> {
  previous: Kpis;
  /** kpis − previous per KPI; null where either has no data. */
  delta: Kpis;
}

export interface ScorecardOptions {
  /** The VAs to show, in the order to show them; ratings of other VAs are ignored. */
  vas: readonly Va[];
  settings?: Pick<Settings, 'tolerance' | 'ownerHourlyValue'>;
  targets?: readonly Target[];
  timeZone?: string;
}

function kpiOptions(options: ScorecardOptions) {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  return { vas: options.vas, tolerance: settings.tolerance, ownerHourlyValue: settings.ownerHourlyValue, timeZone: options.timeZone };
}

/** This period only: KPIs, targets and overruns per VA, one pass over the ratings for each. */
export function periodScorecards<R extends KpiRating>(ratings: readonly R[], period: Period, options: ScorecardOptions): PeriodScorecard<R>[] {
  const before = previousPeriod(period, options.timeZone);
  const kpisByVa = computeKpisByVa(ratings, period, kpiOptions(options));
  const overrunsByVa = new Map<string, RatedOverrun<R>[]>(options.vas.map((va) => [va.id, []]));
  for (const o of overruns(ratings, period)) if (o.rating.vaId) overrunsByVa.get(o.rating.vaId)?.push(o);
  return options.vas.map((va) => {
    const kpis = kpisByVa.get(va.id)!; // every listed VA gets an entry
    return {
      va, period, previousPeriod: before, kpis,
      targets: checkTargets(kpis, options.targets ?? [], { vaId: va.id }),
      overruns: overrunsByVa.get(va.id)!,
    };
  });
}

/** Adds the previous period's KPIs (from the ratings done in it) and the change to each card. */
export function withPrevious<C extends Pick<PeriodScorecard, 'va' | 'kpis' | 'previousPeriod'>>(
  cards: readonly C[], earlier: readonly KpiRating[], options: Omit<ScorecardOptions, 'vas'>,
): (C & Pick<VaScorecard, 'previous' | 'delta'>)[] {
  const before = cards[0]?.previousPeriod;
  if (!before) return [];
  const byVa = computeKpisByVa(earlier, before, kpiOptions({ ...options, vas: cards.map((c) => c.va) }));
  return cards.map((card) => {
    const previous = byVa.get(card.va.id)!; // every listed VA gets an entry
    return { ...card, previous, delta: kpiDelta(card.kpis, previous) };
  });
}

export function scorecards<R extends KpiRating>(ratings: readonly R[], period: Period, options: ScorecardOptions): VaScorecard<R>[] {
  return withPrevious(periodScorecards(ratings, period, options), ratings, options);
}
