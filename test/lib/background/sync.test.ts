// The background's sync service through its messages: the token stays in the background (only its
// last 4 characters come back), a sync fills the popup's KPIs, disconnect removes every trace.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ScorecardDb } from '@/lib/db';
import { saveVa } from '@/lib/db/writes';
import { loadSummary } from '@/lib/db/summary';
import { createHandlers } from '@/lib/background/handlers';
import { createSyncService } from '@/lib/background/sync';
import { createSyncStore } from '@/lib/db/sync';
import { describeSyncError } from '@/lib/text/sync-error';
import { SyncError } from '@/lib/sync/types';
import { syncConnectionsItem } from '@/lib/storage/items';
import { readSyncCursor } from '@/lib/db/sync';
import { syncBoard } from '@/lib/sync/engine';
import { clickupSource } from '@/lib/platforms/clickup/api';
import { dispatch, type Handlers } from '@/lib/messages/listen';
import { clickupMock, clickupTasks } from '../sync/clickup-mock';

const self = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/dashboard.html` } as never;
let d: ScorecardDb;
let api: ReturnType<typeof clickupMock>;
let handlers: Handlers;
let granted: boolean;
const removed: unknown[] = [];

beforeEach(() => {
  d = new ScorecardDb(`test-${crypto.randomUUID()}`);
  api = clickupMock({ tasks: clickupTasks(250, Date.parse('2026-11-02T08:00:00.000Z')) });
  handlers = createHandlers(d, createSyncService(d, api.deps));
  granted = true;
  removed.length = 0;
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (p) => { removed.push(p); return true; });
});

async function storageDump() {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

describe('board sync from the dashboard', () => {
  it('connects with a token it keeps to itself: the answer and every other key carry only its last 4 characters', async () => {
    const reply = await dispatch(handlers, 'sync.connect', { platform: 'clickup', token: api.token }, self);
    expect(reply.connection).toMatchObject({ account: 'Owner Olga', last4: 'CRET', boards: [] });
    expect(reply.boards.map((b) => b.name)).toEqual(['Ops › Inbox', 'Ops › Clients › Backlog']);
    expect(JSON.stringify(reply)).not.toContain(api.token);
    const { [`token:clickup`]: token, ...rest } = await fakeBrowser.storage.local.get(null);
    expect(token).toBe(api.token);
    expect(JSON.stringify(rest)).not.toContain(api.token);
  });

  it('refuses a wrong token with a translated message and stores nothing', async () => {
    await expect(dispatch(handlers, 'sync.connect', { platform: 'clickup', token: 'pk_wrong' }, self))
      .rejects.toThrow('The token is not valid or was revoked: make a new one and connect again. (Token invalid)');
    expect(await storageDump()).toBe('{}');
  });

  it('without the API permission says so', async () => {
    granted = false;
    await expect(dispatch(handlers, 'sync.test', { platform: 'clickup', token: api.token }, self)).rejects.toThrow(/may not reach this platform's API/);
    expect(api.log).toHaveLength(0);
  });

  it('syncs the chosen list: tasks count for the mapped VA in the popup, and the board shows when and how many', async () => {
    const va = await saveVa({ name: 'Joris', identities: [{ platform: 'clickup', memberId: '81000', name: 'Joris' }] }, d);
    const { boards } = await dispatch(handlers, 'sync.connect', { platform: 'clickup', token: api.token }, self);
    await dispatch(handlers, 'sync.choose', { platform: 'clickup', boards: [boards[0]!] }, self);
    const statuses = await dispatch(handlers, 'sync.run', {}, self);
    expect(statuses['clickup:901']).toMatchObject({ running: false, stored: 250, error: null, fraction: 1 });
    expect(statuses['clickup:901']!.lastSyncAt).not.toBeNull();
    const card = (await loadSummary({ kind: 'thisMonth' }, d, new Date('2026-11-20T12:00:00Z'))).cards.find((c) => c.va.id === va.id)!;
    // Joris has the even tasks that have an assignee (i % 5 ≠ 0); closed are i % 3 = 0: i ≡ 0
    // (mod 6) below 250 is 42 tasks, less the 9 with i ≡ 0 (mod 30): 33 done, each an hour before
    // its due time. Tracked 90 of 60 minutes where i % 4 = 0: i ≡ 0 (mod 12), 21 less 5: 16 tasks.
    expect(card.kpis).toMatchObject({ tasksDone: 33, onTimeRate: 1, estimateRatio: 1.5, hoursLogged: 24 });
  });

  it('shows a failed sync as the board\'s error and keeps what was synced', async () => {
    const { boards } = await dispatch(handlers, 'sync.connect', { platform: 'clickup', token: api.token }, self);
    await dispatch(handlers, 'sync.choose', { platform: 'clickup', boards: [boards[0]!] }, self);
    api.fail(/page=1/, () => new Response('<html>502</html>', { status: 502 }), 5);
    const statuses = await dispatch(handlers, 'sync.run', {}, self);
    expect(statuses['clickup:901']).toMatchObject({ running: false, stored: 100, error: { kind: 'server', detail: '' } });
  });

  it('disconnects: token, connection, cursors and statuses gone, and the API permission given back', async () => {
    const { boards } = await dispatch(handlers, 'sync.connect', { platform: 'clickup', token: api.token }, self);
    await dispatch(handlers, 'sync.choose', { platform: 'clickup', boards }, self);
    await dispatch(handlers, 'sync.run', {}, self);
    await dispatch(handlers, 'sync.disconnect', { platform: 'clickup' }, self);
    expect(await storageDump()).toBe('{"syncConnections":{},"syncStatus":{}}');
    expect(await d.table('syncCursors').count()).toBe(0);
    expect(removed).toEqual([{ origins: ['https://api.clickup.com/*'] }]);
  });
});

describe('a connection restored from a backup', () => {
  it('syncs only once its token is given again, and says so instead of failing silently', async () => {
    granted = false; // a new browser has not allowed the API either: the missing token is what to say first
    await syncConnectionsItem.setValue({ clickup: { account: 'Owner Olga', last4: null, boards: [{ platform: 'clickup', id: '901', name: 'Inbox' }], connectedAt: '2026-11-01T00:00:00.000Z' } });
    const statuses = await dispatch(handlers, 'sync.run', {}, self);
    expect(statuses['clickup:901']).toMatchObject({ running: false, error: { kind: 'noToken' } });
    expect(describeSyncError(new SyncError('noToken'))).toMatch(/no token/i);
    expect(api.log).toHaveLength(0);
    granted = true;
    const { connection } = await dispatch(handlers, 'sync.connect', { platform: 'clickup', token: api.token }, self);
    expect(connection).toMatchObject({ last4: 'CRET', boards: [{ id: '901' }] }); // the restored choice stays
    expect((await dispatch(handlers, 'sync.run', {}, self))['clickup:901']).toMatchObject({ error: null, stored: 250 });
  });
});

describe('a worker stopped mid-sync, with the database as the store', () => {
  const list = { platform: 'clickup', id: '901', name: 'Inbox' } as const;
  const taskPages = () => api.log.filter((r) => r.url.includes('/task')).length;
  /** A run that the worker's death stops after `pages` pages (the engine checks before each request). */
  async function stoppedAfter(pages: number) {
    api = clickupMock({ tasks: clickupTasks(1000) });
    const stop = new AbortController();
    await expect(syncBoard({
      source: clickupSource, board: list, token: api.token, store: createSyncStore(d), deps: api.deps, signal: stop.signal,
      onProgress: (p) => { if (p.pages === pages) stop.abort(); },
    })).rejects.toThrow('stopped');
  }
  // A new worker: nothing kept in memory, only what the database (and storage) hold.
  const resume = () => syncBoard({ source: clickupSource, board: list, token: api.token, store: createSyncStore(d), deps: api.deps });
  const storedIds = async () => (await d.tasks.toArray()).map((t) => t.taskId).sort();

  it('after page 3 of 10 resumes at page 4 and ends with exactly the list', async () => {
    await stoppedAfter(3);
    expect(await d.tasks.count()).toBe(300);
    expect((await readSyncCursor('clickup', '901', d))?.run).toMatchObject({ pages: 3, full: true });
    await resume();
    expect(taskPages()).toBe(10); // pages 1–3, then 4–10: none fetched twice
    expect(await storedIds()).toEqual(clickupTasks(1000).map((t) => t.id).sort());
    expect((await readSyncCursor('clickup', '901', d))).toMatchObject({ run: null, watermark: expect.any(String) });
  });

  it('keeps its place from a profile that stored cursors in storage.local before version 5', async () => {
    await stoppedAfter(3);
    // What the previous version left: the cursor as a storage key, none in the database.
    const cursor = await readSyncCursor('clickup', '901', d);
    await d.table('syncCursors').clear();
    await fakeBrowser.storage.local.set({ 'syncCursor:clickup:901': cursor });
    await resume();
    expect(taskPages()).toBe(10); // resumed at page 4: the old place was not lost
    expect(await storedIds()).toEqual(clickupTasks(1000).map((t) => t.id).sort());
    expect(await fakeBrowser.storage.local.get('syncCursor:clickup:901')).toEqual({});
    expect(await readSyncCursor('clickup', '901', d)).toMatchObject({ run: null });
  });
});
