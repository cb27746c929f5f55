// JSON backup of everything the owner made (all tables + settings, never tokens) and its
// restore: validated in full before anything is written, then one transaction.
import { z } from 'zod';
import { db as defaultDb, type ScorecardDb } from './db';
import { t } from './i18n';
import { Category, ImpactEntry, Instant, Rating, Review, Settings, Target, TaskRef, Va } from './model';
import { getSettings, settingsItem } from './settings';

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
});
export type Backup = z.infer<typeof Backup>;

/** Everything in one read transaction, so the backup is a consistent snapshot. */
export async function createBackup(d: ScorecardDb = defaultDb): Promise<Backup> {
  const tables = await d.transaction('r', TABLE_NAMES.map((n) => d.table(n)), async () => {
    const [vas, tasks, ratings, reviews, impact, targets, categories] = await Promise.all([
      d.vas.toArray(), d.tasks.toArray(), d.ratings.toArray(), d.reviews.toArray(),
      d.impact.toArray(), d.targets.toArray(), d.categories.toArray(),
    ]);
    return { vas, tasks, ratings, reviews, impact, targets, categories };
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    settings: await getSettings(),
    tables,
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
  await d.transaction('rw', TABLE_NAMES.map((n) => d.table(n)), async () => {
    for (const name of TABLE_NAMES) {
      const table = d.table<AnyRecord, string>(name);
      const incoming = backup.tables[name] as AnyRecord[];
      if (mode === 'replace') {
        await table.clear();
        await table.bulkPut(incoming);
        counts[name].written = incoming.length;
        continue;
      }
      const existing = await table.bulkGet(incoming.map((r) => String(r[KEY_OF[name]])));
      const newer = incoming.filter((r, i) => {
        const ours = existing[i];
        return !ours || Date.parse(r.updatedAt) > Date.parse(ours.updatedAt);
      });
      await table.bulkPut(newer);
      counts[name] = { written: newer.length, kept: incoming.length - newer.length };
    }
  });
  const settingsRestored = mode === 'replace' && backup.settings !== undefined;
  if (settingsRestored) await settingsItem.setValue(backup.settings!);
  return { mode, tables: counts, settingsRestored };
}

/** Deletes every record (settings and board connections stay), in one transaction. */
export async function deleteAllData(d: ScorecardDb = defaultDb): Promise<void> {
  await d.transaction('rw', TABLE_NAMES.map((n) => d.table(n)), async () => {
    await Promise.all(TABLE_NAMES.map((n) => d.table(n).clear()));
  });
}
