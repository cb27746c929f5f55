// JSON backup of everything the owner made (all tables + settings, never tokens) and its
// restore: validated in full before anything is written, then one transaction.
import type { Table } from 'dexie';
import { z } from 'zod';
import { db as defaultDb, QUARANTINE, type QuarantinedRecord, type ScorecardDb } from '../db';
import { t } from '../text/i18n';
import { Category, ImpactEntry, Instant, nowIso, Rating, Review, Settings, Target, TaskRef, Va } from '../model';
import { settingsItem } from '../storage/items';
import { getSettings } from '../storage/settings';

export const BACKUP_FORMAT = 'va-scorecard-backup';
export const BACKUP_VERSION = 1;

export const TABLE_NAMES = ['vas', 'tasks', 'ratings', 'reviews', 'impact', 'targets', 'categories'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const TABLE_SCHEMAS = {
  vas: Va, tasks: TaskRef, ratings: Rating, reviews: Review, impact: ImpactEntry, targets: Target, categories: Category,
} as const;

/** Primary key field of each table (as in lib/db.ts). */
const KEY_OF: Record<TableName, string> = {
  vas: 'id', tasks: 'key', ratings: 'id', reviews: 'id', impact: 'id', targets: 'id', categories: 'id',
};

/** A record an upgrade set aside (lib/db.ts): carried as it is, restored only as set aside. */
const Quarantined = z.object({
  id: z.string().min(1).max(1000),
  table: z.string().min(1).max(100),
  key: z.string().max(1000),
  record: z.unknown(),
  reason: z.string().max(10_000),
  quarantinedAt: Instant,
});

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: Instant,
  // Settings is a strict whitelist of fields: anything else in the file (a token) is dropped.
  settings: Settings.optional(),
  tables: z.object({
    vas: z.array(Va), tasks: z.array(TaskRef), ratings: z.array(Rating), reviews: z.array(Review),
    impact: z.array(ImpactEntry), targets: z.array(Target), categories: z.array(Category),
  }),
  // Optional: files made before records could be set aside are still version 1.
  quarantine: z.array(Quarantined).optional(),
});
export type Backup = z.infer<typeof Backup>;

/** Everything in one read transaction, so the backup is a consistent snapshot. */
export async function createBackup(d: ScorecardDb = defaultDb): Promise<Backup> {
  const { quarantine, ...tables } = await d.transaction('r', [...TABLE_NAMES, QUARANTINE].map((n) => d.table(n)), async () => {
    const [vas, tasks, ratings, reviews, impact, targets, categories, quarantine] = await Promise.all([
      d.vas.toArray(), d.tasks.toArray(), d.ratings.toArray(), d.reviews.toArray(),
      d.impact.toArray(), d.targets.toArray(), d.categories.toArray(), d.quarantine.toArray(),
    ]);
    return { vas, tasks, ratings, reviews, impact, targets, categories, quarantine };
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    settings: await getSettings(),
    tables,
    quarantine,
  };
}

export function backupBlob(backup: Backup): Blob {
  return new Blob([JSON.stringify(backup)], { type: 'application/json' });
}

/** One thing wrong in a backup file: where (`tables.ratings[12].quality`), which record, what. */
export interface BackupProblem {
  path: string;
  /** The id / key of the record, when the file has one there. */
  record: string | null;
  message: string;
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problems: BackupProblem[] };

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]`
    : out ? `${out}.${String(part)}` : String(part)), '');
}

function recordIdAt(raw: unknown, path: readonly PropertyKey[]): string | null {
  if (path[0] === 'quarantine' && typeof path[1] === 'number') {
    const id = (raw as { quarantine?: { id?: unknown }[] }).quarantine?.[path[1]]?.id;
    return typeof id === 'string' ? id : null;
  }
  if (path[0] !== 'tables' || typeof path[1] !== 'string' || typeof path[2] !== 'number') return null;
  const table = path[1] as TableName;
  const record = (raw as { tables?: Record<string, unknown[]> }).tables?.[table]?.[path[2]];
  const key = record && typeof record === 'object' ? (record as Record<string, unknown>)[KEY_OF[table]] : undefined;
  return typeof key === 'string' ? key : null;
}

/** Reads a backup file's text; never throws, lists every problem found instead. */
export function parseBackup(text: string): ParsedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '', record: null, message: t('data_errNotJson', e instanceof Error ? e.message : String(e)) }] };
  }
  const head = raw && typeof raw === 'object' ? raw as { format?: unknown; version?: unknown } : {};
  if (head.format !== BACKUP_FORMAT) {
    return { ok: false, problems: [{ path: 'format', record: null, message: t('data_errNotBackup') }] };
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    return { ok: false, problems: [{ path: 'version', record: null, message: t('data_errNewerBackup', head.version) }] };
  }
  const result = Backup.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({
        path: formatPath(issue.path), record: recordIdAt(raw, issue.path), message: issue.message,
      })),
    };
  }
  const problems: BackupProblem[] = [];
  for (const table of TABLE_NAMES) {
    const seen = new Set<string>();
    (result.data.tables[table] as Record<string, unknown>[]).forEach((record, i) => {
      const key = String(record[KEY_OF[table]]);
      if (seen.has(key)) problems.push({ path: `tables.${table}[${i}].${KEY_OF[table]}`, record: key, message: t('data_errDuplicateRecord') });
      seen.add(key);
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, backup: result.data };
}

export type RestoreMode = 'replace' | 'merge';

export interface RestoreReport {
  mode: RestoreMode;
  /** Per table: records written from the backup, and (merge) records kept because ours were newer or equal. */
  tables: Record<TableName, { written: number; kept: number }>;
  settingsRestored: boolean;
  /** Records the backup had set aside, put back as set aside (merge: those not here yet). */
  quarantine: number;
  /**
   * VAs the restored ratings point at that neither the backup nor (merge) this profile has:
   * each got a stand-in VA, so its ratings stay on a card and can be given to the right VA.
   */
  standInVas: { id: string; name: string; ratings: number }[];
}

/** "Unknown VA (va-zoe)": the id says which VA it was; a long one is cut to fit a name. */
function standInVa(id: string, now: string): Va {
  const shown = id.length > 60 ? `${id.slice(0, 60)}…` : id;
  return Va.parse({ id, name: t('data_standInVaName', shown), createdAt: now, updatedAt: now });
}

type AnyRecord = { updatedAt: string } & Record<string, unknown>;

/**
 * Writes a parsed backup. "replace": every table cleared and refilled in one transaction, so
 * a failure leaves the old data as it was. "merge": per record, the newer `updatedAt` wins
 * (ties keep ours), also in one transaction. Settings have no `updatedAt`: replace restores
 * them, merge keeps the current ones.
 */
export async function restoreBackup(backup: Backup, mode: RestoreMode, d: ScorecardDb = defaultDb): Promise<RestoreReport> {
  const counts = Object.fromEntries(TABLE_NAMES.map((n) => [n, { written: 0, kept: 0 }])) as RestoreReport['tables'];
  let quarantine = 0;
  let standInVas: RestoreReport['standInVas'] = [];
  await d.transaction('rw', [...TABLE_NAMES, QUARANTINE].map((n) => d.table(n)), async () => {
    let ratings: Rating[] = [];
    for (const name of TABLE_NAMES) {
      const table = d.table<AnyRecord, string>(name);
      const incoming = backup.tables[name] as AnyRecord[];
      const written = mode === 'replace' ? incoming : await newerThanOurs(table, name, incoming);
      if (mode === 'replace') await table.clear();
      await table.bulkPut(written);
      counts[name] = { written: written.length, kept: incoming.length - written.length };
      if (name === 'ratings') ratings = written as unknown as Rating[];
    }
    standInVas = await addStandInVas(d, ratings);
    const aside: QuarantinedRecord[] = backup.quarantine ?? [];
    if (mode === 'replace') await d.quarantine.clear();
    const ours = new Set(mode === 'replace' ? [] : await d.quarantine.toCollection().primaryKeys());
    const put = aside.filter((q) => !ours.has(q.id));
    await d.quarantine.bulkPut(put);
    quarantine = put.length;
  });
  const settingsRestored = mode === 'replace' && backup.settings !== undefined;
  if (settingsRestored) await settingsItem.setValue(backup.settings!);
  return { mode, tables: counts, settingsRestored, quarantine, standInVas };
}

/** Merge: the records of the backup that are new here or have a later `updatedAt` than ours. */
async function newerThanOurs(table: Table<AnyRecord, string>, name: TableName, incoming: AnyRecord[]): Promise<AnyRecord[]> {
  const existing = await table.bulkGet(incoming.map((r) => String(r[KEY_OF[name]]))) as (AnyRecord | undefined)[];
  return incoming.filter((r, i) => {
    const ours = existing[i];
    return !ours || Date.parse(r.updatedAt) > Date.parse(ours.updatedAt);
  });
}

/** A stand-in VA for each VA the written ratings point at that is not stored after the restore. */
async function addStandInVas(d: ScorecardDb, ratings: Rating[]): Promise<RestoreReport['standInVas']> {
  const perVa = new Map<string, number>();
  for (const r of ratings) if (r.vaId !== null) perVa.set(r.vaId, (perVa.get(r.vaId) ?? 0) + 1);
  const ids = [...perVa.keys()].sort();
  const stored = await d.vas.bulkGet(ids);
  const now = nowIso();
  const missing = ids.filter((_, i) => !stored[i]).map((id) => standInVa(id, now));
  await d.vas.bulkPut(missing);
  return missing.map((va) => ({ id: va.id, name: va.name, ratings: perVa.get(va.id)! }));
}

/** Deletes every record (settings and board connections stay), in one transaction. */
export async function deleteAllData(d: ScorecardDb = defaultDb): Promise<void> {
  const all = [...TABLE_NAMES, QUARANTINE];
  await d.transaction('rw', all.map((n) => d.table(n)), async () => {
    await Promise.all(all.map((n) => d.table(n).clear()));
  });
}
