// The popup's data: per VA, this period's KPIs and overruns, then the comparison with the period
// before, both composed by lib/kpi/scorecard.ts. Each step reads the period's day records
// (lib/db/done-days.ts), so the cost follows the period, not the history, and the first KPIs can
// show before the previous period has been read.
import { db as defaultDb, kpiRatingsDoneBetween, listVas, type ScorecardDb } from '.';
import type { Kpis } from '../kpi/kpis';
import { periodIso, previousPeriod, resolvePeriod, type Period, type PeriodChoice } from '../kpi/periods';
import type { RatedOverrun } from '../kpi/review';
import { periodScorecards, withPrevious, type PeriodScorecard } from '../kpi/scorecard';
import type { Settings } from '../model';
import { getSettings } from '../storage/settings';

export interface Overrun { key: string; title: string; url: string | null; ratio: number }

/** The worst few are enough for a glance (the review lists them all); only these are looked up. */
export const SHOWN_OVERRUNS = 5;

export type SummaryCard = Omit<PeriodScorecard, 'overruns'> & {
  /** Null until the previous period has been read. */
  previous: Kpis | null;
  delta: Kpis | null;
  /** The worst overruns (SHOWN_OVERRUNS unless asked for more), with their tasks; null until those are read. */
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
 * `shown`: how many of each VA's worst overruns come with their tasks (a report file lists all).
 */
export async function loadSummary(
  choice: PeriodChoice, d: ScorecardDb = defaultDb, now = new Date(), tasksFor = Infinity, shown = SHOWN_OVERRUNS,
): Promise<Summary> {
  const period = resolvePeriod(choice, now);
  const { start, end } = periodIso(period);
  // The first cards' overrun tasks are read within the same wait as the settings and targets.
  const [settings, targets, { vas, ratings }] = await Promise.all([
    getSettings(), d.targets.toArray(),
    Promise.all([listVas(d), kpiRatingsDoneBetween(start, end, d)]).then(([vas, ratings]) => ({ vas, ratings })),
  ]);
  const computed = periodScorecards(ratings, period, { vas, settings, targets });
  const worst = computed.map((card) => card.overruns.slice(0, shown));
  const tasks = await readOverrunTasks(worst.slice(0, tasksFor), d);
  const cards = computed.map(({ overruns, ...card }, i): SummaryCard => ({
    ...card, previous: null, delta: null, overrunCount: overruns.length, worstOverruns: worst[i]!, overruns: tasks[i] ?? null,
  }));
  return { period, settings, cards };
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
  const { start, end } = periodIso(previousPeriod(summary.period));
  const unread = summary.cards.filter((card) => card.overruns === null);
  const [earlier, tasks] = await Promise.all([
    kpiRatingsDoneBetween(start, end, d), readOverrunTasks(unread.map((card) => card.worstOverruns), d),
  ]);
  const read = new Map(unread.map((card, i) => [card, tasks[i]!]));
  const compared = withPrevious(summary.cards, earlier, { settings: summary.settings });
  return { ...summary, cards: compared.map((card, i) => ({ ...card, overruns: card.overruns ?? read.get(summary.cards[i]!)! })) };
}
