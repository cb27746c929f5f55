import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backupBlob, createBackup, deleteAllData, parseBackup, restoreBackup, TABLE_NAMES, type Backup } from '@/lib/backup';
import { ScorecardDb } from '@/lib/db';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { getSettings, saveSettings } from '@/lib/settings';
import { realisticData, seedDb, type DataSet } from '../dataset';

let d: ScorecardDb;
let data: DataSet;
beforeEach(async () => {
  d = new ScorecardDb(`test-${crypto.randomUUID()}`);
  data = await seedDb(d);
});

const fresh = () => new ScorecardDb(`test-${crypto.randomUUID()}`);
const snapshot = async (db: ScorecardDb) => Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (n) => [n, await db.table(n).toArray()])));
const owner = { tolerance: 0.25, ownerHourlyValue: 85, currency: 'USD', csvDelimiter: ';' } as const;

/** A backup as its file text, changed by `edit` (a user's hand edit or a damaged file). */
async function backupText(edit: (b: Record<string, any>) => void = () => {}) {
  const raw = JSON.parse(await backupBlob(await createBackup(d)).text());
  edit(raw);
  return JSON.stringify(raw);
}

describe('backup', () => {
  it('round-trips a realistic data set losslessly through the file (replace into an empty profile)', async () => {
    await saveSettings(owner);
    const before = await snapshot(d);
    const text = await backupText();
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.backup).toMatchObject({ format: 'va-scorecard-backup', version: 1 });

    await saveSettings(DEFAULT_SETTINGS);
    const other = fresh();
    const report = await restoreBackup(parsed.backup, 'replace', other);
    expect(await snapshot(other)).toEqual(before);
    expect(await getSettings()).toEqual(owner);
    expect(report.tables.ratings).toEqual({ written: data.ratings.length, kept: 0 });
    expect(report.settingsRestored).toBe(true);

    // And the second backup equals the first, apart from when it was made.
    const again = await createBackup(other);
    expect({ ...again, exportedAt: '' }).toEqual({ ...parsed.backup, exportedAt: '' });
  });

  it('never contains a token, even one smuggled into the settings', async () => {
    await fakeBrowser.storage.local.set({ 'token:trello': 'tok-SECRET-1', settings: { ...owner, trelloToken: 'tok-SECRET-2' } });
    const text = await backupText();
    expect(text).not.toContain('SECRET');
    expect(JSON.parse(text).settings).toEqual(owner);
  });

  it('lists every problem with table, index, record id and field', async () => {
    const ids: string[] = [];
    const text = await backupText((b) => {
      b.tables.ratings[3].quality = 7;
      b.tables.tasks[5].url = 'javascript:alert(1)';
      delete b.tables.vas[1].name;
      ids.push(b.tables.ratings[3].id, b.tables.tasks[5].key, b.tables.vas[1].id);
    });
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const where = parsed.problems.map((p) => `${p.path} ${p.record}`);
    expect(where).toEqual(expect.arrayContaining([
      `tables.ratings[3].quality ${ids[0]}`,
      `tables.tasks[5].url ${ids[1]}`,
      `tables.vas[1].name ${ids[2]}`,
    ]));
    expect(parsed.problems.find((p) => p.path === 'tables.ratings[3].quality')!.message).toMatch(/5/);
  });

  it('reports a duplicate record id', async () => {
    let id = '';
    const parsed = parseBackup(await backupText((b) => { b.tables.ratings.push({ ...b.tables.ratings[0] }); id = b.tables.ratings[0].id; }));
    expect(parsed).toEqual({ ok: false, problems: [{ path: `tables.ratings[${data.ratings.length}].id`, record: id, message: 'Appears twice in this table' }] });
  });

  it('says clearly when the file is not a backup, is broken, or is from a newer version', async () => {
    const first = (text: string) => { const p = parseBackup(text); return p.ok ? null : p.problems[0]!.message; };
    expect(first('{"format":"va-scorecard-backup",')).toMatch(/^Not a JSON file/);
    expect(first('{"hello":1}')).toBe('This file is not a VA Scorecard backup');
    expect(first(await backupText((b) => { b.version = 2; }))).toMatch(/newer version.*format 2/);
  });

  it('replace is all or nothing: a failed write leaves the old data as it was', async () => {
    const backup = parseBackup(await backupText()) as { ok: true; backup: Backup };
    const other = fresh();
    const mine = await seedDb(other, { ...realisticData(), ratings: realisticData().ratings.slice(0, 5) });
    const before = await snapshot(other);
    // The restore writes through db.table(name), a different Table object than db.ratings.
    vi.spyOn(other.table('ratings'), 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(restoreBackup(backup.backup, 'replace', other)).rejects.toThrow('disk full');
    expect(await snapshot(other)).toEqual(before);
    expect(await other.ratings.count()).toBe(mine.ratings.length);
  });

  it('merge keeps the newer updatedAt per record, adds what is missing, and keeps our settings', async () => {
    await saveSettings(owner);
    const backup = (parseBackup(await backupText()) as { ok: true; backup: Backup }).backup;
    await saveSettings(DEFAULT_SETTINGS);
    const [older, newer, same] = data.ratings;
    await d.ratings.bulkPut([
      { ...older!, note: 'edited before the backup', updatedAt: '2020-01-01T00:00:00.000Z' },
      { ...newer!, note: 'edited after the backup', updatedAt: '2030-01-01T00:00:00.000Z' },
      { ...same!, note: 'same time, ours' },
    ]);
    await d.vas.delete('va-zoe');
    const report = await restoreBackup(backup, 'merge', d);
    expect((await d.ratings.get(older!.id))!.note).toBe(older!.note);
    expect((await d.ratings.get(newer!.id))!.note).toBe('edited after the backup');
    expect((await d.ratings.get(same!.id))!.note).toBe('same time, ours');
    expect(await d.vas.get('va-zoe')).toEqual(data.vas[1]);
    expect(report.tables.ratings).toEqual({ written: 1, kept: data.ratings.length - 1 });
    expect(report.tables.vas).toEqual({ written: 1, kept: data.vas.length - 1 });
    expect(report.settingsRestored).toBe(false);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('delete all data empties every table', async () => {
    await deleteAllData(d);
    for (const n of TABLE_NAMES) expect(await d.table(n).count(), n).toBe(0);
  });
});
