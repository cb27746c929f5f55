// Writes that parse every record with zod before it is stored, so nothing malformed is kept.
import { db, type ScorecardDb } from './db';
import { Rating, TaskRef, Va, describeIssues, nowIso, type RatingPatch } from './model';
import type { z } from 'zod';

export class ValidationError extends Error {
  override name = 'ValidationError';
}

/** Parses before every write so nothing malformed is ever stored. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(`${what}: ${describeIssues(result.error)}`);
  return result.data;
}

export async function saveVa(input: Partial<Va> & { name: string }, d: ScorecardDb = db): Promise<Va> {
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

export async function setVaArchived(id: string, archived: boolean, d: ScorecardDb = db): Promise<Va> {
  return d.transaction('rw', d.vas, async () => {
    const va = await d.vas.get(id);
    if (!va) throw new ValidationError(`VA ${id} does not exist`);
    const next = { ...va, archived, updatedAt: nowIso() };
    await d.vas.put(next);
    return next;
  });
}

/**
 * Stores what the board says about a task and the owner's changes to its rating in one
 * transaction, so a rating never points at a task that was not written.
 */
export async function saveTaskRating(
  task: Omit<TaskRef, 'updatedAt'>,
  patch: RatingPatch,
  d: ScorecardDb = db,
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

/** Adds timed minutes to a rating's actual time; the rating exists since the timer started. */
export async function addActualMinutes(key: string, minutes: number, d: ScorecardDb = db): Promise<Rating | null> {
  return d.transaction('rw', d.ratings, async () => {
    const rating = await d.ratings.get(key);
    if (!rating) return null;
    const next = { ...rating, actualMinutes: (rating.actualMinutes ?? 0) + minutes, updatedAt: nowIso() };
    await d.ratings.put(parseOrThrow(Rating, next, 'Rating'));
    return next;
  });
}
