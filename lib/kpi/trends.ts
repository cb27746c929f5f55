// A VA's KPIs month by month for the trend charts. Each month goes through the one composition
// (scorecard.ts) the popup and the review use, so a chart's point is the popup's figure for that
// month. A month without done tasks is a gap (null) in every series, tasks done included: no
// rating is no data, not a month of zero work.
import type { Target } from '../model';
import { monthPeriod } from './periods';
import { periodScorecards, type ScorecardOptions } from './scorecard';
import type { KpiRating } from './tasks';

export const TREND_KPIS = ['onTimeRate', 'qualityAvg', 'estimateRatio', 'hoursLogged', 'tasksDone'] as const;
export type TrendKpi = (typeof TREND_KPIS)[number];

export interface Trend {
  months: string[];
  series: Record<TrendKpi, (number | null)[]>;
  /** The target that applies to the VA (its own, else the global one); null without one. */
  targets: Record<TrendKpi, Pick<Target, 'op' | 'value'> | null>;
}

/** One VA (`options.vas[0]`) over `months` (`YYYY-MM`, oldest first). */
export function trendSeries(ratings: readonly KpiRating[], months: readonly string[], options: ScorecardOptions): Trend {
  const series = Object.fromEntries(TREND_KPIS.map((k) => [k, [] as (number | null)[]])) as Trend['series'];
  const targets = Object.fromEntries(TREND_KPIS.map((k) => [k, null])) as Trend['targets'];
  for (const month of months) {
    const [card] = periodScorecards(ratings, monthPeriod(month, options.timeZone), { ...options, vas: options.vas.slice(0, 1) });
    if (!card) throw new RangeError('trendSeries needs one VA');
    const gap = card.kpis.tasksDone === 0;
    for (const kpi of TREND_KPIS) {
      series[kpi].push(gap ? null : card.kpis[kpi]);
      const check = card.targets[kpi];
      if (check) targets[kpi] = { op: check.target.op, value: check.target.value };
    }
  }
  return { months: [...months], series, targets };
}
