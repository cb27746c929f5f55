// The popup's data: per VA, this period's KPIs and overruns, then the comparison with the period
// before. Each step reads the period's day records (lib/done-days.ts), so the cost follows the
// period, not the history, and the first KPIs can show before the previous period has been read.
import { db as defaultDb, kpiRatingsDoneBetween, listVas, type ScorecardDb } from './db';
import { computeKpisByVa, kpiDelta, type Kpis } from './kpi/kpis';
import {
  customRange, lastMonth, lastNDays, periodIso, previousPeriod, thisMonth, type Period,
} from './kpi/periods';
import { overruns, type Overrun as RatedOverrun } from './kpi/review';
import type { VaScorecard } from './kpi/scorecard';
import { checkTargets } from './kpi/targets';
import type { Settings, Va } from './model';
import { getSettings } from './settings';

export type PeriodChoice =
  | { kind: 'thisMonth' | 'lastMonth' | 'last30' | 'last90' }
  | { kind: 'custom'; from: string; to: string };

export function resolvePeriod(choice: PeriodChoice, now = new Date(), timeZone?: string): Period {
  switch (choice.kind) {
    case 'thisMonth': return thisMonth(now, timeZone);
    case 'lastMonth': return lastMonth(now, timeZone);
    case 'last30': return lastNDays(30, now, timeZone);
    case 'last90': return lastNDays(90, now, timeZone);
    case 'custom': return customRange(choice.from, choice.to, timeZone);
  }
}

export interface Overrun { key: string; title: string; url: string | null; ratio: number }

/** The worst few are enough for a glance (the review lists them all); only these are looked up. */
export const SHOWN_OVERRUNS = 5;

export type SummaryCard = Omit<VaScorecard, 'previous' | 'delta'> & {
  /** Null until the previous period has been read. */
  previous: Kpis | null;
  delta: Kpis | null;
  /** The worst overruns, at most SHOWN_OVERRUNS. */
  overruns: Overrun[];
  overrunCount: number;
};

export interface Summary {
  period: Period;
  settings: Settings;
  cards: SummaryCard[];
  /** The VAs shown, in order: what the comparison step needs again. */
  vas: Va[];
}

/** This period's KPIs, targets and overruns per VA (no comparison yet). */
export async function loadSummary(choice: PeriodChoice, d: ScorecardDb = defaultDb, now = new Date()): Promise<Summary> {
  const period = resolvePeriod(choice, now);
  // The overruns' tasks are looked up within the same wait as the settings and targets.
  const [settings, targets, { vas, ratings, overrunItems, taskByKey }] = await Promise.all([
    getSettings(), d.targets.toArray(), readWithOverruns(period, d),
  ]);
  const kpisByVa = computeKpisByVa(ratings, period, { vas, tolerance: settings.tolerance, ownerHourlyValue: settings.ownerHourlyValue });
  const before = previousPeriod(period);
  const cards = vas.map((va, i): SummaryCard => {
    const kpis = kpisByVa.get(va.id)!; // every listed VA gets an entry
    return {
      va, period, previousPeriod: before, kpis, previous: null, delta: null,
      targets: checkTargets(kpis, targets, { vaId: va.id }),
      overrunCount: overrunItems[i]!.length,
      overruns: overrunItems[i]!.slice(0, SHOWN_OVERRUNS).map((item) => {
        const task = taskByKey.get(item.rating.id);
        return { key: item.rating.id, title: task?.title ?? item.rating.taskId, url: task?.url ?? null, ratio: item.ratio };
      }),
    };
  });
  return { period, settings, cards, vas };
}

/** The period's ratings and, per VA, its overruns (worst first) with the tasks of those shown. */
async function readWithOverruns(period: Period, d: ScorecardDb) {
  const { start, end } = periodIso(period);
  const [vas, ratings] = await Promise.all([listVas(d), kpiRatingsDoneBetween(start, end, d)]);
  const overrunsByVa = new Map<string, RatedOverrun[]>();
  for (const o of overruns(ratings, period)) {
    const vaId = o.rating.vaId;
    if (vaId) (overrunsByVa.get(vaId) ?? overrunsByVa.set(vaId, []).get(vaId)!).push(o);
  }
  const overrunItems = vas.map((va) => overrunsByVa.get(va.id) ?? []);
  const tasks = await d.tasks.bulkGet(overrunItems.flatMap((items) => items.slice(0, SHOWN_OVERRUNS).map((item) => item.rating.id)));
  const taskByKey = new Map(tasks.filter((t) => t !== undefined).map((t) => [t.key, t]));
  return { vas, ratings, overrunItems, taskByKey };
}

/** Adds the previous period of the same length and the change per KPI. */
export async function withComparison(summary: Summary, d: ScorecardDb = defaultDb): Promise<Summary> {
  const { vas, settings } = summary;
  const before = previousPeriod(summary.period);
  const { start, end } = periodIso(before);
  const earlier = await kpiRatingsDoneBetween(start, end, d);
  const byVa = computeKpisByVa(earlier, before, { vas, tolerance: settings.tolerance, ownerHourlyValue: settings.ownerHourlyValue });
  return {
    ...summary,
    cards: summary.cards.map((card) => {
      const previous = byVa.get(card.va.id)!; // every listed VA gets an entry
      return { ...card, previous, delta: kpiDelta(card.kpis, previous) };
    }),
  };
}
