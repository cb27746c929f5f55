// Writes a parsed backup (lib/files/backup.ts) into the database, and deletes everything: each
// in one transaction, so a failure leaves the old data as it was.
import type { Table } from 'dexie';
import type { Backup } from '../files/backup';
import { nowIso, Va, type Platform, type Rating } from '../model';
import { forgetSyncProgress, settingsItem, syncConnectionsItem, type SyncConnections } from '../storage/items';
import { t } from '../text/i18n';
import { db as defaultDb, type ScorecardDb } from '.';
import { QUARANTINE, type QuarantinedRecord } from './quarantine';
import { KEY_OF, SYNC_CURSORS, TABLE_NAMES, type TableName } from './tables';

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
  /** Board connections restored without a token here: each needs it again before it syncs. */
  needToken: Platform[];
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
  await d.transaction('rw', [...TABLE_NAMES, QUARANTINE, SYNC_CURSORS].map((n) => d.table(n)), async () => {
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
    // Cursors follow the tasks they describe. Replace: the file's (none in a version-1 file), as a
    // cursor of ours would skip board changes the file's tasks lack. Merge: ours stay, the file's
    // fill in boards we have none for (re-syncing from an older place duplicates nothing).
    const cursors = backup.boardSync?.cursors ?? [];
    if (mode === 'replace') await d.syncCursors.clear();
    const oursCursors = new Set(mode === 'replace' ? [] : await d.syncCursors.toCollection().primaryKeys());
    await d.syncCursors.bulkPut(cursors.filter((c) => !oursCursors.has(c.key)));
  });
  // Any cursor an older version left in storage and the boards' last outcomes describe the old tasks.
  if (mode === 'replace') await forgetSyncProgress();
  const settingsRestored = mode === 'replace' && backup.settings !== undefined;
  if (settingsRestored) await settingsItem.setValue(backup.settings!);
  const needToken = backup.boardSync ? await restoreConnections(backup.boardSync.connections, mode) : [];
  return { mode, tables: counts, settingsRestored, quarantine, standInVas, needToken };
}

/**
 * Puts the file's board connections back. The page never reads a token (only the background
 * does), but a connection here with `last4` has one: replace keeps that token, its account and
 * the file's boards; without one the connection comes back as needing its token. Merge adds only
 * platforms not connected here. Answers the platforms that need their token.
 */
async function restoreConnections(incoming: NonNullable<Backup['boardSync']>['connections'], mode: RestoreMode): Promise<Platform[]> {
  const ours = await syncConnectionsItem.getValue();
  const next: SyncConnections = { ...ours };
  for (const [platform, c] of Object.entries(incoming) as [Platform, NonNullable<typeof incoming[Platform]>][]) {
    const here = ours[platform];
    if (mode === 'merge' && here) continue;
    next[platform] = here?.last4 ? { ...here, boards: c.boards } : { account: c.account, last4: null, boards: c.boards, connectedAt: c.connectedAt };
  }
  await syncConnectionsItem.setValue(next);
  return (Object.keys(next) as Platform[]).filter((p) => next[p]!.last4 === null && p in incoming).sort();
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

/**
 * Deletes every record (settings and board connections stay) and where each board's sync had got
 * to, in one transaction, so the next sync brings the boards' tasks back.
 */
export async function deleteAllData(d: ScorecardDb = defaultDb): Promise<void> {
  const all = [...TABLE_NAMES, QUARANTINE, SYNC_CURSORS];
  await d.transaction('rw', all.map((n) => d.table(n)), async () => {
    await Promise.all(all.map((n) => d.table(n).clear()));
  });
  await forgetSyncProgress();
}

/** Deletes the records an upgrade set aside, once the owner has kept a copy or does not need them. */
export function deleteQuarantined(d: ScorecardDb = defaultDb): Promise<void> {
  return d.quarantine.clear();
}
