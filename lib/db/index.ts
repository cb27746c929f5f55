// The IndexedDB database: its versioned schema and its reads. Lives in the background and the
// extension's own pages; content scripts reach it only through messages (lib/messages/). Writes,
// which validate with zod, are in writes.ts, import.ts and restore.ts beside this file, so readers
// such as the popup start without loading zod.
import { Dexie, type EntityTable } from 'dexie';
import type { Category, ImpactEntry, Rating, Review, SyncCursorRecord, Target, TaskRef, Va } from '../model';
import { QUARANTINE, setAsideUnreadable, type QuarantinedRecord } from './quarantine';
import { DONE_DAYS, doneDaysMiddleware, groupByDoneDay, utcDay, type DoneDay } from './done-days';
import { utcIso, type KpiRating } from '../kpi/tasks';
import { SYNC_CURSORS } from './tables';

export class ScorecardDb extends Dexie {
  vas!: EntityTable<Va, 'id'>;
  tasks!: EntityTable<TaskRef, 'key'>;
  ratings!: EntityTable<Rating, 'id'>;
  reviews!: EntityTable<Review, 'id'>;
  impact!: EntityTable<ImpactEntry, 'id'>;
  targets!: EntityTable<Target, 'id'>;
  categories!: EntityTable<Category, 'id'>;
  /** Derived from `ratings` (lib/db/done-days.ts); never written directly, not in backups. */
  doneDays!: EntityTable<DoneDay, 'day'>;
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;
  /** Where each board's sync is (lib/db/sync.ts), written with that board's pages. */
  syncCursors!: EntityTable<SyncCursorRecord, 'key'>;

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
    // Every later version that changes what a record must look like ends its upgrade with
    // setAsideUnreadable, so no record an older version left can stop the database opening.
    this.version(3).stores({ [QUARANTINE]: 'id' }).upgrade(setAsideUnreadable);
    // vaId finds a VA's open ratings for the review (they have no doneAt, so [vaId+doneAt] lacks
    // them); categories gain `archived`, which setAsideUnreadable fills in for older records.
    this.version(4).stores({ ratings: 'id, [vaId+doneAt], doneAt, updatedAt, vaId' }).upgrade(setAsideUnreadable);
    // Board cursors move here from storage.local, so a page's tasks and its cursor commit in one
    // transaction. A new table needs no upgrade step: the background moves an old profile's
    // cursor on its first read (lib/background/sync.ts).
    this.version(5).stores({ [SYNC_CURSORS]: 'key' });
    this.use(doneDaysMiddleware);
  }
}

export { KEY_OF, RECORD_TABLES, SYNC_CURSORS, TABLE_NAMES, type TableName } from './tables';
export { QUARANTINE, type QuarantinedRecord } from './quarantine';

export const db = new ScorecardDb();

/** Records set aside by an upgrade, oldest first. */
export function listQuarantined(d = db): Promise<QuarantinedRecord[]> {
  return d.quarantine.toArray().then((all) => all.sort((a, b) => a.quarantinedAt.localeCompare(b.quarantinedAt)));
}

export async function listVas(d = db, { includeArchived = false } = {}): Promise<Va[]> {
  const all = await d.vas.orderBy('name').toArray();
  return includeArchived ? all : all.filter((v) => !v.archived);
}

export async function getTaskRating(key: string, d = db): Promise<{ task: TaskRef | null; rating: Rating | null }> {
  const [task, rating] = await Promise.all([d.tasks.get(key), d.ratings.get(key)]);
  return { task: task ?? null, rating: rating ?? null };
}

/** Ratings of one VA done in [startIso, endIso), read through the compound index. */
export function ratingsDoneBetween(vaId: string, startIso: string, endIso: string, d = db): Promise<Rating[]> {
  return d.ratings
    .where('[vaId+doneAt]')
    .between([vaId, startIso], [vaId, endIso], true, false)
    .toArray();
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
