// The popup's data: per VA, this period's scorecard against the one before, plus its overruns.
// One indexed range read covers both periods, so the cost follows the period, not the history.
import { allRatingsDoneBetween, db as defaultDb, listVas, type ScorecardDb } from './db';
import {
  customRange, lastMonth, lastNDays, periodIso, previousPeriod, thisMonth, type Period,
} from './kpi/periods';
import { reviewAgenda } from './kpi/review';
import { scorecards, type VaScorecard } from './kpi/scorecard';
import type { Rating, Settings } from './model';
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

export interface Summary {
  period: Period;
  settings: Settings;
  cards: (VaScorecard & { overruns: Overrun[] })[];
}

export async function loadSummary(choice: PeriodChoice, d: ScorecardDb = defaultDb, now = new Date()): Promise<Summary> {
  const period = resolvePeriod(choice, now);
  const before = previousPeriod(period);
  const [vas, settings, targets, ratings] = await Promise.all([
    listVas(d), getSettings(), d.targets.toArray(),
    allRatingsDoneBetween(before.start.toISOString(), periodIso(period).end, d),
  ]);
  const byVa = new Map<string, Rating[]>();
  for (const r of ratings) if (r.vaId) (byVa.get(r.vaId) ?? byVa.set(r.vaId, []).get(r.vaId)!).push(r);

  const overrunItems = vas.map((va) => reviewAgenda(byVa.get(va.id) ?? [], period, { tolerance: settings.tolerance })
    .couldBeBetter.filter((item) => item.reasons.includes('overrun')));
  const tasks = await d.tasks.bulkGet(overrunItems.flat().map((item) => item.rating.id));
  const taskByKey = new Map(tasks.filter((t) => t !== undefined).map((t) => [t.key, t]));

  const cards = scorecards(ratings, period, { vas, settings, targets }).map((card, i) => ({
    ...card,
    overruns: overrunItems[i]!.map((item) => {
      const task = taskByKey.get(item.rating.id);
      return { key: item.rating.id, title: task?.title ?? item.rating.taskId, url: task?.url ?? null, ratio: item.ratio! };
    }),
  }));
  return { period, settings, cards };
}
