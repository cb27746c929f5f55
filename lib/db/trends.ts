// The trends page's read: one VA's ratings of the last months through the [vaId+doneAt] index,
// then the month-by-month KPIs of the one composition (lib/kpi/trends.ts).
import { db as defaultDb, ratingsDoneBetween, type ScorecardDb } from '.';
import { lastMonths, monthPeriod } from '../kpi/periods';
import { trendSeries, type Trend } from '../kpi/trends';
import type { Va } from '../model';
import { getSettings } from '../storage/settings';

export const TREND_MONTHS = 12;

export async function loadTrend(va: Va, d: ScorecardDb = defaultDb, now = new Date()): Promise<Trend> {
  const months = lastMonths(TREND_MONTHS, now);
  const start = monthPeriod(months[0]!).start.toISOString();
  const end = monthPeriod(months.at(-1)!).end.toISOString();
  const [settings, targets, ratings] = await Promise.all([getSettings(), d.targets.toArray(), ratingsDoneBetween(va.id, start, end, d)]);
  return trendSeries(ratings, months, { vas: [va], settings, targets });
}
