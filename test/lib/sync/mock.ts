// What the sync tests share: a virtual clock (sleep advances it, so rate-limit waits cost no real
// time), a request log, queued faults, and an in-memory SyncStore that can be "killed".
import type { SyncDeps } from '@/lib/sync/http';
import type { BoardCursor, BoardRef, BoardTask, SyncStore } from '@/lib/sync/types';

export interface Logged { url: string; at: number; status: number; headers: Record<string, string> }

/** A fake platform: `handle` answers a request that no queued fault took. */
export function createServer(handle: (url: URL, headers: Headers) => Response) {
  let now = Date.parse('2026-11-20T10:00:00.000Z');
  const log: Logged[] = [];
  const faults: { match: RegExp; response: () => Response }[] = [];
  const deps: SyncDeps = {
    now: () => now,
    sleep: async (ms) => { now += Math.max(0, ms); },
    random: () => 0.5,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const headers = new Headers(init?.headers);
      const i = faults.findIndex((f) => f.match.test(url.pathname + url.search));
      const res = i >= 0 ? faults.splice(i, 1)[0]!.response() : handle(url, headers);
      log.push({ url: url.pathname + url.search, at: now, status: res.status, headers: Object.fromEntries(headers) });
      if (res.type === 'error') throw new TypeError('Failed to fetch');
      return res;
    },
  };
  return {
    deps, log, faults,
    get now() { return now; },
    advance(ms: number) { now += ms; },
    /** Queue `response` for the next request matching `match` (times: how many). */
    fail(match: RegExp, response: () => Response, times = 1) { for (let i = 0; i < times; i++) faults.push({ match, response }); },
    /** The most requests sent in any `windowMs` (sliding, at the send instants). */
    peak(windowMs: number) {
      let best = 0;
      for (let i = 0, j = 0; i < log.length; i++) {
        while (log[i]!.at - log[j]!.at >= windowMs) j++;
        best = Math.max(best, i - j + 1);
      }
      return best;
    },
  };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
export const text = (body: string, status: number, type = 'text/plain') => new Response(body, { status, headers: { 'content-type': type } });
export const networkError = () => Response.error();

export interface Stored extends BoardTask { stamp: string; board: string | null; boardId: string }

/** The engine's store in memory; `kill` makes the nth commit's tasks land but the worker die before its cursor. */
export function memoryStore() {
  const tasks = new Map<string, Stored>();
  const cursors = new Map<string, BoardCursor>();
  let commits = 0;
  const kill = { afterTasksOfCommit: Infinity, afterCommit: Infinity };
  const store: SyncStore = {
    async getCursor(board) { return structuredClone(cursors.get(board.id) ?? null); },
    async commitPage(board, page, cursor) {
      commits++;
      for (const t of page.tasks) {
        const before = tasks.get(t.taskId);
        const doneAt = t.doneAtApprox && t.doneAt && before?.doneAt ? before.doneAt : t.doneAt; // an exact time stays
        tasks.set(t.taskId, { ...t, doneAt, stamp: page.runStartedAt, boardId: board.id });
      }
      for (const d of page.doneTimes) { const t = tasks.get(d.taskId); if (t) t.doneAt = d.doneAt; }
      for (const id of page.removed) tasks.delete(id);
      if (page.removeUnseen) for (const [id, t] of tasks) if (t.boardId === board.id && t.stamp !== page.runStartedAt) tasks.delete(id);
      if (commits === kill.afterTasksOfCommit) throw new Error('worker stopped');
      cursors.set(board.id, structuredClone(cursor));
      if (commits === kill.afterCommit) throw new Error('worker stopped');
    },
  };
  return { store, tasks, cursors, kill, get commits() { return commits; } };
}

export const board = (platform: BoardRef['platform'], id: string, name = 'Board'): BoardRef => ({ platform, id, name });
