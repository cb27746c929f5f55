// Syncs one board: a full run the first time, incremental runs after, page by page. Every page's
// tasks are stored with the board's cursor after it (SyncStore.commitPage), so a worker that is
// stopped at any moment resumes at the first page not stored. Platform-agnostic: what a page is, and what
// "changed since" means, is the source's (lib/platforms/<id>/api.ts).
import { createHttp, type SyncDeps } from './http';
import { SyncError, type BoardCursor, type BoardRef, type Progress, type SyncSource, type SyncStore } from './types';

export interface SyncRun {
  source: SyncSource;
  board: BoardRef;
  token: string;
  store: SyncStore;
  deps: SyncDeps;
  /** Ignore the watermark: fetch every task and drop those that left the board. */
  full?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface SyncOutcome { board: BoardRef; requests: number; pages: number; tasks: number; full: boolean }

export async function syncBoard(run: SyncRun): Promise<SyncOutcome> {
  const { source, board, store, deps, signal } = run;
  const http = createHttp({ deps, limit: source.rateLimit, headers: source.authHeaders(run.token), signal, scope: source.platform });
  const stored = await store.getCursor(board);
  let cursor: BoardCursor = stored ?? { watermark: null, run: null, lastSyncAt: null };
  if (run.full && cursor.run && !cursor.run.full) cursor = { ...cursor, run: null };
  const current = cursor.run ?? {
    full: run.full === true || cursor.watermark === null,
    startedAt: new Date(deps.now()).toISOString(),
    state: source.begin(board, run.full ? null : cursor.watermark),
    pages: 0,
  };
  let state = current.state;
  let pages = current.pages;
  let tasks = 0;
  for (;;) {
    if (signal?.aborted) throw new SyncError('stopped');
    const page = await source.page(http, board, state);
    pages++;
    tasks += page.tasks.length;
    const finished = page.next === null;
    const next: BoardCursor = finished
      ? { watermark: page.watermark ?? cursor.watermark, run: null, lastSyncAt: new Date(deps.now()).toISOString() }
      : { ...cursor, run: { ...current, state: page.next, pages } };
    await store.commitPage(board, {
      tasks: page.tasks, doneTimes: page.doneTimes ?? [], removed: page.removed ?? [],
      runStartedAt: current.startedAt, removeUnseen: finished && current.full,
    }, next);
    run.onProgress?.({ board, pages, tasks, fraction: finished ? 1 : page.progress ?? null, done: finished });
    if (finished) return { board, requests: http.requests, pages, tasks, full: current.full };
    cursor = next;
    state = page.next!;
  }
}
