// The sync tests' mock platforms (test/lib/sync/*-mock.ts) served over loopback HTTP, by host:
// GET /app.asana.com/api/1.0/tasks?… answers what the Asana mock answers for that URL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface MockPlatform { deps: { fetch: typeof fetch } }

export async function serveMocks(byHost: Record<string, MockPlatform>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const [, host, ...rest] = (req.url ?? '/').split('/');
    const mock = byHost[host ?? ''];
    if (!mock) { res.writeHead(502).end(`no mock for ${host}`); return; }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    mock.deps.fetch(`https://${host}/${rest.join('/')}`, { headers }).then(async (answer) => {
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    }, () => { res.destroy(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
