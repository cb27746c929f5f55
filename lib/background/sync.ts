// The background's side of board sync: the only code that reads a token. It runs the engine
// (lib/sync/) with the browser's fetch and clock, stores pages and their cursors through
// lib/db/sync.ts, reports progress per board, and syncs by alarm at the interval the owner chose.
import { db as defaultDb, type ScorecardDb } from '../db';
import { createSyncStore, forgetSyncCursors } from '../db/sync';
import { nowIso, type Platform } from '../model';
import { PLATFORM_REGISTRY, PLATFORMS } from '../platforms/registry';
import { SYNC_SOURCES } from '../platforms/sync-sources';
import { syncBoard } from '../sync/engine';
import { createHttp, runtimeDeps, type SyncDeps } from '../sync/http';
import { SyncError, type BoardRef } from '../sync/types';
import { settingsItem, legacySyncCursorItem, syncConnectionsItem, syncStatusItem, tokenItem, type BoardStatus, type SyncConnection } from '../storage/items';
import { getSettings } from '../storage/settings';
import { describeSyncError } from '../text/sync-error';

export const SYNC_ALARM = 'board-sync';
const PERIOD_MINUTES = { hourly: 60, daily: 24 * 60 } as const;

const statusKey = (board: BoardRef) => `${board.platform}:${board.id}`;

export function createSyncService(d: ScorecardDb = defaultDb, deps: SyncDeps = runtimeDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  /** One sync at a time: two clicks (or a click and the alarm) never run a board twice at once. */
  const serialised = <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.then(step);
    queue = run.catch(() => {});
    return run;
  };

  async function setStatus(board: BoardRef, change: Partial<BoardStatus>) {
    const all = await syncStatusItem.getValue();
    const before: BoardStatus = all[statusKey(board)] ?? { running: false, pages: 0, tasks: 0, fraction: null, lastSyncAt: null, stored: 0, error: null };
    await syncStatusItem.setValue({ ...all, [statusKey(board)]: { ...before, ...change } });
  }

  async function permitted(platform: Platform) {
    const origins = [...PLATFORM_REGISTRY[platform].apiPatterns];
    if (!(await browser.permissions.contains({ origins }))) throw new SyncError('permission');
  }

  const http = (platform: Platform, token: string) => {
    const source = SYNC_SOURCES[platform];
    return createHttp({ deps, limit: source.rateLimit, headers: source.authHeaders(token), scope: platform });
  };

  async function storedToken(platform: Platform) {
    const token = await tokenItem(platform).getValue();
    if (!token) throw new SyncError('noToken'); // a connection restored from a backup, or none
    return token;
  }

  const store = createSyncStore(d);

  const storedCount = (board: BoardRef) =>
    d.tasks.where('platform').equals(board.platform).filter((task) => task.sync?.board === board.id).count();

  async function runBoard(board: BoardRef, token: string, full: boolean) {
    await setStatus(board, { running: true, pages: 0, tasks: 0, fraction: null, error: null });
    try {
      await syncBoard({
        source: SYNC_SOURCES[board.platform], board, token, store, deps, full,
        onProgress: (p) => { void setStatus(board, { pages: p.pages, tasks: p.tasks, fraction: p.fraction }); },
      });
      await setStatus(board, { running: false, fraction: 1, lastSyncAt: nowIso(), stored: await storedCount(board), error: null });
    } catch (e) {
      const error = e instanceof SyncError ? { kind: e.kind, detail: e.detail } : { kind: 'request' as const, detail: e instanceof Error ? e.message : String(e) };
      await setStatus(board, { running: false, stored: await storedCount(board), error });
    }
  }

  return {
    /** Checks a credential without storing it: the account's name. */
    async test(platform: Platform, token: string): Promise<string> {
      try {
        await permitted(platform);
        return await SYNC_SOURCES[platform].accountName(http(platform, token));
      } catch (e) { throw new Error(describeSyncError(e)); }
    },
    /** Checks and stores a credential; the dashboard then shows only its last 4 characters. */
    async connect(platform: Platform, token: string): Promise<{ connection: SyncConnection; boards: BoardRef[] }> {
      await permitted(platform).catch((e: unknown) => { throw new Error(describeSyncError(e)); });
      const client = http(platform, token);
      try {
        const account = await SYNC_SOURCES[platform].accountName(client);
        const boards = await SYNC_SOURCES[platform].listBoards(client);
        const connections = await syncConnectionsItem.getValue();
        const connection: SyncConnection = { account, last4: token.slice(-4), boards: connections[platform]?.boards ?? [], connectedAt: nowIso() };
        await tokenItem(platform).setValue(token);
        await syncConnectionsItem.setValue({ ...connections, [platform]: connection });
        return { connection, boards };
      } catch (e) {
        throw new Error(describeSyncError(e));
      }
    },
    async boards(platform: Platform): Promise<BoardRef[]> {
      try {
        const token = await storedToken(platform);
        await permitted(platform);
        return await SYNC_SOURCES[platform].listBoards(http(platform, token));
      } catch (e) { throw new Error(describeSyncError(e)); }
    },
    async choose(platform: Platform, boards: BoardRef[]): Promise<SyncConnection> {
      const connections = await syncConnectionsItem.getValue();
      const connection = connections[platform];
      if (!connection) throw new Error(describeSyncError(new SyncError('auth')));
      const next = { ...connection, boards: boards.filter((b) => b.platform === platform) };
      await syncConnectionsItem.setValue({ ...connections, [platform]: next });
      return next;
    },
    /** Removes the token, the connection, its cursors and statuses; the permission goes too. */
    async disconnect(platform: Platform): Promise<void> {
      const connections = await syncConnectionsItem.getValue();
      const boards = connections[platform]?.boards ?? [];
      await tokenItem(platform).removeValue();
      await forgetSyncCursors(platform, d);
      for (const b of boards) await legacySyncCursorItem(platform, b.id).removeValue();
      const { [platform]: _, ...rest } = connections;
      await syncConnectionsItem.setValue(rest);
      const statuses = await syncStatusItem.getValue();
      await syncStatusItem.setValue(Object.fromEntries(Object.entries(statuses).filter(([key]) => !key.startsWith(`${platform}:`))));
      await browser.permissions.remove({ origins: [...PLATFORM_REGISTRY[platform].apiPatterns] }).catch(() => false);
    },
    /** Syncs the chosen boards (of one platform, or one board), one after another. */
    run(filter: { platform?: Platform; boardId?: string; full?: boolean } = {}): Promise<Record<string, BoardStatus>> {
      return serialised(async () => {
        const connections = await syncConnectionsItem.getValue();
        for (const platform of PLATFORMS) {
          if (filter.platform && filter.platform !== platform) continue;
          const boards = (connections[platform]?.boards ?? []).filter((b) => !filter.boardId || b.id === filter.boardId);
          if (boards.length === 0) continue;
          let token: string;
          try {
            // The missing token first: a restored connection lacks both, and the token is what to give.
            token = await storedToken(platform);
            await permitted(platform);
          } catch (e) {
            const kind = e instanceof SyncError ? e.kind : 'request';
            for (const b of boards) await setStatus(b, { running: false, error: { kind, detail: '' } });
            continue;
          }
          for (const board of boards) await runBoard(board, token, filter.full === true);
        }
        return syncStatusItem.getValue();
      });
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;

/** The alarm follows the interval setting; a worker that was stopped mid-sync resumes on start. */
export async function registerSyncAlarm(service: SyncService) {
  const schedule = async () => {
    const { syncInterval } = await getSettings();
    await browser.alarms.clear(SYNC_ALARM);
    if (syncInterval !== 'off') {
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: PERIOD_MINUTES[syncInterval], delayInMinutes: PERIOD_MINUTES[syncInterval] });
    }
  };
  browser.alarms.onAlarm.addListener((alarm) => { if (alarm.name === SYNC_ALARM) void service.run(); });
  settingsItem.watch(() => { void schedule(); });
  await schedule();
  const statuses = await syncStatusItem.getValue();
  if (Object.values(statuses).some((s) => s.running)) void service.run();
}
