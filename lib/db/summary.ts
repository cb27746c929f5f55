// The popup's data: per VA, this period's KPIs and overruns, then the comparison with the period
// before. Each step reads the period's day records (lib/done-days.ts), so the cost follows the
// period, not the history, and the first KPIs can show before the previous period has been read.
import { db as defaultDb, kpiRatingsDoneBetween, listVas, type ScorecardDb } from '.';
import { computeKpisByVa, kpiDelta, type Kpis } from '../kpi/kpis';
import {
  customRange, lastMonth, lastNDays, periodIso, previousPeriod, thisMonth, type Period,
} from '../kpi/periods';
import { overruns, type RatedOverrun } from '../kpi/review';
import type { VaScorecard } from '../kpi/scorecard';
import { checkTargets } from '../kpi/targets';
import type { KpiRating } from '../kpi/tasks';
import type { Settings, Va } from '../model';
import { getSettings } from '../storage/settings';

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
  /** The worst overruns, at most SHOWN_OVERRUNS, with their tasks; null until those are read. */
  overruns: Overrun[] | null;
  /** The same overruns as rated: what reading their tasks needs. */
  worstOverruns: RatedOverrun[];
  overrunCount: number;
};

export interface Summary {
  period: Period;
  settings: Settings;
  cards: SummaryCard[];
}

/**
 * This period's KPIs, targets and overruns per VA (no comparison yet). The overruns' tasks are
 * read for the first `tasksFor` cards (what a screen shows first); withComparison reads the rest.
 */
export async function loadSummary(choice: PeriodChoice, d: ScorecardDb = defaultDb, now = new Date(), tasksFor = Infinity): Promise<Summary> {
  const period = resolvePeriod(choice, now);
  const before = previousPeriod(period);
  const { start, end } = periodIso(period);
  // The first cards' overrun tasks are read within the same wait as the settings and targets.
  const [settings, targets, { vas, ratings, worst, shown, tasks }] = await Promise.all([
    getSettings(), d.targets.toArray(),
    Promise.all([listVas(d), kpiRatingsDoneBetween(start, end, d)]).then(async ([vas, ratings]) => {
      const worst = overrunsByVa(vas, ratings, period);
      const shown = worst.map((items) => items.slice(0, SHOWN_OVERRUNS));
      return { vas, ratings, worst, shown, tasks: await readOverrunTasks(shown.slice(0, tasksFor), d) };
    }),
  ]);
  const kpisByVa = computeKpisByVa(ratings, period, { vas, tolerance: settings.tolerance, ownerHourlyValue: settings.ownerHourlyValue });
  const cards = vas.map((va, i): SummaryCard => {
    const kpis = kpisByVa.get(va.id)!; // every listed VA gets an entry
    return {
      va, period, previousPeriod: before, kpis, previous: null, delta: null,
      targets: checkTargets(kpis, targets, { vaId: va.id }),
      overrunCount: worst[i]!.length,
      worstOverruns: shown[i]!,
      overruns: tasks[i] ?? null,
    };
  });
  return { period, settings, cards };
}

/** Per VA (in the order given), the period's overruns, worst first. */
function overrunsByVa(vas: readonly Va[], ratings: readonly KpiRating[], period: Period): RatedOverrun[][] {
  const byVa = new Map<string, RatedOverrun[]>(vas.map((va) => [va.id, []]));
  for (const o of overruns(ratings, period)) if (o.rating.vaId) byVa.get(o.rating.vaId)?.push(o);
  return vas.map((va) => byVa.get(va.id)!);
}

/** The overruns with their tasks' titles and links, per card, in one read. */
async function readOverrunTasks(perCard: RatedOverrun[][], d: ScorecardDb): Promise<Overrun[][]> {
  const tasks = await d.tasks.bulkGet(perCard.flat().map((o) => o.rating.id));
  const byKey = new Map(tasks.filter((t) => t !== undefined).map((t) => [t.key, t]));
  return perCard.map((items) => items.map((o) => {
    const task = byKey.get(o.rating.id);
    return { key: o.rating.id, title: task?.title ?? o.rating.taskId, url: task?.url ?? null, ratio: o.ratio };
  }));
}

/** Adds the previous period of the same length, the change per KPI, and the overrun tasks not read yet. */
export async function withComparison(summary: Summary, d: ScorecardDb = defaultDb): Promise<Summary> {
  const { settings } = summary;
  const vas = summary.cards.map((card) => card.va);
  const before = previousPeriod(summary.period);
  const { start, end } = periodIso(before);
  const unread = summary.cards.filter((card) => card.overruns === null);
  const [earlier, tasks] = await Promise.all([
    kpiRatingsDoneBetween(start, end, d), readOverrunTasks(unread.map((card) => card.worstOverruns), d),
  ]);
  const read = new Map(unread.map((card, i) => [card, tasks[i]!]));
  const byVa = computeKpisByVa(earlier, before, { vas, tolerance: settings.tolerance, ownerHourlyValue: settings.ownerHourlyValue });
  return {
    ...summary,
    cards: summary.cards.map((card) => {
      const previous = byVa.get(card.va.id)!; // every listed VA gets an entry
      return { ...card, previous, delta: kpiDelta(card.kpis, previous), overruns: card.overruns ?? read.get(card)! };
    }),
  };
}
