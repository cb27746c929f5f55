import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { csvFormat, csvText, neutraliseCell, unneutraliseCell } from '@/lib/files/csv';
import { ScorecardDb } from '@/lib/db';
import { exportRatingsCsv, kpiSummaryCsv, RATINGS_CSV_COLUMNS, ratingCsvCells, type RatingsFilter } from '@/lib/files/export';
import { previewImport } from '@/lib/files/import';
import { KPI_NAMES, Rating, TaskRef, Va } from '@/lib/model';
import {
  formulaCellsInAnyReading, OTHER_SEPARATOR_TEXTS, seedDb, spreadsheetRunsFormula, type DataSet,
} from '../../dataset';

let d: ScorecardDb;
let data: DataSet;
beforeEach(async () => {
  d = new ScorecardDb(`test-${crypto.randomUUID()}`);
  data = await seedDb(d);
});

async function exportRows(filter: RatingsFilter, delimiter: ',' | ';' = ',', pageSize?: number) {
  const { blob, rows } = await exportRatingsCsv(filter, { delimiter, ...(pageSize ? { pageSize } : {}) }, d);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer()); // keep the BOM to check it
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { text, rows, fields: parsed.meta.fields, records: parsed.data };
}

/** What a row must say about a rating, in the export's text form (before neutralising). */
function expectedRow(r: Rating, decimal: '.' | ',' = '.') {
  const task = data.tasks.find((t) => t.key === r.id);
  const va = data.vas.find((v) => v.id === r.vaId);
  const num = (n: number | null) => (n === null ? '' : String(n).replace('.', decimal));
  const bool = (b: boolean | null) => (b === null ? '' : String(b));
  return {
    platform: r.platform, taskId: r.taskId, taskTitle: task?.title ?? '', taskUrl: task?.url ?? '', vaId: r.vaId ?? '',
    vaName: va?.name ?? '', category: r.category, dueAt: r.dueAt ?? '', doneAt: r.doneAt ?? '',
    estimateMinutes: num(r.estimateMinutes), actualMinutes: num(r.actualMinutes), quality: num(r.quality),
    errorFree: bool(r.errorFree), followedBriefing: bool(r.followedBriefing), remindersNeeded: num(r.remindersNeeded),
    delaysFlagged: bool(r.delaysFlagged), proactive: bool(r.proactive), note: r.note,
    counters: Object.keys(r.counters).length ? JSON.stringify(r.counters) : '',
  };
}

const unescapeAll = (rec: Record<string, string>) => Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, unneutraliseCell(v)]));

describe('ratings CSV export', () => {
  it('the data set is valid for the model', () => {
    for (const va of data.vas) expect(Va.safeParse(va).success).toBe(true);
    for (const task of data.tasks) expect(TaskRef.safeParse(task).success).toBe(true);
    for (const rating of data.ratings) expect(Rating.safeParse(rating).success).toBe(true);
  });

  it('has the contract header: the model field names plus the task and VA columns, counters as JSON', async () => {
    const { fields, text } = await exportRows({});
    expect(text.startsWith('\uFEFFplatform,taskId,')).toBe(true);
    expect(fields).toEqual([...RATINGS_CSV_COLUMNS]);
    for (const name of ['vaId', 'category', 'estimateMinutes', 'actualMinutes', 'quality', 'errorFree', 'followedBriefing',
      'remindersNeeded', 'delaysFlagged', 'proactive', 'note', 'platform', 'taskId', 'taskTitle', 'taskUrl', 'vaName', 'dueAt', 'doneAt']) {
      expect(fields).toContain(name);
    }
  });

  it('writes one row per rating, joined with task and VA, that parses back to the data', async () => {
    const { records, rows } = await exportRows({});
    expect(rows).toBe(data.ratings.length);
    const byKey = new Map(records.map((rec) => [`${rec.platform}:${rec.taskId}`, unescapeAll(rec)]));
    expect(byKey.size).toBe(data.ratings.length);
    for (const r of data.ratings) expect(byKey.get(r.id)).toEqual(expectedRow(r));
    // An archived VA keeps its name on old ratings.
    expect(records.some((rec) => rec.vaName === 'Piet "de oude" Jansen')).toBe(true);
  });

  it('neutralises formula starts so a spreadsheet shows them as text', async () => {
    const { records } = await exportRows({});
    const cells = records.flatMap((rec) => Object.values(rec));
    expect(cells.filter(spreadsheetRunsFormula)).toEqual([]);
    const evil = records.find((rec) => rec.note?.includes('HYPERLINK'))!;
    expect(evil.note).toBe(`'=HYPERLINK("https://evil.example","klik")`);
    expect(records.find((rec) => rec.vaId === 'va-eq')!.vaName).toBe(neutraliseCell("=cmd|' /C calc'!A0"));
  });

  for (const delimiter of [',', ';'] as const) {
    it(`a ${delimiter} file starts no formula whichever separator opens it, and the import reads every text back`, async () => {
      const va: Va = { ...data.vas[0]!, id: 'va-semi', name: 'Jan;=HYPERLINK("https://evil.example")' };
      await d.vas.put(va);
      const hostile = data.ratings.slice(0, OTHER_SEPARATOR_TEXTS.length).map((r, i) => ({ ...r, note: OTHER_SEPARATOR_TEXTS[i]!, vaId: va.id }));
      await d.ratings.bulkPut(hostile);
      await d.tasks.bulkPut(hostile.map((r, i) => ({ ...data.tasks.find((t) => t.key === r.id)!, title: OTHER_SEPARATOR_TEXTS.at(-1 - i)! })));
      const { text } = await exportRows({}, delimiter);
      expect(formulaCellsInAnyReading(text)).toEqual([]);

      const preview = await previewImport(text, new ScorecardDb(`test-${crypto.randomUUID()}`));
      expect(preview.problems).toEqual([]);
      const byKey = new Map(preview.rows.map((row) => [row.key, row]));
      for (const [i, r] of hostile.entries()) {
        expect(byKey.get(r.id)).toMatchObject({ rating: { note: r.note }, task: { title: OTHER_SEPARATOR_TEXTS.at(-1 - i) }, va: { name: va.name } });
      }
    });
  }

  it('writes ; with decimal commas for Dutch Excel, keeping ; inside text intact', async () => {
    const { records, text } = await exportRows({}, ';');
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${RATINGS_CSV_COLUMNS.join(';')}`);
    const byKey = new Map(records.map((rec) => [`${rec.platform}:${rec.taskId}`, unescapeAll(rec)]));
    for (const r of data.ratings) expect(byKey.get(r.id)).toEqual(expectedRow(r, ','));
    expect(records.some((rec) => rec.note === "a;b;c — puntkomma's")).toBe(true);
  });

  it('filters by done date in [start, end) and by VA', async () => {
    const start = '2026-10-10T00:00:00.000Z';
    const end = '2026-10-20T00:00:00.000Z';
    const inPeriod = (r: Rating) => r.doneAt !== null && r.doneAt >= start && r.doneAt < end;
    const keys = (recs: Record<string, string>[]) => recs.map((rec) => `${rec.platform}:${rec.taskId}`).sort();
    const ids = (pred: (r: Rating) => boolean) => data.ratings.filter(pred).map((r) => r.id).sort();

    const period = await exportRows({ startIso: start, endIso: end });
    expect(keys(period.records)).toEqual(ids(inPeriod));
    expect(period.records.length).toBeGreaterThan(3);

    const zoe = await exportRows({ vaId: 'va-zoe' });
    expect(keys(zoe.records)).toEqual(ids((r) => r.vaId === 'va-zoe'));
    expect(zoe.records.some((rec) => rec.doneAt === '')).toBe(true); // open tasks too, without a period

    const both = await exportRows({ vaId: 'va-sanne', startIso: start, endIso: end });
    expect(keys(both.records)).toEqual(ids((r) => r.vaId === 'va-sanne' && inPeriod(r)));

    const fromOnly = await exportRows({ startIso: start });
    expect(keys(fromOnly.records)).toEqual(ids((r) => r.doneAt !== null && r.doneAt >= start));
  });

  it('includes a rating done exactly at the start and excludes one done exactly at the end', async () => {
    const [a, b] = data.ratings;
    await d.ratings.bulkPut([{ ...a!, doneAt: '2026-12-01T00:00:00.000Z' }, { ...b!, doneAt: '2027-01-01T00:00:00.000Z' }]);
    const { records } = await exportRows({ startIso: '2026-12-01T00:00:00.000Z', endIso: '2027-01-01T00:00:00.000Z' });
    expect(records.map((rec) => `${rec.platform}:${rec.taskId}`)).toEqual([a!.id]);
  });

  it('gives the same file whatever the page size (no row lost or doubled between pages)', async () => {
    for (const filter of [{}, { vaId: 'va-zoe' }, { startIso: '2026-10-05T00:00:00.000Z', endIso: '2026-11-01T00:00:00.000Z' }]) {
      const whole = await exportRows(filter);
      const paged = await exportRows(filter, ',', 3);
      expect(paged.text).toBe(whole.text);
      expect(paged.rows).toBe(whole.rows);
    }
  });

  it('streamed in small pages gives the bytes of the file built in one go, where ratings without a task and tasks without a rating cross page boundaries', async () => {
    // Tasks seen but never rated, in runs longer than a page and between rated keys; ratings
    // whose task was never stored, first, last and mid-run: the walks of the two tables drift apart.
    const unrated = Array.from({ length: 9 }, (_, i) => ({ ...data.tasks[i]!, key: `asana:as1003-${i}`, taskId: `as1003-${i}`, title: `Los ${i}` }));
    const orphans = ['asana:a0', 'clickup:cl1006-x', 'trello:tr1057-x', 'zz:last'].map((id, i) => ({ ...data.ratings[i]!, id, taskId: id.split(':')[1]!, note: `wees ${i}` }));
    await d.tasks.bulkPut(unrated);
    await d.ratings.bulkPut(orphans);
    const ratings = (await d.ratings.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
    const taskByKey = new Map((await d.tasks.toArray()).map((task) => [task.key, task]));
    const vaById = new Map(data.vas.map((va) => [va.id, va]));
    for (const delimiter of [',', ';'] as const) {
      const oneShot = csvText(RATINGS_CSV_COLUMNS, ratings.map((r) => ratingCsvCells(r, taskByKey.get(r.id), r.vaId ? vaById.get(r.vaId) : undefined, csvFormat(delimiter))), delimiter);
      for (const pageSize of [1, 2, 3, 7, 1000]) {
        const { text, rows } = await exportRows({}, delimiter, pageSize);
        expect(rows).toBe(ratings.length);
        expect(text, `page size ${pageSize}, delimiter ${delimiter}`).toBe(oneShot);
      }
    }
  });

  it('reports zero rows when nothing matches, with the header still written', async () => {
    const { rows, text } = await exportRows({ startIso: '2030-01-01T00:00:00.000Z', endIso: '2030-02-01T00:00:00.000Z' });
    expect(rows).toBe(0);
    expect(text).toBe(`\uFEFF${RATINGS_CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('KPI summary CSV', () => {
  const full = Object.fromEntries(KPI_NAMES.map((k) => [k, null])) as Record<(typeof KPI_NAMES)[number], number | null>;
  const rows = [
    {
      vaName: 'Sanne de Vries', periodStart: '2026-10-01T00:00:00.000Z', periodEnd: '2026-11-01T00:00:00.000Z',
      kpis: { ...full, tasksDone: 12, onTimeRate: 0.916666, errorFreeRate: 1, qualityAvg: 4.25, estimateRatio: 1.1875,
        overruns: 2, hoursLogged: 13.5, hoursFreed: 13.5, cost: 438.75, valueFreed: 1012.5, noReminderRate: 2 / 3 },
    },
    { vaName: '@evil', periodStart: '2026-10-01T00:00:00.000Z', periodEnd: '2026-11-01T00:00:00.000Z', kpis: full },
  ];

  it('has vaName, periodStart, periodEnd and the KPI names in order; rates with 4 decimals; no data is empty', () => {
    const text = kpiSummaryCsv(rows, { delimiter: ',' });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['vaName', 'periodStart', 'periodEnd', ...KPI_NAMES]);
    const [sanne, evil] = parsed.data;
    expect(sanne).toMatchObject({
      vaName: 'Sanne de Vries', periodStart: '2026-10-01T00:00:00.000Z', tasksDone: '12', onTimeRate: '0.9167',
      errorFreeRate: '1.0000', noReminderRate: '0.6667', qualityAvg: '4.2500', estimateRatio: '1.1875', overruns: '2',
      hoursLogged: '13.5000', cost: '438.75', valueFreed: '1012.50', briefingRate: '', medianTaskRatio: '', proactiveCount: '',
    });
    expect(Number(sanne!.hoursFreed)).toBe(13.5);
    expect(evil!.vaName).toBe("'@evil");
    expect(KPI_NAMES.every((k) => evil![k] === '')).toBe(true);
  });

  it('starts no formula whichever separator opens it, and its numbers stay plain numbers', () => {
    const hostile = [{ ...rows[0]!, vaName: 'Sanne;=1+1, @SUM(A1)' }, { ...rows[1]!, vaName: 'Piet,\u00A0-2+3' }];
    for (const delimiter of [',', ';'] as const) {
      const text = kpiSummaryCsv(hostile, { delimiter });
      expect(formulaCellsInAnyReading(text)).toEqual([]);
      const [sanne] = Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true }).data;
      const decimal = delimiter === ';' ? ',' : '.';
      expect(sanne).toMatchObject({ tasksDone: '12', onTimeRate: `0${decimal}9167`, cost: `438${decimal}75`, valueFreed: `1012${decimal}50` });
    }
  });

  it('uses ; and decimal commas for Dutch Excel', () => {
    const text = kpiSummaryCsv(rows.slice(0, 1), { delimiter: ';' });
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', skipEmptyLines: true });
    expect(parsed.data[0]).toMatchObject({ onTimeRate: '0,9167', hoursLogged: '13,5000', tasksDone: '12' });
    expect(csvFormat(';').decimal).toBe(',');
  });
});
