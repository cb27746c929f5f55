// What board sync writes: tasks keyed by platform + id (writing a page twice changes nothing),
// and for a task whose assignee is one of the VAs, a rating made by the board, so the popup's
// KPIs, the done-days copy, the export and the review count it without a second code path. A
// rating's `boardFields` say which values came from the board: the sync updates only those and
// empty fields, never a value the owner typed. A task that leaves the board takes with it a
// rating only the sync made; one the owner touched stays. Each board's cursor is stored here
// too, in the same transaction as the page it follows.
import { db as defaultDb, listVas, type ScorecardDb } from '.';
import { BOARD_FIELDS, BoardCursor, Rating, SyncCursorRecord, TaskRef, nowIso, type Identity, type Platform, type Va } from '../model';
import type { BoardField } from '../model/constants';
import { proposeVa } from '../model/va-match';
import type { BoardCursor as Cursor, BoardTask, SyncStore } from '../sync/types';
import { legacySyncCursorItem } from '../storage/items';
import { mapVaIdentity, parseOrThrow } from './writes';

export interface SyncedPage {
  tasks: BoardTask[];
  doneTimes: { taskId: string; doneAt: string }[];
  removed: string[];
  runStartedAt: string;
  /** A full run is complete: this board's tasks the run did not see have left it. */
  removeUnseen: boolean;
}

/** What the owner edits, with each field's value when nothing was typed. */
const OWNER_DEFAULTS: Record<string, unknown> = {
  vaId: null, category: 'other', estimateMinutes: null, actualMinutes: null, quality: null, errorFree: null,
  followedBriefing: null, remindersNeeded: null, delaysFlagged: null, proactive: null, note: '', dueAt: null, doneAt: null,
};

/** Only the board filled it: every field with a value came from the board. */
export function boardOnly(r: Rating): boolean {
  const board = new Set<string>(r.boardFields ?? []);
  if (Object.keys(r.counters ?? {}).length > 0) return false;
  return Object.entries(OWNER_DEFAULTS).every(([field, empty]) => board.has(field) || (r as Record<string, unknown>)[field] === empty);
}

function boardValues(task: TaskRef, vas: readonly Va[]): Record<BoardField, string | number | null> {
  return {
    vaId: proposeVa(vas, task.platform, task.assignees)?.id ?? null,
    dueAt: task.dueAt, doneAt: task.doneAt,
    estimateMinutes: task.nativeEstimateMinutes, actualMinutes: task.nativeTrackedMinutes,
  };
}

/** The rating after the board's values: a record to put, 'delete', or null (nothing to write). */
function applyBoard(existing: Rating | undefined, task: TaskRef, vas: readonly Va[], now: string): Rating | 'delete' | null {
  const values = boardValues(task, vas);
  if (!existing && values.vaId === null) return null; // nobody we know: the task alone is kept
  const next: Record<string, unknown> = existing
    ? { ...existing }
    : { id: task.key, platform: task.platform, taskId: task.taskId, createdAt: now };
  const fields = new Set<BoardField>(existing?.boardFields ?? []);
  let changed = !existing;
  for (const field of BOARD_FIELDS) {
    if (existing && !fields.has(field) && existing[field] != null) continue; // typed: the owner's
    const value = values[field];
    if (next[field] !== value) { next[field] = value; changed = true; }
    if (value === null) fields.delete(field);
    else fields.add(field);
  }
  const boardFields = BOARD_FIELDS.filter((f) => fields.has(f));
  if (String(existing?.boardFields ?? []) !== String(boardFields)) changed = true;
  if (!changed) return null;
  const rating = parseOrThrow(Rating, { ...next, boardFields, updatedAt: now }, 'Rating');
  return rating.vaId === null && boardOnly(rating) ? (existing ? 'delete' : null) : rating;
}

async function readContext(d: ScorecardDb, keys: string[]) {
  const [vas, tasks, ratings] = await Promise.all([listVas(d), d.tasks.bulkGet(keys), d.ratings.bulkGet(keys)]);
  return { vas, tasks, ratings };
}

/** Takes a task off its synced board: gone with a board-only rating, kept (no longer synced) with the owner's. */
async function leaveBoard(keys: string[], d: ScorecardDb) {
  const ratings = await d.ratings.bulkGet(keys);
  const gone: string[] = [];
  const kept: TaskRef[] = [];
  const tasks = await d.tasks.bulkGet(keys);
  keys.forEach((key, i) => {
    const rating = ratings[i];
    if (!rating || boardOnly(rating)) gone.push(key);
    else if (tasks[i]) kept.push({ ...tasks[i]!, sync: null });
  });
  await d.ratings.bulkDelete(gone);
  await d.tasks.bulkDelete(gone);
  await d.tasks.bulkPut(kept);
}

const cursorKey = (platform: Platform, boardId: string) => `${platform}:${boardId}`;

function cursorRecord(platform: Platform, boardId: string, cursor: Cursor, now: string): SyncCursorRecord {
  return parseOrThrow(SyncCursorRecord, { key: cursorKey(platform, boardId), platform, boardId, cursor, updatedAt: now }, 'Sync cursor');
}

/**
 * Stores one page of a board's sync and the board's cursor after it in one transaction (tasks,
 * their ratings, removals, cursor): a page that fails, or a worker stopped mid-way, leaves
 * neither, so the next run fetches that page again from the cursor before it.
 */
export function commitSyncedPage(platform: Platform, boardId: string, page: SyncedPage, cursor: Cursor, d: ScorecardDb = defaultDb): Promise<void> {
  return d.transaction('rw', [d.tasks, d.ratings, d.vas, d.syncCursors], async () => {
    const now = nowIso();
    const place = cursorRecord(platform, boardId, cursor, now);
    const keyOf = (taskId: string) => `${platform}:${taskId}`;
    const doneKeys = page.doneTimes.map((x) => keyOf(x.taskId));
    const keys = [...new Set([...page.tasks.map((t) => keyOf(t.taskId)), ...doneKeys])];
    const { vas, tasks: stored, ratings } = await readContext(d, keys);
    const storedBy = new Map(keys.map((k, i) => [k, stored[i]]));
    const ratingBy = new Map(keys.map((k, i) => [k, ratings[i]]));
    const nextTasks = new Map<string, TaskRef>();
    const sync = { board: boardId, stamp: page.runStartedAt };
    for (const t of page.tasks) {
      const key = keyOf(t.taskId);
      const before = storedBy.get(key);
      const doneAt = t.doneAtApprox && t.doneAt && before?.doneAt ? before.doneAt : t.doneAt; // an exact time stays
      const { title, url, board, assignees, dueAt } = t;
      const fields = { key, platform, taskId: t.taskId, title, url, board, assignees, dueAt, doneAt,
        nativeEstimateMinutes: t.estimateMinutes, nativeTrackedMinutes: t.trackedMinutes, sync };
      // Unchanged facts keep their record as it is: a second run writes nothing.
      if (before && JSON.stringify({ ...before, updatedAt: 0 }) === JSON.stringify({ ...before, ...fields, updatedAt: 0 })) continue;
      nextTasks.set(key, parseOrThrow(TaskRef, { ...fields, updatedAt: now }, 'Task'));
    }
    for (const { taskId, doneAt } of page.doneTimes) {
      const key = keyOf(taskId);
      const task = nextTasks.get(key) ?? storedBy.get(key);
      if (task && task.doneAt !== doneAt) nextTasks.set(key, { ...task, doneAt, updatedAt: now });
    }
    const put: Rating[] = [];
    const drop: string[] = [];
    for (const [key, task] of nextTasks) {
      const result = applyBoard(ratingBy.get(key), task, vas, now);
      if (result === 'delete') drop.push(key);
      else if (result) put.push(result);
    }
    await d.tasks.bulkPut([...nextTasks.values()]);
    await d.ratings.bulkPut(put);
    await d.ratings.bulkDelete(drop);
    const left = page.removed.map(keyOf);
    if (page.removeUnseen) {
      const onBoard = await d.tasks.where('platform').equals(platform).filter((t) => t.sync?.board === boardId && t.sync.stamp !== page.runStartedAt).primaryKeys();
      left.push(...onBoard);
    }
    if (left.length > 0) await leaveBoard(left, d);
    await d.syncCursors.put(place);
  });
}

/** Where a board's sync is, or null before its first page. */
export async function readSyncCursor(platform: Platform, boardId: string, d: ScorecardDb = defaultDb): Promise<Cursor | null> {
  return (await d.syncCursors.get(cursorKey(platform, boardId)))?.cursor ?? null;
}

/**
 * Takes a cursor kept elsewhere (an older version's storage.local) unless the board has one here
 * already; answers the one now stored. One that does not parse is refused: without it the next
 * run is a full one, which writes each task once (tasks are keyed by platform + id).
 */
export function adoptSyncCursor(platform: Platform, boardId: string, cursor: unknown, d: ScorecardDb = defaultDb): Promise<Cursor | null> {
  return d.transaction('rw', d.syncCursors, async () => {
    const stored = await d.syncCursors.get(cursorKey(platform, boardId));
    if (stored) return stored.cursor;
    if (!BoardCursor.safeParse(cursor).success) return null;
    const record = cursorRecord(platform, boardId, cursor as Cursor, nowIso());
    await d.syncCursors.put(record);
    return record.cursor;
  });
}

/** Forgets the cursors of one platform's boards (disconnect), or of every board. */
export async function forgetSyncCursors(platform?: Platform, d: ScorecardDb = defaultDb): Promise<void> {
  if (platform) await d.syncCursors.where('key').startsWith(`${platform}:`).delete();
  else await d.syncCursors.clear();
}

/** Every synced task of `platform` again after the VAs changed (a member linked to a VA). */
export function reapplyBoardRatings(platform: Platform, d: ScorecardDb = defaultDb): Promise<number> {
  return d.transaction('rw', d.tasks, d.ratings, d.vas, async () => {
    const now = nowIso();
    const tasks = await d.tasks.where('platform').equals(platform).filter((t) => !!t.sync).toArray();
    const { vas, ratings } = await readContext(d, tasks.map((t) => t.key));
    const put: Rating[] = [];
    const drop: string[] = [];
    tasks.forEach((task, i) => {
      const result = applyBoard(ratings[i], task, vas, now);
      if (result === 'delete') drop.push(task.key);
      else if (result) put.push(result);
    });
    await d.ratings.bulkPut(put);
    await d.ratings.bulkDelete(drop);
    return put.length + drop.length;
  });
}

/** Links a board member to a VA and lets that member's synced tasks count for the VA. */
export async function linkAssignee(vaId: string, identity: Identity, d: ScorecardDb = defaultDb): Promise<Va> {
  const va = await mapVaIdentity(vaId, identity, d);
  await reapplyBoardRatings(identity.platform, d);
  return va;
}

/** Assignees of synced tasks that no VA claims yet, with how many tasks each has. */
export async function unlinkedAssignees(d: ScorecardDb = defaultDb) {
  const [vas, tasks] = await Promise.all([listVas(d, { includeArchived: true }), d.tasks.filter((t) => !!t.sync).toArray()]);
  const out = new Map<string, { platform: Platform; id: string | null; name: string; tasks: number }>();
  for (const task of tasks) {
    for (const a of task.assignees) {
      if (proposeVa(vas.filter((v) => !v.archived), task.platform, [a])) continue;
      const key = `${task.platform}:${a.id ?? a.name}`;
      const entry = out.get(key) ?? { platform: task.platform, id: a.id, name: a.name, tasks: 0 };
      entry.tasks++;
      out.set(key, entry);
    }
  }
  return [...out.values()].sort((a, b) => b.tasks - a.tasks);
}

/**
 * The sync engine's store on this database, for the background and the command line: each page
 * and its cursor in one transaction.
 */
export function createSyncStore(d: ScorecardDb = defaultDb): SyncStore {
  return {
    async getCursor(board) {
      const stored = await readSyncCursor(board.platform, board.id, d);
      if (stored) return stored;
      // A profile from before schema version 5 kept it in storage.local: moved on first read, so
      // a sync stopped before the update resumes where it was.
      const legacy = legacySyncCursorItem(board.platform, board.id);
      const old = await legacy.getValue();
      if (old === null) return null;
      const adopted = await adoptSyncCursor(board.platform, board.id, old, d);
      await legacy.removeValue();
      return adopted;
    },
    commitPage: (board, page, cursor) => commitSyncedPage(board.platform, board.id, page, cursor, d),
  };
}
