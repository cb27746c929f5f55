// The sync engine's vocabulary, shared by the engine (lib/sync/engine.ts), the HTTP layer
// (lib/sync/http.ts) and each platform's REST client (lib/platforms/<id>/api.ts). No browser API
// and no platform name here: the same code runs in the service worker, in Node and in tests.
import type { Assignee, Platform } from '../model';
import type { MessageKey } from '../text/i18n';

/** What a board says about one task, in the model's units (ISO instants, minutes). */
export interface BoardTask {
  taskId: string;
  title: string;
  url: string;
  /** The board's display name, shown beside the task. */
  board: string | null;
  assignees: Assignee[];
  /** A whole local day `YYYY-MM-DD` or an ISO instant. */
  dueAt: string | null;
  doneAt: string | null;
  /** doneAt is a stand-in (the board keeps no completion time here): a stored exact one stays. */
  doneAtApprox?: boolean;
  estimateMinutes: number | null;
  trackedMinutes: number | null;
}

/** A board, project or list the owner chose to sync. */
export interface BoardRef { platform: Platform; id: string; name: string }

/** What one request of a run gives back. */
export interface PageResult<S> {
  /** Tasks to store or replace, whole. */
  tasks: BoardTask[];
  /** Done times learnt for tasks already stored (a board that reports completion apart from the task). */
  doneTimes?: { taskId: string; doneAt: string }[];
  /** Tasks the board says were deleted or moved away. */
  removed?: string[];
  /** The state for the next request of this run, or null when the run is complete. */
  next: S | null;
  /** The mark the next incremental run starts from; only read when `next` is null. */
  watermark?: string | null;
  /** How far the run is, 0–1, when the platform says (a page count is not always known). */
  progress?: number;
}

export interface RateLimit { max: number; windowMs: number }

/** A platform's REST client as the engine uses it. */
export interface SyncSource<S = unknown> {
  platform: Platform;
  /** The lowest documented limit per token: the client-side limiter stays under it. */
  rateLimit: RateLimit;
  /** Headers that carry the credential (never in the URL, so it cannot reach a log). */
  authHeaders(token: string): Record<string, string>;
  /** The first request's state: a full run when there is no watermark yet. */
  begin(board: BoardRef, watermark: string | null): S;
  page(http: Http, board: BoardRef, state: S): Promise<PageResult<S>>;
  /** The account's display name: "Test connection". */
  accountName(http: Http): Promise<string>;
  /** Boards / projects / lists the token can see. */
  listBoards(http: Http): Promise<BoardRef[]>;
  /** What the Boards section asks for: the credential's parts, short steps, where to make one. */
  connect: { parts: readonly ('key' | 'token')[]; stepsKey: MessageKey; tokenUrl: string };
}

/** JSON over GET with the limiter, retries and the platform's error shapes applied. */
export interface Http {
  get(url: string): Promise<unknown>;
  /** Requests sent so far (including retried ones). */
  readonly requests: number;
}

export type SyncErrorKind =
  | 'auth' | 'noToken' | 'permission' | 'premium' | 'forbidden' | 'notFound' | 'rateLimited' | 'server' | 'offline' | 'malformed' | 'request' | 'stopped';

/** A failure a person can act on; `detail` is the platform's own words, when it gave any. */
export class SyncError extends Error {
  override name = 'SyncError';
  constructor(readonly kind: SyncErrorKind, readonly detail = '', readonly status: number | null = null) {
    super(`${kind}${status ? ` (${status})` : ''}${detail ? `: ${detail}` : ''}`);
  }
}

/** A board's place in its sync, stored after every page so a stopped worker resumes. */
export interface BoardCursor<S = unknown> {
  watermark: string | null;
  run: { full: boolean; startedAt: string; state: S; pages: number } | null;
  lastSyncAt: string | null;
}

/** Where the engine keeps tasks and cursors; injected (IndexedDB + storage in the extension). */
export interface SyncStore {
  getCursor(board: BoardRef): Promise<BoardCursor | null>;
  /**
   * Stores one page's tasks and the board's cursor after it, both or neither (one transaction in
   * the extension), so a stop at any moment resumes at a page whose tasks are not stored yet.
   * Writing a page twice still changes nothing (tasks are keyed by platform + id). `removeUnseen`:
   * the run is full and complete, so the board's tasks not stamped with `runStartedAt` have left
   * the board.
   */
  commitPage(board: BoardRef, page: {
    tasks: BoardTask[]; doneTimes: { taskId: string; doneAt: string }[]; removed: string[];
    runStartedAt: string; removeUnseen: boolean;
  }, cursor: BoardCursor): Promise<void>;
}

export interface Progress { board: BoardRef; pages: number; tasks: number; fraction: number | null; done: boolean }
