// The HTTP layer: waits a 429 out as each platform says, backs off on 5xx and network errors,
// and names every failure (plain-text and HTML bodies included).
import { describe, expect, it } from 'vitest';
import { createHttp, MAX_TRIES } from '@/lib/sync/http';
import { createServer, json, networkError, text } from './mock';

function setup(answers: (() => Response)[]) {
  const server = createServer(() => json({ ok: true }));
  for (const a of answers) server.fail(/./, a);
  const http = createHttp({ deps: server.deps, limit: { max: 100, windowMs: 10_000 }, headers: { Authorization: 'secret' } });
  return { server, http };
}

describe('a 429', () => {
  it.each([
    ['Retry-After seconds', { 'Retry-After': '30' }, 30_000],
    ['X-RateLimit-Reset (unix seconds)', { 'X-RateLimit-Reset': String(Date.parse('2026-11-20T10:00:45.000Z') / 1000) }, 45_000],
    ['no header: the window', {}, 10_000],
  ])('waits as it says (%s), then carries on', async (_, headers, waited) => {
    const { server, http } = setup([() => json({ errors: [{ message: 'slow down' }] }, 429, headers)]);
    const start = server.now;
    expect(await http.get('https://api.example/x')).toEqual({ ok: true });
    expect(server.log[1]!.at - start).toBe(waited);
    expect(http.requests).toBe(2);
  });

  it('that keeps coming gives up after a bounded number of tries', async () => {
    const { http } = setup(Array.from({ length: 10 }, () => () => json({ error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }, 429)));
    await expect(http.get('https://api.example/x')).rejects.toMatchObject({ kind: 'rateLimited', detail: 'Rate limit exceeded' });
    expect(http.requests).toBe(MAX_TRIES);
  });
});

describe('server and network errors', () => {
  it('back off with growing, jittered waits and then succeed', async () => {
    const { server, http } = setup([() => text('Bad gateway', 502), networkError, () => json({ errors: [{ message: 'x', phrase: 'y' }] }, 500)]);
    await http.get('https://api.example/x');
    const gaps = server.log.slice(1).map((r, i) => r.at - server.log[i]!.at);
    expect(gaps).toEqual([750, 1500, 3000]); // half the ceiling + random (0.5) × half: 1 s, 2 s, 4 s ceilings
  });

  it('offline for good is named offline', async () => {
    const { http } = setup(Array.from({ length: MAX_TRIES }, () => networkError));
    await expect(http.get('https://api.example/x')).rejects.toMatchObject({ kind: 'offline' });
  });
});

describe('errors a person can act on', () => {
  it.each([
    [() => text('invalid token', 401), 'auth', 'invalid token'],
    [() => json({ errors: [{ message: 'This feature is only available to premium users.' }] }, 402), 'premium', 'This feature is only available to premium users.'],
    [() => json({ err: 'Team not authorized', ECODE: 'OAUTH_023' }, 403), 'forbidden', 'Team not authorized'],
    [() => text('<!DOCTYPE html><html><body>Not found</body></html>', 404, 'text/html'), 'notFound', ''],
    [() => text('invalid id', 400), 'request', 'invalid id'],
    [() => text('<html>Maintenance</html>', 200, 'text/html'), 'malformed', ''],
  ] as const)('%#: %s', async (answer, kind, detail) => {
    const { http } = setup([answer]);
    await expect(http.get('https://api.example/x')).rejects.toMatchObject({ kind, detail });
    expect(http.requests).toBe(1); // none of these is worth asking again
  });
});
