// `va-scorecard sync`, the real bin as a child process, against the Asana mock served on loopback
// (test/cli/loopback.ts): a full run over three pages through one 429 and one 5xx, the file
// written back, then `report` on it compared with the popup's numbers for the same records, and
// a second run that asks only what changed. A missing token and a refused file change nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ScorecardDb } from '@/lib/db';
import { restoreBackup } from '@/lib/db/restore';
import { loadSummary, withComparison } from '@/lib/db/summary';
import { parseBackup } from '@/lib/files/backup';
import { defaultTimeZone } from '@/lib/kpi/periods';
import { syncConnectionsItem } from '@/lib/storage/items';
import { asanaMock, asanaTasks } from '../lib/sync/asana-mock';
import { json, text } from '../lib/sync/mock';
import { buildBin, runBin, writeBackup } from './bin';
import { serveMocks } from './loopback';

let bin: string;
let dir: string;
beforeAll(async () => { ({ bin, dir } = await buildBin()); }, 60_000);
afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

const at = '2026-10-01T08:00:00.000Z';
const PRELOAD = ['--import', path.resolve('test/cli/loopback-fetch.mjs')];

let d: ScorecardDb;
let file: string;
let mock: ReturnType<typeof asanaMock>;
let api: Awaited<ReturnType<typeof serveMocks>>;
beforeEach(async () => {
  d = new ScorecardDb(`cli-sync-${crypto.randomUUID()}`);
  await d.vas.put({ id: 'va-sanne', name: 'Sanne', hourlyRate: 30, currency: 'EUR', archived: false, identities: [{ platform: 'asana', memberId: '501', name: 'Sanne' }], createdAt: at, updatedAt: at });
  await syncConnectionsItem.setValue({ asana: { account: 'Olga Owner', last4: 'cdef', boards: [{ platform: 'asana', id: '1100', name: 'Clients' }], connectedAt: at } });
  file = path.join(dir, `data-${crypto.randomUUID()}.json`);
  mock = asanaMock({ tasks: asanaTasks(250) });
  api = await serveMocks({ 'app.asana.com': mock });
});
afterEach(async () => { await api.close(); });

const sync = (env: Record<string, string> = { ASANA_TOKEN: mock.token }) =>
  runBin(bin, ['sync', '--data', file], { ...env, VA_TEST_LOOPBACK: api.url }, PRELOAD);

describe('sync', () => {
  it('pulls every page through a 429 and a 5xx, saves the tasks into the file, and report then gives the popup\'s numbers', async () => {
    await writeBackup(d, file);
    mock.fail(/offset=/, () => json({ errors: [{ message: "You've made too many requests and hit a rate limit." }] }, 429, { 'Retry-After': '1' }));
    mock.fail(/offset=/, () => text('<html>Bad gateway</html>', 502, 'text/html'));
    const run = await sync();
    expect(run.stderr).toContain('Asana · Clients: done, 250 tasks in 5 requests');
    expect(run.code).toBe(0);
    expect(mock.log.map((l) => l.status)).toEqual([200, 429, 502, 200, 200]);
    // Tokens never land in the file; the tasks and where the sync got to do.
    const written = await fs.readFile(file, 'utf8');
    expect(written).not.toContain(mock.token);
    const parsed = parseBackup(written);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.tables.tasks.filter((t) => t.platform === 'asana')).toHaveLength(250);

    // The popup's numbers on the synced records, and the CLI's report of the same file.
    const after = new ScorecardDb(`cli-sync-after-${crypto.randomUUID()}`);
    await restoreBackup(parsed.backup, 'replace', after);
    const popup = await withComparison(await loadSummary({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' }, after), after);
    const report = await runBin(bin, ['report', '--data', file, '--month', '2026-11', '--format', 'json', '--tz', defaultTimeZone()]);
    expect(report.code).toBe(0);
    const got = JSON.parse(report.stdout.toString('utf8'));
    const sanne = popup.cards.find((c) => c.va.id === 'va-sanne')!;
    expect(sanne.kpis.tasksDone).toBeGreaterThan(10); // synced tasks count for the VA through her board identity
    expect(got.vas.find((v: { vaId: string }) => v.vaId === 'va-sanne').kpis).toEqual(sanne.kpis);

    // A second sitting: the cursor travelled in the file, so only what changed is asked for.
    const again = await sync();
    expect(again.code).toBe(0);
    expect(mock.log).toHaveLength(6);
    expect(mock.log[5]!.url).toContain('modified_since=');
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]); // written by rename, nothing left over
  }, 30_000);

  it('stopped with Ctrl-C saves where it got to, and the next run carries on from the page after', async () => {
    await writeBackup(d, file);
    // Page 2 is held up by a 429, long enough to stop the run while it waits.
    mock.fail(/offset=/, () => json({ errors: [{ message: 'Rate limited' }] }, 429, { 'Retry-After': '2' }));
    const child = spawn(process.execPath, [...PRELOAD, bin, 'sync', '--data', file], {
      env: { PATH: process.env.PATH ?? '', LANG: 'C', TZ: 'UTC', ASANA_TOKEN: mock.token, VA_TEST_LOOPBACK: api.url },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let stopped = false; // one Ctrl-C: a second one would end the process at once
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      if (!stopped && stderr.includes('page 1,')) { stopped = true; child.kill('SIGINT'); }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Asana · Clients: The sync was stopped; the next one carries on where it stopped.');
    const saved = parseBackup(await fs.readFile(file, 'utf8'));
    if (!saved.ok) throw new Error('the file should parse');
    expect(saved.backup.tables.tasks).toHaveLength(100);
    expect(mock.log).toHaveLength(2); // page 1, and page 2's 429

    const again = await sync();
    expect(again.code).toBe(0);
    expect(mock.log).toHaveLength(4);
    expect(mock.log[2]!.url).toContain('offset='); // not the first page again
    const done = parseBackup(await fs.readFile(file, 'utf8'));
    expect(done.ok && done.backup.tables.tasks.length).toBe(250);
  }, 30_000);

  it('without the token says which variable is missing, exits 1, sends nothing and leaves the file as it was', async () => {
    const before = await writeBackup(d, file);
    const run = await sync({});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ASANA_TOKEN');
    expect(run.stderr).toContain('never read from the data file or the command line');
    expect(mock.log).toHaveLength(0);
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });

  it('refuses a file that does not parse and leaves it byte for byte as it was', async () => {
    const backup = JSON.parse(await writeBackup(d, file));
    backup.tables.vas[0].hourlyRate = 'thirty';
    const bad = JSON.stringify(backup);
    await fs.writeFile(file, bad);
    const run = await sync();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('tables.vas[0].hourlyRate (va-sanne):');
    expect(mock.log).toHaveLength(0);
    expect(await fs.readFile(file, 'utf8')).toBe(bad);
  });
});
