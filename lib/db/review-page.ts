// What the review page shows for one VA and month, read in one go: the KPIs against targets from
// the one composition (lib/kpi/scorecard.ts, as the popup), the agenda, the categories that go
// well, the tasks' titles and links and the review itself; then the tasks still open. Reads only
// this VA's ratings: the month through the [vaId+doneAt] index, the open ones as the VA's keys
// minus its done keys (open ratings have no doneAt, so that index does not hold them). That
// second read walks all of the VA's keys (~50 ms for 2,500 ratings in Chromium), so the agenda is
// shown without waiting for it.
import { Dexie } from 'dexie';
import { db as defaultDb, ratingsDoneBetween, type ScorecardDb } from '.';
import { categoriesGoingWell, openTasks, reviewAgenda, type CategoryGoingWell, type OpenTask, type ReviewAgenda } from '../kpi/review';
import { monthPeriod, periodIso, type Period } from '../kpi/periods';
import { periodScorecards, type PeriodScorecard } from '../kpi/scorecard';
import type { Category, Rating, Review, Settings, Va } from '../model';
import { getSettings } from '../storage/settings';
import { findReview, listReviews } from './reviews';

export interface TaskLink { title: string; url: string | null }

/** The agenda's data first; `open` follows in loadOpenTasks, so the agenda does not wait for it. */
export interface ReviewData {
  va: Va;
  month: string;
  period: Period;
  settings: Settings;
  card: PeriodScorecard<Rating>;
  agenda: ReviewAgenda<Rating>;
  goingWell: CategoryGoingWell[];
  /** The categories the VA did tasks in this month (creative work adds a question). */
  categoriesDone: string[];
  /** Null until loadOpenTasks has read them. */
  open: OpenTask<Rating>[] | null;
  /** Title and link of every task the page names, by rating id. */
  tasks: Map<string, TaskLink>;
  customCategories: Category[];
  /** This month's review, null until the first answer is saved. */
  review: Review | null;
  /** All of the VA's reviews, the latest period first. */
  reviews: Review[];
}

/** The VA's ratings not done yet. */
async function openRatings(vaId: string, d: ScorecardDb): Promise<Rating[]> {
  const [all, done] = await Promise.all([
    d.ratings.where('vaId').equals(vaId).primaryKeys(),
    d.ratings.where('[vaId+doneAt]').between([vaId, Dexie.minKey], [vaId, Dexie.maxKey]).primaryKeys(),
  ]);
  const doneKeys = new Set(done);
  const open = await d.ratings.bulkGet(all.filter((k) => !doneKeys.has(k)));
  return open.filter((r): r is Rating => r !== undefined && r.doneAt === null);
}

async function taskLinks(keys: string[], d: ScorecardDb, into = new Map<string, TaskLink>()): Promise<Map<string, TaskLink>> {
  const found = await d.tasks.bulkGet(keys);
  keys.forEach((key, i) => {
    const task = found[i];
    into.set(key, { title: task?.title ?? key.slice(key.indexOf(':') + 1), url: task?.url ?? null });
  });
  return into;
}

export async function loadReviewData(va: Va, month: string, d: ScorecardDb = defaultDb): Promise<ReviewData> {
  const period = monthPeriod(month);
  const { start, end } = periodIso(period);
  const [settings, targets, ratings, customCategories, review, reviews] = await Promise.all([
    getSettings(), d.targets.toArray(), ratingsDoneBetween(va.id, start, end, d),
    d.categories.toArray(), findReview(va.id, start, d), listReviews(va.id, d),
  ]);
  const [card] = periodScorecards(ratings, period, { vas: [va], settings, targets });
  const options = { tolerance: settings.tolerance };
  const agenda = reviewAgenda(ratings, period, options);
  const tasks = await taskLinks([...agenda.couldBeBetter, ...agenda.wentWell].map((i) => i.rating.id), d);
  return {
    va, month, period, settings, card: card!, agenda, goingWell: categoriesGoingWell(ratings, period, options),
    categoriesDone: [...new Set(ratings.map((r) => r.category))].sort(), open: null, tasks, customCategories, review, reviews,
  };
}

/** Adds the VA's tasks still open, with their titles and links. */
export async function loadOpenTasks(data: ReviewData, d: ScorecardDb = defaultDb, now = new Date()): Promise<ReviewData> {
  const open = openTasks(await openRatings(data.va.id, d), now);
  const tasks = await taskLinks(open.map((o) => o.rating.id), d, new Map(data.tasks));
  return { ...data, open, tasks };
}
