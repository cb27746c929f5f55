// Instants are stored one way (UTC), whichever door they came in by, so the popup's period and the
// export's period agree on a task done just after midnight local time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { createBackup, parseBackup } from '@/lib/files/backup';
import { restoreBackup } from '@/lib/db/restore';
import { ScorecardDb } from '@/lib/db';
import { exportRatingsCsv } from '@/lib/files/export';
import { lastMonth, periodIso } from '@/lib/kpi/periods';
import { loadSummary } from '@/lib/db/summary';
import { sampleRecords } from '../records';

const zone = process.env.TZ;
beforeEach(() => { process.env.TZ = 'Europe/Brussels'; });
afterEach(() => { process.env.TZ = zone; });

describe('a rating restored with an offset instant', () => {
  it('counts in the same month in the popup and in the export', async () => {
    const source = new ScorecardDb(`test-${crypto.randomUUID()}`);
    await source.vas.put(sampleRecords.va);
    await source.tasks.put(sampleRecords.task);
    await source.ratings.put(sampleRecords.rating);
    const raw = JSON.parse(JSON.stringify(await createBackup(source)));
    // 23:10 on 30 November in Brussels, written with the local offset (a hand edit, another tool).
    raw.tables.ratings[0].doneAt = '2026-12-01T00:10:00+02:00';
    raw.tables.tasks[0].doneAt = '2026-12-01T00:10:00+02:00';
    const parsed = parseBackup(JSON.stringify(raw));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));

    const d = new ScorecardDb(`test-${crypto.randomUUID()}`);
    await restoreBackup(parsed.backup, 'replace', d);
    expect((await d.ratings.get(sampleRecords.rating.id))?.doneAt).toBe('2026-11-30T22:10:00.000Z');

    const now = new Date('2026-12-10T12:00:00.000Z');
    const summary = await loadSummary({ kind: 'lastMonth' }, d, now);
    expect(summary.cards[0]?.kpis.tasksDone).toBe(1);

    const { start, end } = periodIso(lastMonth(now, 'Europe/Brussels'));
    const { blob, rows } = await exportRatingsCsv({ startIso: start, endIso: end }, { delimiter: ',' }, d);
    expect(rows).toBe(1);
    const lines = Papa.parse<string[]>((await blob.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(lines[1]?.[8]).toBe('2026-11-30T22:10:00.000Z');
  });
});
