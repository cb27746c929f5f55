// Writes that parse every record with zod before it is stored, so nothing malformed is kept.
import { db, type ScorecardDb } from '.';
import { Rating, Target, TaskRef, Va, describeIssues, newId, nowIso, type Identity, type RatingPatch, type TaskInput } from '../model';
import { isMember } from '../model/va-match';
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

/** Changes one stored VA inside a transaction; refused when the VA does not exist. */
async function updateVa(id: string, change: (va: Va) => Va | Promise<Va>, d: ScorecardDb): Promise<Va> {
  return d.transaction('rw', d.vas, async () => {
    const va = await d.vas.get(id);
    if (!va) throw new ValidationError(`VA ${id} does not exist`);
    return change(va);
  });
}

export function setVaArchived(id: string, archived: boolean, d: ScorecardDb = db): Promise<Va> {
  return updateVa(id, async (va) => {
    const next = { ...va, archived, updatedAt: nowIso() };
    await d.vas.put(next);
    return next;
  }, d);
}

/**
 * Stores what the board says about a task and the owner's changes to its rating in one
 * transaction, so a rating never points at a task that was not written. The patch changes only
 * the fields it names; `proposed` values (what the panel showed but the owner did not type) fill
 * only fields that have no value yet, so a tab opened earlier cannot overwrite a later choice.
 */
export async function saveTaskRating(
  task: TaskInput,
  patch: RatingPatch,
  d: ScorecardDb = db,
  proposed: RatingPatch = {},
): Promise<Rating> {
  return d.transaction('rw', d.tasks, d.ratings, async () => {
    const now = nowIso();
    // A synced task keeps its place on the synced board when the panel saves it.
    const sync = (await d.tasks.get(task.key))?.sync ?? null;
    const storedTask = parseOrThrow(TaskRef, { ...task, sync, updatedAt: now }, 'Task');
    const existing = await d.ratings.get(storedTask.key);
    const base: Record<string, unknown> = { dueAt: storedTask.dueAt, doneAt: storedTask.doneAt, ...existing };
    const boardFields = new Set<string>(existing?.boardFields ?? []);
    for (const [field, value] of Object.entries(proposed)) {
      if (base[field] != null || value == null) continue;
      base[field] = value;
      boardFields.add(field); // what the board showed, not what the owner typed
    }
    for (const field of Object.keys(patch)) boardFields.delete(field); // typed: the owner's from now on
    const rating = parseOrThrow(Rating, {
      ...base,
      ...patch,
      boardFields: [...boardFields],
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

/**
 * Adds timed minutes to a rating's actual time. The rating exists since the timer started; if it
 * was deleted meanwhile (delete all, a restore), it is made again from its key, so timed work is
 * never dropped. Throws when the minutes cannot be stored: the caller keeps the timer running.
 */
export async function addActualMinutes(key: string, minutes: number, d: ScorecardDb = db): Promise<Rating> {
  return d.transaction('rw', d.ratings, async () => {
    const now = nowIso();
    const split = key.indexOf(':');
    const rating: Partial<Rating> = await d.ratings.get(key)
      ?? { id: key, platform: key.slice(0, split) as Rating['platform'], taskId: key.slice(split + 1), createdAt: now };
    const boardFields = (rating.boardFields ?? []).filter((f) => f !== 'actualMinutes'); // timed: the owner's now
    const next = parseOrThrow(Rating, { ...rating, actualMinutes: (rating.actualMinutes ?? 0) + minutes, boardFields, updatedAt: now }, 'Rating');
    await d.ratings.put(next);
    return next;
  });
}

/**
 * Maps a board member to a VA. The same member mapped again (by id, else by name) replaces its
 * older mapping instead of adding a second one.
 */
export function mapVaIdentity(vaId: string, identity: Identity, d: ScorecardDb = db): Promise<Va> {
  return updateVa(vaId, (va) => {
    const member = { id: identity.memberId, name: identity.name };
    const others = va.identities.filter((i) => !isMember(i, identity.platform, member));
    return saveVa({ ...va, identities: [...others, identity] }, d);
  }, d);
}

/** Adds a KPI target; parsed first, so a target that cannot be met or read is refused. */
export async function saveTarget(input: Omit<Target, 'id' | 'updatedAt'>, what: string, d: ScorecardDb = db): Promise<Target> {
  const target = parseOrThrow(Target, { ...input, id: newId(), updatedAt: nowIso() }, what);
  await d.targets.put(target);
  return target;
}

export function deleteTarget(id: string, d: ScorecardDb = db): Promise<void> {
  return d.targets.delete(id);
}
