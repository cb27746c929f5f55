// The command line's report and export, run as the real bin on a backup file, against what the
// extension itself computes for the same records: the popup's summary (lib/db/summary.ts) and the
// ratings export (lib/files/export.ts). Then a refused file, and usage mistakes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ScorecardDb } from '@/lib/db';
import { loadSummary, withComparison } from '@/lib/db/summary';
import { resolveDelimiter } from '@/lib/files/csv';
import { exportRatingsCsv, kpiSummaryCsv } from '@/lib/files/export';
import { defaultTimeZone, startOfLocalDay, customRange } from '@/lib/kpi/periods';
import { saveSettings } from '@/lib/storage/settings';
import { seedDb } from '../dataset';
import { buildBin, runBin, writeBackup } from './bin';

let bin: string;
let dir: string;
beforeAll(async () => { ({ bin, dir } = await buildBin()); }, 60_000);
afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

let d: ScorecardDb;
let file: string;
beforeEach(async () => {
  d = new ScorecardDb(`cli-${crypto.randomUUID()}`);
  await seedDb(d);
  file = path.join(dir, `data-${crypto.randomUUID()}.json`);
});

const OCTOBER = { kind: 'custom', from: '2026-10-01', to: '2026-10-31' } as const;

describe('report', () => {
  it('gives, per VA, the popup\'s numbers for the month and the change against the month before', async () => {
    await saveSettings({ tolerance: 0.25, ownerHourlyValue: 80 });
    await writeBackup(d, file);
    const zone = defaultTimeZone();
    const run = await runBin(bin, ['report', '--data', file, '--month', '2026-11', '--format', 'json', '--tz', zone]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const popup = await withComparison(await loadSummary({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' }, d, new Date(), Infinity, Infinity), d);
    const got = JSON.parse(run.stdout.toString('utf8'));
    expect(got.periodStart).toBe(popup.period.start.toISOString());
    expect(got.vas.map((v: { vaName: string }) => v.vaName)).toEqual(popup.cards.map((c) => c.va.name));
    expect(popup.cards.some((c) => (c.kpis.tasksDone ?? 0) > 0 && (c.previous?.tasksDone ?? 0) > 0)).toBe(true); // both months have data
    popup.cards.forEach((card, i) => {
      const va = got.vas[i];
      expect(va.kpis).toEqual(card.kpis);
      expect(va.previous).toEqual(card.previous);
      expect(va.delta).toEqual(card.delta);
      expect(va.overrunCount).toBe(card.overrunCount);
      expect(va.overruns).toEqual(card.overruns);
      expect(Object.fromEntries(Object.entries(va.targets).map(([k, v]) => [k, (v as { status: string }).status])))
        .toEqual(Object.fromEntries(Object.entries(card.targets).map(([k, v]) => [k, v!.status])));
    });
  });

  it('as CSV is the popup\'s KPI summary file, byte for byte, in the language\'s delimiter', async () => {
    await writeBackup(d, file);
    const run = await runBin(bin, ['report', '--data', file, '--month', '2026-10', '--format', 'csv', '--tz', defaultTimeZone(), '--lang', 'nl']);
    expect(run.code).toBe(0);
    const popup = await loadSummary(OCTOBER, d);
    const [start, end] = [popup.period.start.toISOString(), popup.period.end.toISOString()];
    const expected = kpiSummaryCsv(popup.cards.map((c) => ({ vaName: c.va.name, periodStart: start, periodEnd: end, kpis: c.kpis })), { delimiter: resolveDelimiter('auto', 'nl') });
    expect(run.stdout.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(run.stdout.toString('utf8').split('\n')[0]).toContain('vaName;periodStart;periodEnd;tasksDone;onTimeRate');
  });

  it('as Markdown has per VA the five areas, the change, the targets met or not and the overruns, in Dutch', async () => {
    await writeBackup(d, file);
    const run = await runBin(bin, ['report', '--data', file, '--month', '2026-10', '--va', 'zoë ōtsuka', '--lang', 'nl']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const md = run.stdout.toString('utf8');
    expect(md).toMatch(/^# Scorecard: Zoë Ōtsuka, oktober 2026/);
    expect(md).not.toContain('Sanne');
    for (const area of ['Takenafhandeling en output', 'Efficiëntie', 'Proactiviteit', 'Communicatie', 'Impact op je bedrijf']) expect(md).toContain(`## ${area}`);
    expect(md).toContain('| Verandering |');
    const popup = await withComparison(await loadSummary(OCTOBER, d), d);
    const zoe = popup.cards.find((c) => c.va.id === 'va-zoe')!;
    const shown = { met: 'doel gehaald', notMet: 'doel niet gehaald', noData: 'geen gegevens' };
    const row = (label: string) => md.split('\n').find((l) => l.startsWith(`| ${label} |`));
    expect(row('Op tijd')).toMatch(new RegExp(`\\| ≥ 90% \\| ${shown[zoe.targets.onTimeRate!.status]} \\|$`));
    expect(row('Werkelijk ÷ schatting')).toMatch(new RegExp(`\\| ≤ 1,2× \\| ${shown[zoe.targets.estimateRatio!.status]} \\|$`));
    expect(zoe.overrunCount).toBeGreaterThan(0);
    expect(md).toContain('## Overschrijdingen');
    expect(md).toContain(`(<${zoe.overruns![0]!.url}>)`);
  });

  it('lists every overrun of the month in the Markdown, not only the popup\'s worst five', async () => {
    // Seven of Sanne's October tasks took three times their estimate.
    const october = await d.ratings.where('[vaId+doneAt]').between(['va-sanne', '2026-10-01'], ['va-sanne', '2026-11-01']).toArray();
    const estimated = october.filter((r) => (r.estimateMinutes ?? 0) > 0).slice(0, 7);
    expect(estimated).toHaveLength(7);
    for (const r of estimated) await d.ratings.update(r.id, { actualMinutes: r.estimateMinutes! * 3 });
    await writeBackup(d, file);
    const sanne = (await loadSummary(OCTOBER, d)).cards.find((c) => c.va.id === 'va-sanne')!;
    const run = await runBin(bin, ['report', '--data', file, '--month', '2026-10', '--va', sanne.va.name]);
    expect(run.code).toBe(0);
    const md = run.stdout.toString('utf8');
    expect(sanne.overrunCount).toBeGreaterThan(5);
    const listed = md.slice(md.indexOf('## Overruns')).split('\n').filter((l) => l.startsWith('- '));
    expect(listed).toHaveLength(sanne.overrunCount);
  });

  it('counts months in the zone given with --tz: a task done at 00:30 in Brussels on 1 November is not October\'s', async () => {
    await d.ratings.update('trello:tr1000', { doneAt: '2026-10-31T23:30:00.000Z' });
    await writeBackup(d, file);
    const tasks = async (zone: string) => {
      const run = await runBin(bin, ['report', '--data', file, '--month', '2026-10', '--format', 'json', '--tz', zone]);
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout.toString('utf8')).vas.find((v: { vaId: string }) => v.vaId === 'va-sanne').kpis.tasksDone as number;
    };
    expect(await tasks('UTC')).toBe((await tasks('Europe/Brussels')) + 1);
  });

  it('names the VAs there are when --va matches none (exit 1)', async () => {
    await writeBackup(d, file);
    const run = await runBin(bin, ['report', '--data', file, '--month', '2026-10', '--va', 'Nobody']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No VA named “Nobody”');
    expect(run.stderr).toContain('Sanne de Vries');
  });
});

describe('export', () => {
  it.each([
    ['nl', 'auto', [] as string[]],
    ['en', 'auto', ['--from', '2026-10-05', '--to', '2026-10-20']],
    ['en', ';', ['--va', 'Zoë Ōtsuka']],
  ] as const)('is byte for byte the extension\'s ratings export (--lang %s, delimiter setting %s, %j)', async (lang, setting, args) => {
    await saveSettings({ csvDelimiter: setting });
    await writeBackup(d, file);
    const run = await runBin(bin, ['export', '--data', file, '--lang', lang, '--tz', defaultTimeZone(), ...args]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const at = (name: string) => (args.indexOf(name as never) >= 0 ? args[args.indexOf(name as never) + 1]! : null);
    const from = at('--from');
    const to = at('--to');
    const { blob, rows } = await exportRatingsCsv({
      startIso: from ? startOfLocalDay(from).toISOString() : null,
      endIso: to ? customRange(to, to).end.toISOString() : null,
      vaId: at('--va') ? 'va-zoe' : null,
    }, { delimiter: resolveDelimiter(setting, lang) }, d);
    expect(rows).toBeGreaterThan(0);
    const expected = Buffer.from(await blob.arrayBuffer());
    expect(run.stdout.length).toBe(expected.length);
    expect(run.stdout.equals(expected)).toBe(true);
  });
});

describe('a data file that does not parse', () => {
  it('is refused with the restore\'s per-record messages and left byte for byte as it was', async () => {
    const backup = JSON.parse(await writeBackup(d, file));
    backup.tables.ratings[3].quality = 9;
    backup.tables.vas.push({ ...backup.tables.vas[0] });
    const text = JSON.stringify(backup, null, 1);
    await fs.writeFile(file, text);
    const before = await fs.stat(file);
    for (const args of [['report', '--month', '2026-10'], ['export']]) {
      const run = await runBin(bin, [...args, '--data', file]);
      expect(run.code).toBe(1);
      expect(run.stdout.length).toBe(0);
      expect(run.stderr).toContain(`${file} was refused and left as it was`);
      expect(run.stderr).toContain(`tables.ratings[3].quality (${backup.tables.ratings[3].id}):`);
    }
    expect(await fs.readFile(file, 'utf8')).toBe(text);
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('that is not JSON at all says so, in Dutch with --lang nl', async () => {
    await fs.writeFile(file, '{"format": "va-scorecard-backup", ');
    const run = await runBin(bin, ['export', '--data', file, '--lang', 'nl']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is geweigerd en gelaten zoals het was');
    expect(run.stderr).toContain('Geen JSON-bestand');
  });

  it('that is missing is named', async () => {
    const run = await runBin(bin, ['report', '--data', path.join(dir, 'nope.json'), '--month', '2026-10']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot read');
    expect(run.stderr).toContain('ENOENT');
  });
});

describe('usage', () => {
  it.each([
    [[], 'Say which command to run'],
    [['frobnicate'], 'Unknown command “frobnicate”'],
    [['report', '--data', 'x.json'], 'Missing --month.'],
    [['report', '--data', 'x.json', '--month', '2026-13'], '--month needs a month as YYYY-MM'],
    [['report', '--data', 'x.json', '--month', '2026-10', '--format', 'pdf'], '--format is md, csv or json'],
    [['report', '--data', 'x.json', '--month', '2026-10', '--tz', 'Mars/Olympus'], '--tz needs a time zone'],
    [['export', '--data', 'x.json', '--from', '2026-02-30'], '--from needs a day as YYYY-MM-DD'],
    [['export', '--data', 'x.json', '--bogus'], 'Unknown option --bogus.'],
    [['export', '--month'], 'Unknown option --month.'],
    [['report', '--data'], 'Option --data needs a value.'],
    [['export'], 'Missing --data.'],
    [['export', '--data', 'x.json', '--lang', 'fr'], '--lang is en or nl'],
  ])('%j exits 2 with a message and a pointer to --help', async (args, message) => {
    const run = await runBin(bin, args);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('--help” for help.');
  });

  it('says it in Dutch with --lang nl', async () => {
    const run = await runBin(bin, ['report', '--bogus', '--lang', 'nl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Onbekende optie --bogus.\nGebruik “va-scorecard report --help” voor hulp.\n');
  });

  it.each(['sync', 'report', 'export'])('%s --help prints its options and exits 0', async (command) => {
    const run = await runBin(bin, [command, '--help']);
    expect(run.code).toBe(0);
    const text = run.stdout.toString('utf8');
    expect(text).toContain(`Usage: va-scorecard ${command} --data FILE`);
    expect(text).toContain('--lang en|nl');
    if (command === 'sync') expect(text).toContain('TRELLO_KEY, TRELLO_TOKEN, ASANA_TOKEN, CLICKUP_TOKEN');
  });
});
