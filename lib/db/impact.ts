// The impact log's writes and reads: one figure per metric and month (typing a metric again for
// the same month corrects it), and the month's hours freed, cost and value per VA from the
// popup's read and composition (lib/kpi/scorecard.ts).
import { db as defaultDb, kpiRatingsDoneBetween, listVas, type ScorecardDb } from '.';
import { metricKey, previousMonth } from '../kpi/impact';
import { monthPeriod, periodIso } from '../kpi/periods';
import { periodScorecards, type PeriodScorecard } from '../kpi/scorecard';
import { ImpactEntry, newId, nowIso } from '../model';
import { getSettings } from '../storage/settings';
import { t } from '../text/i18n';
import { ValidationError, parseOrThrow } from './writes';

export async function saveImpactEntry(input: Pick<ImpactEntry, 'metric' | 'unit' | 'month' | 'value'>, d: ScorecardDb = defaultDb): Promise<ImpactEntry> {
  if (!input.metric.trim()) throw new ValidationError(t('impact_errMetric'));
  if (!Number.isFinite(input.value)) throw new ValidationError(t('impact_errValue'));
  return d.transaction('rw', d.impact, async () => {
    const same = (await d.impact.where('month').equals(input.month).toArray()).find((e) => metricKey(e.metric) === metricKey(input.metric));
    const entry = parseOrThrow(ImpactEntry, { ...input, id: same?.id ?? newId(), updatedAt: nowIso() }, t('impact_heading'));
    await d.impact.put(entry);
    return entry;
  });
}

/** The entries of `month` and the month before: what its changes need. */
export function impactEntriesAround(month: string, d: ScorecardDb = defaultDb): Promise<ImpactEntry[]> {
  return d.impact.where('month').anyOf(month, previousMonth(month)).toArray();
}

/** Every metric name logged so far, to offer while typing. */
export async function impactMetrics(d: ScorecardDb = defaultDb): Promise<string[]> {
  const names = new Map<string, string>();
  for (const e of await d.impact.toArray()) names.set(metricKey(e.metric), e.metric.trim());
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

/** Per VA, the month's KPIs (hours freed, cost, value freed), as the popup computes them. */
export async function vaImpact(month: string, d: ScorecardDb = defaultDb): Promise<PeriodScorecard[]> {
  const period = monthPeriod(month);
  const { start, end } = periodIso(period);
  const [settings, vas, ratings] = await Promise.all([getSettings(), listVas(d), kpiRatingsDoneBetween(start, end, d)]);
  return periodScorecards(ratings, period, { vas, settings });
}
