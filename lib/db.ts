// The IndexedDB database. Lives in the background and the extension's own pages;
// content scripts reach it only through lib/messages.ts.
import { Dexie, type EntityTable } from 'dexie';
import {
  Category, ImpactEntry, Rating, Review, Target, TaskRef, Va, describeIssues, nowIso,
  type RatingPatch,
} from './model';
import type { z } from 'zod';
import { DONE_DAYS, doneDaysMiddleware, groupByDoneDay, utcDay, type DoneDay } from './done-days';
import { utcIso, type KpiRating } from './kpi/tasks';

export class ScorecardDb extends Dexie {
  vas!: EntityTable<Va, 'id'>;
  tasks!: EntityTable<TaskRef, 'key'>;
  ratings!: EntityTable<Rating, 'id'>;
  reviews!: EntityTable<Review, 'id'>;
  impact!: EntityTable<ImpactEntry, 'id'>;
  targets!: EntityTable<Target, 'id'>;
  categories!: EntityTable<Category, 'id'>;
  /** Derived from `ratings` (lib/done-days.ts); never written directly, not in backups. */
  doneDays!: EntityTable<DoneDay, 'day'>;

  constructor(name = 'va-scorecard') {
    super(name);
    // [vaId+doneAt] answers "ratings of VA x done in period P" with one range scan.
    this.version(1).stores({
      vas: 'id, name',
      tasks: 'key, platform, updatedAt',
      ratings: 'id, [vaId+doneAt], doneAt, updatedAt',
      reviews: 'id, [vaId+periodStart], nextCheckIn',
      impact: 'id, [metric+month], month',
      targets: 'id, kpi',
      categories: 'id',
    });
    this.version(2).stores({ [DONE_DAYS]: 'day' }).upgrade(async (tx) => {
      await tx.table(DONE_DAYS).bulkPut(groupByDoneDay(await tx.table<Rating>('ratings').toArray()));
    });
    this.use(doneDaysMiddleware);
  }
}

export const db = new ScorecardDb();

export class ValidationError extends Error {
  override name = 'ValidationError';
}

/** Parses before every write so nothing malformed is ever stored. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(`${what}: ${describeIssues(result.error)}`);
  return result.data;
}

export async function listVas(d = db, { includeArchived = false } = {}): Promise<Va[]> {
  const all = await d.vas.orderBy('name').toArray();
  return includeArchived ? all : all.filter((v) => !v.archived);
}

export async function saveVa(input: Partial<Va> & { name: string }, d = db): Promise<Va> {
  return d.transaction('rw', d.vas, async () => {
    const existing = input.id ? await d.vas.get(input.id) : undefined;
    const now = nowIso();
    const va = parseOrThrow(Va, {
      ...existing,
      ...input,
      id: input.id ?? crypto.randomUUID(),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    }, 'VA');
    await d.vas.put(va);
    return va;
  });
}

export async function setVaArchived(id: string, archived: boolean, d = db): Promise<Va> {
  return d.transaction('rw', d.vas, async () => {
    const va = await d.vas.get(id);
    if (!va) throw new ValidationError(`VA ${id} does not exist`);
    const next = { ...va, archived, updatedAt: nowIso() };
    await d.vas.put(next);
    return next;
  });
}

export async function getTaskRating(key: string, d = db): Promise<{ task: TaskRef | null; rating: Rating | null }> {
  const [task, rating] = await Promise.all([d.tasks.get(key), d.ratings.get(key)]);
  return { task: task ?? null, rating: rating ?? null };
}

/**
 * Stores what the board says about a task and the owner's changes to its rating in one
 * transaction, so a rating never points at a task that was not written.
 */
export async function saveTaskRating(
  task: Omit<TaskRef, 'updatedAt'>,
  patch: RatingPatch,
  d = db,
): Promise<Rating> {
  return d.transaction('rw', d.tasks, d.ratings, async () => {
    const now = nowIso();
    const storedTask = parseOrThrow(TaskRef, { ...task, updatedAt: now }, 'Task');
    const existing = await d.ratings.get(storedTask.key);
    const rating = parseOrThrow(Rating, {
      dueAt: storedTask.dueAt,
      doneAt: storedTask.doneAt,
      ...existing,
      ...patch,
      id: storedTask.key,
      platform: storedTask.platform,
      taskId: storedTask.taskId,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    }, 'Rating');
    await d.tasks.put(storedTask);
    await d.ratings.put(rating);
    return rating;
  });
}

/** Ratings of one VA done in [startIso, endIso), read through the compound index. */
export function ratingsDoneBetween(vaId: string, startIso: string, endIso: string, d = db): Promise<Rating[]> {
  return d.ratings
    .where('[vaId+doneAt]')
    .between([vaId, startIso], [vaId, endIso], true, false)
    .toArray();
}

/** All ratings done in [startIso, endIso), any VA. */
export function allRatingsDoneBetween(startIso: string, endIso: string, d = db): Promise<Rating[]> {
  return d.ratings.where('doneAt').between(startIso, endIso, true, false).toArray();
}

/**
 * The KPI fields of all ratings done in [startIso, endIso), any VA, from the day copy: what the
 * popup reads, in a fraction of the time the full records take.
 */
export async function kpiRatingsDoneBetween(startIso: string, endIso: string, d = db): Promise<KpiRating[]> {
  const days = await d.doneDays.where('day').between(utcDay(startIso), utcDay(endIso), true, true).toArray();
  const out: KpiRating[] = [];
  for (const { ratings } of days) {
    for (const r of ratings) {
      const done = utcIso(r.doneAt!);
      if (done >= startIso && done < endIso) out.push(r);
    }
  }
  return out;
}

/** Adds timed minutes to a rating's actual time; the rating exists since the timer started. */
export async function addActualMinutes(key: string, minutes: number, d = db): Promise<Rating | null> {
  return d.transaction('rw', d.ratings, async () => {
    const rating = await d.ratings.get(key);
    if (!rating) return null;
    const next = { ...rating, actualMinutes: (rating.actualMinutes ?? 0) + minutes, updatedAt: nowIso() };
    await d.ratings.put(parseOrThrow(Rating, next, 'Rating'));
    return next;
  });
}
