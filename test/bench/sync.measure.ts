// Board sync of a 10,000-task list against each platform's mock (test/lib/sync/*-mock.ts), in
// Node: requests (full: pages + O(1); incremental with no change: 1 per board), the wall time the
// platform's rate limit imposes (virtual clock: the limiter's waits, zero network latency), the
// engine's own CPU time, and the most requests in any window of the platform's limit. Prints
// figures; asserts only request counts and the limit, never a time.
import { expect, it } from 'vitest';
import { syncBoard } from '../../lib/sync/engine';
import { asanaSource } from '../../lib/platforms/asana/api';
import { clickupSource } from '../../lib/platforms/clickup/api';
import { trelloSource } from '../../lib/platforms/trello/api';
import type { BoardRef, SyncSource } from '../../lib/sync/types';
import { memoryStore } from '../lib/sync/mock';
import { clickupMock, clickupTasks } from '../lib/sync/clickup-mock';
import { asanaMock, asanaTasks } from '../lib/sync/asana-mock';
import { trelloCards, trelloMock } from '../lib/sync/trello-mock';
import { record } from './results';

const N = 10_000;

async function measure(name: string, source: SyncSource<never>, board: BoardRef, token: string, api: ReturnType<typeof clickupMock> | ReturnType<typeof asanaMock> | ReturnType<typeof trelloMock>, pages: number) {
  const mem = memoryStore();
  const run = async () => {
    const startVirtual = api.now;
    const startCpu = performance.now();
    const before = api.log.length;
    await syncBoard({ source, board, token, store: mem.store, deps: api.deps });
    return { requests: api.log.length - before, virtualMs: api.now - startVirtual, cpuMs: performance.now() - startCpu };
  };
  const full = await run();
  const incremental = await run();
  const { max, windowMs } = source.rateLimit;
  const peak = api.peak(windowMs);
  console.log(`${name}: full ${N} tasks: ${full.requests} requests (${pages} pages), ${(full.virtualMs / 1000).toFixed(1)} s under the limit, ${full.cpuMs.toFixed(0)} ms CPU; `
    + `incremental, no change: ${incremental.requests} request, ${incremental.cpuMs.toFixed(1)} ms CPU; peak ${peak} requests per ${windowMs / 1000} s (limit ${max}); 429s: ${api.log.filter((r) => r.status === 429).length}`);
  record({ measure: 'sync', platform: board.platform, fullRequests: full.requests, pages, incrementalRequests: incremental.requests, boards: 1, peak, limit: max, windowMs });
  expect(mem.tasks.size).toBe(N);
  expect(incremental.requests).toBe(1);
  expect(peak).toBeLessThanOrEqual(max);
  return full;
}

it('ClickUp: a 10,000-task list', async () => {
  const api = clickupMock({ tasks: clickupTasks(N) });
  const full = await measure('ClickUp', clickupSource as SyncSource<never>, { platform: 'clickup', id: api.listId, name: 'Inbox' }, api.token, api, 100);
  expect(full.requests).toBe(100);
});

it('Asana: a 10,000-task project', async () => {
  const api = asanaMock({ tasks: asanaTasks(N) });
  const full = await measure('Asana', asanaSource as SyncSource<never>, { platform: 'asana', id: api.projectId, name: 'Clients' }, api.token, api, 100);
  expect(full.requests).toBe(100);
});

it('Trello: a 10,000-card board', async () => {
  const api = trelloMock({ cards: trelloCards(N) });
  const full = await measure('Trello', trelloSource as SyncSource<never>, { platform: 'trello', id: api.boardId, name: 'Kantoor' }, api.credential, api, 11);
  // 10 card pages of 1,000; the tenth is full, so an 11th (empty) says it was the last; one page of actions.
  expect(full.requests).toBe(10 + 1 + 1);
});
