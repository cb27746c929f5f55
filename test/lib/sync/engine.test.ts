// The engine against a mock ClickUp: request counts, incremental runs, kill-and-resume, removal,
// and the rate limit, all in virtual time.
import { describe, expect, it } from 'vitest';
import { syncBoard } from '@/lib/sync/engine';
import { clickupSource } from '@/lib/platforms/clickup/api';
import { SyncError } from '@/lib/sync/types';
import { clickupMock, clickupTasks } from './clickup-mock';
import { board, json, memoryStore } from './mock';

const list = board('clickup', '901', 'Inbox');
const taskRequests = (log: { url: string }[]) => log.filter((r) => r.url.includes('/task')).length;

function setup(n: number) {
  const api = clickupMock({ tasks: clickupTasks(n) });
  const mem = memoryStore();
  const run = (extra: Partial<Parameters<typeof syncBoard>[0]> = {}) =>
    syncBoard({ source: clickupSource, board: list, token: api.token, store: mem.store, deps: api.deps, ...extra });
  return { api, mem, run };
}

describe('a full sync', () => {
  it('of a 1,050-task list takes 11 page requests and stores every task once with its dates and times', async () => {
    const { api, mem, run } = setup(1050);
    const outcome = await run();
    expect(taskRequests(api.log)).toBe(11);
    expect(api.log).toHaveLength(11); // the constant is zero: no request but the pages
    expect(outcome).toMatchObject({ pages: 11, tasks: 1050, full: true });
    expect(mem.tasks.size).toBe(1050);
    const first = mem.tasks.get('86c00000')!;
    expect(first).toMatchObject({
      title: 'Task 0', url: 'https://app.clickup.com/t/86c00000', assignees: [],
      dueAt: '2026-11-01T09:00:00.000Z', doneAt: '2026-11-01T08:00:00.000Z', estimateMinutes: 60, trackedMinutes: 90,
    });
    expect(mem.tasks.get('86c00001')).toMatchObject({ assignees: [{ id: '81001', name: 'Sanne' }], doneAt: null, dueAt: null, estimateMinutes: null });
  });

  it('drops the tasks that left the list, and only on a full run', async () => {
    const { api, mem, run } = setup(250);
    await run();
    const tasks = clickupTasks(250);
    const mock2 = clickupMock({ tasks: tasks.slice(0, 240) });
    mock2.advance(3_600_000);
    await syncBoard({ source: clickupSource, board: list, token: api.token, store: mem.store, deps: mock2.deps });
    expect(mem.tasks.size).toBe(250); // incremental: ClickUp reports no deletions
    await syncBoard({ source: clickupSource, board: list, token: api.token, store: mem.store, deps: mock2.deps, full: true });
    expect(mem.tasks.size).toBe(240);
    expect(mem.tasks.has('86c0006x')).toBe(false);
  });
});

describe('an incremental sync', () => {
  it('with no change takes one request and changes nothing', async () => {
    const { api, mem, run } = setup(1050);
    await run();
    const before = structuredClone([...mem.tasks]);
    api.log.length = 0;
    const outcome = await run();
    expect(api.log).toHaveLength(1);
    expect(api.log[0]!.url).toMatch(/date_updated_gt=\d+/);
    expect(outcome).toMatchObject({ full: false, tasks: 0 });
    expect([...mem.tasks]).toEqual(before);
  });

  it('picks up a task changed on the board', async () => {
    const tasks = clickupTasks(300);
    const api = clickupMock({ tasks });
    const mem = memoryStore();
    const go = () => syncBoard({ source: clickupSource, board: list, token: api.token, store: mem.store, deps: api.deps });
    await go();
    const changed = tasks[7]!;
    Object.assign(changed, { name: 'Renamed', closed: api.now, updated: api.now });
    api.log.length = 0;
    await go();
    expect(api.log).toHaveLength(1);
    expect(mem.tasks.get(changed.id)).toMatchObject({ title: 'Renamed', doneAt: new Date(api.now).toISOString() });
    expect(mem.tasks.size).toBe(300);
  });
});

describe('a worker stopped mid-sync', () => {
  it('after page 3 of 10 resumes at page 4 and ends with exactly the list', async () => {
    const { api, mem, run } = setup(1000);
    mem.kill.afterCommit = 3;
    await expect(run()).rejects.toThrow('worker stopped');
    expect(mem.tasks.size).toBe(300);
    await run();
    expect(taskRequests(api.log)).toBe(10); // pages 1–3, then 4–10: none fetched twice
    expect([...mem.tasks.keys()].sort()).toEqual(clickupTasks(1000).map((t) => t.id).sort());
  });

  it('between a page and its cursor fetches that page again, with no duplicate', async () => {
    const { api, mem, run } = setup(1000);
    mem.kill.afterTasksOfCommit = 3;
    await expect(run()).rejects.toThrow('worker stopped');
    await run();
    expect(taskRequests(api.log)).toBe(11);
    expect(mem.tasks.size).toBe(1000);
    const ids = [...mem.tasks.values()].map((t) => t.taskId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('limits and failures', () => {
  it('never goes over 100 requests a minute: a 15,000-task list takes 150 pages and no 429', async () => {
    const { api, mem, run } = setup(15_000);
    await run();
    expect(api.log).toHaveLength(150);
    expect(api.log.every((r) => r.status === 200)).toBe(true);
    expect(api.peak(60_000)).toBeLessThanOrEqual(100);
    expect(mem.tasks.size).toBe(15_000);
    expect(api.now - api.log[0]!.at).toBeGreaterThanOrEqual(60_000); // it waited for the window
  });

  it('gives up on a server that keeps failing, with a clear error, keeping the pages already stored', async () => {
    const { api, mem, run } = setup(500);
    api.fail(/page=2/, () => json({ err: 'Internal error', ECODE: 'ITEM_500' }, 502), 99);
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ kind: 'server', status: 502, detail: 'Internal error' });
    expect(taskRequests(api.log)).toBe(2 + 5);
    expect(mem.tasks.size).toBe(200);
    api.faults.length = 0;
    await run(); // the next run resumes at page 3
    expect(mem.tasks.size).toBe(500);
    expect(taskRequests(api.log)).toBe(7 + 3);
  });

  it('stops on a revoked token at once, with the platform\'s words', async () => {
    const { mem, api } = setup(10);
    const error = await syncBoard({ source: clickupSource, board: list, token: 'pk_revoked', store: mem.store, deps: api.deps }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', status: 401, detail: 'Token invalid' });
    expect(api.log).toHaveLength(1);
  });
});

describe('runs one after another', () => {
  it('share the token\'s window: a full sync of 100 pages and then "Sync now" get no 429', async () => {
    const { api, run } = setup(10_000);
    await run();
    await run();
    expect(api.log).toHaveLength(101);
    expect(api.log.filter((r) => r.status === 429)).toHaveLength(0);
    expect(api.peak(60_000)).toBeLessThanOrEqual(100);
  });
});
