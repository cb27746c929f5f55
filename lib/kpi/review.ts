// The review meeting's automatic agenda for one VA and period: "could be better" (overruns first,
// then late tasks, then tasks with errors) and "went well" (the best-rated tasks). The order only
// depends on the tasks, never on the order they were read in, so a re-opened review looks the same.
import { DEFAULT_SETTINGS } from '../model/constants';
import { periodIso, type Period } from './periods';
import { OVERRUN_FACTOR, createJudge, doneWithin, taskRatio, type KpiRating, type TaskJudge } from './tasks';

export type AgendaReason = 'overrun' | 'late' | 'error';

export interface AgendaItem<R extends KpiRating = KpiRating> {
  rating: R;
  /** The done instant, UTC ISO. */
  doneAt: string;
  /** Why it is on the "could be better" list, most important first; empty for "went well". */
  reasons: AgendaReason[];
  /** actual ÷ estimate, when both are > 0. */
  ratio: number | null;
  /** How long after the due date it was done, in hours; null if not late. */
  hoursLate: number | null;
}

export interface ReviewAgenda<R extends KpiRating = KpiRating> {
  couldBeBetter: AgendaItem<R>[];
  wentWell: AgendaItem<R>[];
}

export interface AgendaOptions {
  tolerance?: number;
  timeZone?: string;
  /** How many best-rated tasks to list; 5 by default. "Could be better" lists every task. */
  wentWellLimit?: number;
  /** Lowest quality that counts as "went well"; 4 by default. */
  wentWellMinQuality?: number;
}

const RANK: Record<AgendaReason, number> = { overrun: 0, late: 1, error: 2 };
/** What the orderings look at: agenda items and overruns alike. */
type Ordered = Pick<AgendaItem, 'rating' | 'doneAt' | 'ratio'>;
const byDoneThenId = (a: Ordered, b: Ordered) =>
  a.doneAt < b.doneAt ? -1 : a.doneAt > b.doneAt ? 1 : a.rating.id < b.rating.id ? -1 : a.rating.id > b.rating.id ? 1 : 0;

/** Overruns: the biggest ratio first. */
const worseOverrunFirst = (a: Ordered, b: Ordered) =>
  b.ratio! - a.ratio! || byDoneThenId(a, b);

function worseFirst(a: AgendaItem, b: AgendaItem): number {
  const ra = RANK[a.reasons[0]!];
  const rb = RANK[b.reasons[0]!];
  if (ra !== rb) return ra - rb;
  if (ra === RANK.overrun) return worseOverrunFirst(a, b);
  if (ra === RANK.late && a.hoursLate !== b.hoursLate) return b.hoursLate! - a.hoursLate!;
  return byDoneThenId(a, b);
}

function agendaItem<R extends KpiRating>(r: R, done: string, judge: TaskJudge): AgendaItem<R> {
  const ratio = judge.ratio(r);
  const late = judge.isLate(r, done);
  const reasons: AgendaReason[] = [];
  if (ratio !== null && ratio >= OVERRUN_FACTOR) reasons.push('overrun');
  if (late) reasons.push('late');
  if (r.errorFree === false) reasons.push('error');
  const hoursLate = late ? (Date.parse(done) - Date.parse(judge.dueMoment(r.dueAt!))) / 3_600_000 : null;
  return { rating: r, doneAt: done, reasons, ratio, hoursLate };
}

/** Pass one VA's ratings; only tasks done in `period` are considered. */
export function reviewAgenda<R extends KpiRating>(ratings: Iterable<R>, period: Period, options: AgendaOptions = {}): ReviewAgenda<R> {
  const judge = createJudge({ tolerance: options.tolerance ?? DEFAULT_SETTINGS.tolerance, timeZone: options.timeZone });
  const { start, end } = periodIso(period);
  const minQuality = options.wentWellMinQuality ?? 4;
  const couldBeBetter: AgendaItem<R>[] = [];
  const good: AgendaItem<R>[] = [];

  for (const r of ratings) {
    const done = doneWithin(r, start, end);
    if (done === null) continue;
    const item = agendaItem(r, done, judge);
    // A task with something to discuss is not also celebrated, whatever its quality.
    if (item.reasons.length > 0) couldBeBetter.push(item);
    else if (r.quality !== null && r.quality >= minQuality) good.push(item);
  }

  couldBeBetter.sort(worseFirst);
  good.sort((a, b) => b.rating.quality! - a.rating.quality! || byDoneThenId(a, b));
  return { couldBeBetter, wentWell: good.slice(0, options.wentWellLimit ?? 5) };
}

export interface RatedOverrun<R extends KpiRating = KpiRating> {
  rating: R;
  doneAt: string;
  ratio: number;
}

/**
 * The period's overruns (actual ≥ 2 × estimate) in the agenda's order, worst first: what the
 * popup lists, without building the rest of the agenda.
 */
export function overruns<R extends KpiRating>(ratings: Iterable<R>, period: Period): RatedOverrun<R>[] {
  const { start, end } = periodIso(period);
  const out: RatedOverrun<R>[] = [];
  for (const r of ratings) {
    const ratio = taskRatio(r);
    if (ratio === null || ratio < OVERRUN_FACTOR) continue;
    const done = doneWithin(r, start, end);
    if (done !== null) out.push({ rating: r, doneAt: done, ratio });
  }
  return out.sort(worseOverrunFirst);
}

export interface CategoryGoingWell {
  category: string;
  tasksDone: number;
  /** Mean quality of its tasks where rated. */
  qualityAvg: number;
  /** Its tasks on the "could be better" list. */
  toDiscuss: number;
}

/** A category "goes well" with this many done tasks or more, and this share at most to discuss. */
const GOING_WELL_MIN_TASKS = 2;
const GOING_WELL_MAX_TO_DISCUSS = 0.2;

/**
 * The categories of work that go well in `period`, best first: candidates to delegate more of.
 * One VA's ratings; a category needs a pattern (two tasks or more), mean quality at or above the
 * "went well" mark, and at most one in five of its tasks on the "could be better" list.
 */
export function categoriesGoingWell(
  ratings: Iterable<KpiRating & { category: string }>, period: Period, options: AgendaOptions = {},
): CategoryGoingWell[] {
  const judge = createJudge({ tolerance: options.tolerance ?? DEFAULT_SETTINGS.tolerance, timeZone: options.timeZone });
  const { start, end } = periodIso(period);
  const minQuality = options.wentWellMinQuality ?? 4;
  const sums = new Map<string, { done: number; rated: number; quality: number; toDiscuss: number }>();
  for (const r of ratings) {
    const done = doneWithin(r, start, end);
    if (done === null) continue;
    let s = sums.get(r.category);
    if (!s) sums.set(r.category, (s = { done: 0, rated: 0, quality: 0, toDiscuss: 0 }));
    s.done++;
    if (r.quality !== null) { s.rated++; s.quality += r.quality; }
    if (agendaItem(r, done, judge).reasons.length > 0) s.toDiscuss++;
  }
  const out: CategoryGoingWell[] = [];
  for (const [category, s] of sums) {
    const qualityAvg = s.rated > 0 ? s.quality / s.rated : null;
    if (s.done >= GOING_WELL_MIN_TASKS && qualityAvg !== null && qualityAvg >= minQuality && s.toDiscuss <= s.done * GOING_WELL_MAX_TO_DISCUSS) {
      out.push({ category, tasksDone: s.done, qualityAvg, toDiscuss: s.toDiscuss });
    }
  }
  return out.sort((a, b) => b.qualityAvg - a.qualityAvg || b.tasksDone - a.tasksDone || (a.category < b.category ? -1 : 1));
}

export interface OpenTask<R extends KpiRating = KpiRating> {
  rating: R;
  /** Past its due date at `now`; null without a due date. */
  overdue: boolean | null;
  /** Whole days since the task was first rated. */
  daysOpen: number;
}

/**
 * The tasks not done yet ("still open": what is still being worked on), the soonest due first
 * and those without a due date last. Pass one VA's ratings.
 */
export function openTasks<R extends KpiRating & { createdAt: string }>(
  ratings: Iterable<R>, now: Date = new Date(), options: Pick<AgendaOptions, 'timeZone'> = {},
): OpenTask<R>[] {
  const judge = createJudge({ tolerance: DEFAULT_SETTINGS.tolerance, timeZone: options.timeZone });
  const nowIso = now.toISOString();
  const out: (OpenTask<R> & { due: string | null })[] = [];
  for (const r of ratings) {
    if (r.doneAt !== null) continue;
    const due = r.dueAt === null ? null : judge.dueMoment(r.dueAt);
    const daysOpen = Math.max(0, Math.floor((now.getTime() - Date.parse(r.createdAt)) / 86_400_000));
    out.push({ rating: r, due, overdue: due === null ? null : due <= nowIso, daysOpen });
  }
  out.sort((a, b) => (a.due === b.due ? (a.rating.id < b.rating.id ? -1 : 1) : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1));
  return out.map(({ due: _, ...item }) => item);
}
