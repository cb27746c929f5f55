// The JSON backup of everything the owner made (all tables + settings, the board connections and
// their cursors, never tokens): made in one read, and read back in full (every record validated)
// before lib/db/restore.ts writes any of it.
import { z } from 'zod';
import { db as defaultDb, KEY_OF, QUARANTINE, SYNC_CURSORS, TABLE_NAMES, type ScorecardDb, type TableName } from '../db';
import { t } from '../text/i18n';
import { BackupBoardSync, Category, ImpactEntry, Instant, Rating, Review, Settings, Target, TaskRef, Va } from '../model';
import { getSettings } from '../storage/settings';
import { syncConnectionsItem } from '../storage/items';

export const BACKUP_FORMAT = 'va-scorecard-backup';
/** 2: the board sync section. A version-1 file (without it) still reads. */
export const BACKUP_VERSION = 2;
/** The board sync section's schema, for the CLI (it reads and writes the same file in Node). */
export { BackupBoardSync };


/** A record an upgrade set aside (lib/db/quarantine.ts): carried as it is, restored only as set aside. */
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
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
  exportedAt: Instant,
  // Settings is a strict whitelist of fields: anything else in the file (a token) is dropped.
  settings: Settings.optional(),
  tables: z.object({
    vas: z.array(Va), tasks: z.array(TaskRef), ratings: z.array(Rating), reviews: z.array(Review),
    impact: z.array(ImpactEntry), targets: z.array(Target), categories: z.array(Category),
  }),
  // Optional: files made before records could be set aside are still version 1.
  quarantine: z.array(Quarantined).optional(),
  // Optional: version-1 files have none; restoring one leaves the connections as they are.
  boardSync: BackupBoardSync.optional(),
});
export type Backup = z.infer<typeof Backup>;

/** Everything in one read transaction, so the backup is a consistent snapshot. */
export async function createBackup(d: ScorecardDb = defaultDb): Promise<Backup> {
  // The cursors in the same read as the tasks: restored, a sync resumes exactly where those tasks end.
  const { quarantine, cursors, ...tables } = await d.transaction('r', [...TABLE_NAMES, QUARANTINE, SYNC_CURSORS].map((n) => d.table(n)), async () => {
    const [vas, tasks, ratings, reviews, impact, targets, categories, quarantine, cursors] = await Promise.all([
      d.vas.toArray(), d.tasks.toArray(), d.ratings.toArray(), d.reviews.toArray(),
      d.impact.toArray(), d.targets.toArray(), d.categories.toArray(), d.quarantine.toArray(), d.syncCursors.toArray(),
    ]);
    return { vas, tasks, ratings, reviews, impact, targets, categories, quarantine, cursors };
  });
  // Field by field: the token lives under its own key, and not even its last 4 characters go out.
  const connections: BackupBoardSync['connections'] = {};
  for (const [platform, c] of Object.entries(await syncConnectionsItem.getValue())) {
    if (c) connections[platform as keyof typeof connections] = { account: c.account, boards: c.boards, connectedAt: c.connectedAt };
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    settings: await getSettings(),
    tables,
    quarantine,
    boardSync: { connections, cursors },
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
