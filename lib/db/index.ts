// The IndexedDB database and its reads. Lives in the background and the extension's own pages;
// content scripts reach it only through lib/messages.ts. Writes that validate with zod are in
// lib/db-writes.ts, so readers such as the popup start without loading zod.
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { Category, ImpactEntry, Rating, Review, Target, TaskRef, Va } from '../model';
import { DONE_DAYS, doneDaysMiddleware, groupByDoneDay, utcDay, type DoneDay } from './done-days';
import { utcIso, type KpiRating } from '../kpi/tasks';

/** A stored record that no longer parsed after an upgrade, kept aside instead of read. */
export interface QuarantinedRecord {
  /** `table:key@quarantinedAt`, so setting the same key aside again later keeps both. */
  id: string;
  table: string;
  key: string;
  /** The record as it was stored, made JSON-safe so a backup can carry it. */
  record: unknown;
  /** What was wrong (zod's issues), or what threw while checking it. */
  reason: string;
  quarantinedAt: string;
}

export const QUARANTINE = 'quarantine';

/** The tables of records the owner made, each with the name of its schema in lib/model.ts. */
export const RECORD_TABLES = {
  vas: 'Va', tasks: 'TaskRef', ratings: 'Rating', reviews: 'Review', impact: 'ImpactEntry', targets: 'Target', categories: 'Category',
} as const;

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
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;

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
    this.use(doneDaysMiddleware);
  }
}

/** A copy JSON can write: a loop becomes `[circular]`, a bigint text, a date its instant. */
function jsonSafe(value: unknown, path = new Set<object>()): unknown {
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (path.has(value)) return '[circular]';
  path.add(value);
  const out = Array.isArray(value) ? value.map((v) => jsonSafe(v, path))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v, path)]));
  path.delete(value);
  return out;
}

/**
 * The upgrade step that keeps the owner from being locked out: every record of every table is
 * parsed with the model's schema; one that fails (or makes the check throw) moves to the
 * quarantine table with the reason, in this same upgrade transaction, and one that parses
 * with defaults filled in is stored in that form. It never rejects: a failed upgrade would
 * leave the database closed for good, so at worst a record stays where it was.
 */
export async function setAsideUnreadable(tx: Transaction): Promise<void> {
  try {
    // Loaded here, not statically: the popup opens the database too and starts without zod.
    // waitFor keeps the upgrade transaction alive while the module loads.
    const model = await Dexie.waitFor(import('../model'));
    const quarantinedAt = new Date().toISOString();
    for (const [name, schemaName] of Object.entries(RECORD_TABLES)) {
      if (!tx.storeNames.includes(name)) continue;
      try {
        const table = tx.table(name);
        const [keys, records] = await Promise.all([table.toCollection().primaryKeys(), table.toArray()]);
        const schema = model[schemaName];
        const rewritten: unknown[] = [];
        const aside: QuarantinedRecord[] = [];
        const asideKeys: typeof keys = [];
        records.forEach((raw: unknown, i) => {
          const key = String(keys[i]);
          let reason: string;
          try {
            const result = schema.safeParse(raw);
            if (result.success) {
              // Fields the schema does not know are kept; only defaults and normal forms change.
              const parsed = { ...(raw as object), ...result.data };
              if (JSON.stringify(parsed) !== JSON.stringify(raw)) rewritten.push(parsed);
              return;
            }
            reason = model.describeIssues(result.error);
          } catch (e) {
            reason = e instanceof Error ? e.message : String(e);
          }
          aside.push({ id: `${name}:${key}@${quarantinedAt}`, table: name, key, record: jsonSafe(raw), reason, quarantinedAt });
          asideKeys.push(keys[i]!);
        });
        if (rewritten.length > 0) await table.bulkPut(rewritten);
        if (aside.length > 0) {
          // Into quarantine first: if that fails, the record stays in its table, not nowhere.
          await tx.table(QUARANTINE).bulkPut(aside);
          await table.bulkDelete(asideKeys);
        }
      } catch (e) {
        console.error(`VA Scorecard: checking the ${name} records after the update failed`, e);
      }
    }
  } catch (e) {
    console.error('VA Scorecard: the records could not be checked after the update', e);
  }
}

export const db = new ScorecardDb();

/** Records set aside by an upgrade, oldest first. */
export function listQuarantined(d = db): Promise<QuarantinedRecord[]> {
  return d.quarantine.toArray().then((all) => all.sort((a, b) => a.quarantinedAt.localeCompare(b.quarantinedAt)));
}

export function deleteQuarantined(d = db): Promise<void> {
  return d.quarantine.clear();
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
