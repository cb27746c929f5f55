// GET JSON from a platform's REST API the way every client needs it: under the platform's rate
// limit (a sliding window on the client side), waiting out a 429 as the response says, backing off
// with jitter on 5xx and network errors, and turning every failure into a SyncError. The clock,
// sleep and fetch are injected, so tests run the limiter in virtual time.
import { SyncError, type Http, type RateLimit } from './types';

export interface SyncDeps {
  fetch: typeof fetch;
  /** Milliseconds since the epoch. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1, for jitter. */
  random: () => number;
}

/** The runtime's own fetch, clock and timers: the service worker's, or Node's for the command line. */
export const runtimeDeps: SyncDeps = {
  // Looked up per call, so a test or the runtime may replace the global fetch.
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export const MAX_TRIES = 5;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;

/** Requests sent in the last window: wait until one more keeps us at or under the limit. */
export function createLimiter(limit: RateLimit, deps: Pick<SyncDeps, 'now' | 'sleep'>) {
  const sent: number[] = [];
  return async function take() {
    for (;;) {
      const now = deps.now();
      while (sent.length > 0 && sent[0]! <= now - limit.windowMs) sent.shift();
      if (sent.length < limit.max) { sent.push(now); return; }
      await deps.sleep(sent[0]! + limit.windowMs - now);
    }
  };
}

/** How long a 429 asks us to wait: Retry-After (s or date), X-RateLimit-Reset (unix s), a window hint (ms). */
export function retryDelayMs(headers: Headers, now: number, fallbackMs: number): number {
  const after = headers.get('retry-after');
  if (after !== null) {
    const seconds = Number(after);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  const interval = Number(headers.get('x-rate-limit-api-token-interval-ms') ?? NaN);
  if (Number.isFinite(interval) && interval > 0) return interval;
  return fallbackMs;
}

/** The platform's own words from an error body: JSON in any of the documented shapes, or short plain text. */
export function errorDetail(text: string): string {
  const trimmed = text.trim();
  try {
    const body = JSON.parse(trimmed) as Record<string, unknown>;
    const errors = body.errors as { message?: unknown }[] | undefined;
    const first = Array.isArray(errors) ? errors[0]?.message : undefined;
    for (const candidate of [first, body.err, body.message, body.error]) {
      if (typeof candidate === 'string' && candidate.trim()) return candidate.trim().slice(0, 300);
    }
    return '';
  } catch {
    // An HTML error page says nothing a person can use here.
    if (/^<(!doctype|html|\?xml)/i.test(trimmed)) return '';
    return trimmed.slice(0, 300);
  }
}

function kindOf(status: number): SyncError['kind'] {
  if (status === 401) return 'auth';
  if (status === 402) return 'premium';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'server';
  return 'request';
}

// The window is the token's, not one run's: runs one after another (a full sync, then "Sync now")
// share their platform's limiter, per set of deps (one in the worker; a fresh one per test).
const limiters = new WeakMap<SyncDeps, Map<string, () => Promise<void>>>();
function sharedLimiter(deps: SyncDeps, scope: string, limit: RateLimit) {
  const byScope = limiters.get(deps) ?? limiters.set(deps, new Map()).get(deps)!;
  const key = `${scope}|${limit.max}/${limit.windowMs}`;
  return byScope.get(key) ?? byScope.set(key, createLimiter(limit, deps)).get(key)!;
}

export function createHttp(opts: {
  deps: SyncDeps; limit: RateLimit; headers: Record<string, string>; signal?: AbortSignal; maxTries?: number;
  /** Who shares the limit (the platform); runs with the same scope and deps share one window. */
  scope?: string;
}): Http {
  const { deps, limit, headers, signal } = opts;
  const maxTries = opts.maxTries ?? MAX_TRIES;
  const take = opts.scope ? sharedLimiter(deps, opts.scope, limit) : createLimiter(limit, deps);
  let requests = 0;
  const backoff = (attempt: number) => {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
    return ceiling / 2 + deps.random() * (ceiling / 2); // "equal jitter": never a thundering herd, never zero
  };

  async function get(url: string): Promise<unknown> {
    let last: SyncError = new SyncError('offline');
    for (let attempt = 0; attempt < maxTries; attempt++) {
      if (signal?.aborted) throw new SyncError('stopped');
      await take();
      requests++;
      let res: Response;
      try {
        res = await deps.fetch(url, { headers: { Accept: 'application/json', ...headers }, signal });
      } catch (e) {
        if (signal?.aborted) throw new SyncError('stopped');
        last = new SyncError('offline', e instanceof Error ? e.message : String(e));
        await deps.sleep(backoff(attempt));
        continue;
      }
      const text = await res.text().catch(() => '');
      if (res.ok) {
        try { return JSON.parse(text); } catch {
          throw new SyncError('malformed', errorDetail(text), res.status);
        }
      }
      last = new SyncError(kindOf(res.status), errorDetail(text), res.status);
      if (res.status === 429) await deps.sleep(retryDelayMs(res.headers, deps.now(), limit.windowMs));
      else if (res.status >= 500) await deps.sleep(backoff(attempt));
      else throw last; // 4xx other than 429: asking again will not help
    }
    throw last;
  }

  return { get, get requests() { return requests; } };
}
