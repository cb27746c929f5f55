import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backupBlob, createBackup, parseBackup, type Backup } from '@/lib/files/backup';
import { ScorecardDb, TABLE_NAMES } from '@/lib/db';
import { deleteAllData, restoreBackup } from '@/lib/db/restore';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { getSettings, saveSettings } from '@/lib/storage/settings';
import { legacySyncCursorItem, syncConnectionsItem, tokenItem } from '@/lib/storage/items';
import { commitSyncedPage, readSyncCursor } from '@/lib/db/sync';
import { realisticData, seedDb, type DataSet } from '../../dataset';

let d: ScorecardDb;
let data: DataSet;
beforeEach(async () => {
  d = new ScorecardDb(`test-${crypto.randomUUID()}`);
  data = await seedDb(d);
});

const fresh = () => new ScorecardDb(`test-${crypto.randomUUID()}`);
const snapshot = async (db: ScorecardDb) => Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (n) => [n, await db.table(n).toArray()])));
const owner = { tolerance: 0.25, ownerHourlyValue: 85, currency: 'USD', csvDelimiter: ';', syncInterval: 'hourly' } as const;

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
    expect(parsed.backup).toMatchObject({ format: 'va-scorecard-backup', version: 2 });

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
    expect(first(await backupText((b) => { b.version = 3; }))).toMatch(/newer version.*format 3/);
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

  it('refuses records whose key, platform and task id disagree, or whose address is on another platform', async () => {
    type Rec = Record<string, string>;
    const edited: Record<string, [number, Rec]> = {};
    const text = await backupText((b) => {
      const tasks = b.tables.tasks as Rec[];
      const pick = (platform: string) => { const i = tasks.findIndex((t) => t.platform === platform); return [i, tasks[i]!] as [number, Rec]; };
      edited.crossed = pick('asana');
      edited.wrongKey = pick('clickup');
      edited.offsite = pick('trello');
      edited.crossed[1].url = 'https://trello.com/c/x';
      edited.wrongKey[1].key = 'trello:not-this-one';
      edited.offsite[1].url = 'https://evil.example/c/x';
      edited.otherTask = [0, b.tables.ratings[0]];
      edited.otherPlatform = [1, b.tables.ratings[1]];
      edited.otherTask[1].taskId = 'someone-else';
      edited.otherPlatform[1].platform = edited.otherPlatform[1].platform === 'clickup' ? 'trello' : 'clickup';
    });
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const { crossed, wrongKey, offsite, otherTask, otherPlatform } = edited as Record<string, [number, Rec]>;
    expect(parsed.problems.map((p) => `${p.path} ${p.record}: ${p.message}`)).toEqual([
      `tables.tasks[${crossed![0]}].url ${crossed![1].key}: trello.com is not app.asana.com, where asana tasks live`,
      `tables.tasks[${wrongKey![0]}].key trello:not-this-one: Should be "clickup:${wrongKey![1].taskId}": its platform and task id`,
      `tables.tasks[${offsite![0]}].url ${offsite![1].key}: evil.example is not trello.com, where trello tasks live`,
      `tables.ratings[0].id ${otherTask![1].id}: Should be "${otherTask![1].platform}:someone-else": its platform and task id`,
      `tables.ratings[1].id ${otherPlatform![1].id}: Should be "${otherPlatform![1].platform}:${otherPlatform![1].taskId}": its platform and task id`,
    ]);
  });

  it('keeps ratings of a VA missing from a replace backup visible under a stand-in VA, and reports it', async () => {
    const backup = (parseBackup(await backupText((b) => { b.tables.vas = b.tables.vas.filter((v: { id: string }) => v.id !== 'va-zoe'); })) as { ok: true; backup: Backup }).backup;
    const zoes = data.ratings.filter((r) => r.vaId === 'va-zoe');
    expect(zoes.length).toBeGreaterThan(0);
    const other = fresh();
    const report = await restoreBackup(backup, 'replace', other);
    expect(report.standInVas).toEqual([{ id: 'va-zoe', name: 'Unknown VA (va-zoe)', ratings: zoes.length }]);
    expect(await other.vas.get('va-zoe')).toMatchObject({ name: 'Unknown VA (va-zoe)', archived: false });
    expect((await other.ratings.toArray()).filter((r) => r.vaId === 'va-zoe')).toHaveLength(zoes.length);
  });

  it('merge adds a stand-in only for a VA that neither the backup nor this profile has', async () => {
    const backup = (parseBackup(await backupText((b) => {
      b.tables.vas = b.tables.vas.filter((v: { id: string }) => v.id !== 'va-zoe' && v.id !== 'va-sanne');
    })) as { ok: true; backup: Backup }).backup;
    const other = fresh();
    await other.vas.put(data.vas[0]!); // va-sanne lives here already
    const report = await restoreBackup(backup, 'merge', other);
    expect(report.standInVas.map((v) => v.id)).toEqual(['va-zoe']);
    expect(await other.vas.get('va-sanne')).toEqual(data.vas[0]);
    // Nothing to report when every VA is there.
    expect((await restoreBackup(backup, 'merge', other)).standInVas).toEqual([]);
  });

  it('carries records set aside by an upgrade into the backup, and restores them as set aside, not as data', async () => {
    const aside = { id: 'ratings:trello:q9@2026-12-01T10:00:00.000Z', table: 'ratings', key: 'trello:q9', record: { id: 'trello:q9', quality: 9 }, reason: 'quality: Too big', quarantinedAt: '2026-12-01T10:00:00.000Z' };
    await d.table('quarantine').put(aside);
    const parsed = parseBackup(await backupText());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.backup.quarantine).toEqual([aside]);
    const other = fresh();
    const report = await restoreBackup(parsed.backup, 'replace', other);
    expect(report.quarantine).toBe(1);
    expect(await other.table('quarantine').toArray()).toEqual([aside]);
    expect(await other.ratings.get('trello:q9')).toBeUndefined();
    expect((await restoreBackup(parsed.backup, 'merge', other)).quarantine).toBe(0);
    expect(await other.table('quarantine').count()).toBe(1);
    // A backup made before records could be set aside still reads and restores.
    const older = parseBackup(await backupText((b) => { delete b.quarantine; }));
    expect(older.ok).toBe(true);
  });

  it('delete all data empties every table', async () => {
    await d.table('quarantine').put({ id: 'vas:x@2026-12-01T10:00:00.000Z', table: 'vas', key: 'x', record: {}, reason: 'name: missing', quarantinedAt: '2026-12-01T10:00:00.000Z' });
    await deleteAllData(d);
    for (const n of [...TABLE_NAMES, 'quarantine']) expect(await d.table(n).count(), n).toBe(0);
  });

  it('delete all data forgets where each board\'s sync was, so the next sync fetches every task again', async () => {
    const cursor = { watermark: '1764496800000', run: null, lastSyncAt: '2026-11-30T10:00:00.000Z' };
    await commitSyncedPage('clickup', 'list-1', { tasks: [], doneTimes: [], removed: [], runStartedAt: '2026-11-30T10:00:00.000Z', removeUnseen: false }, cursor, d);
    // A cursor an older version kept in storage.local goes too.
    const legacy = legacySyncCursorItem('clickup', 'list-2');
    await legacy.setValue(cursor);
    await syncConnectionsItem.setValue({ clickup: { account: 'Sanne', last4: 'ab12', boards: [], connectedAt: '2026-11-01T00:00:00.000Z' } });
    await deleteAllData(d);
    expect(await readSyncCursor('clickup', 'list-1', d)).toBeNull();
    expect(await legacy.getValue()).toBeNull();
    // The connection itself stays: delete-all keeps settings and board connections.
    expect((await syncConnectionsItem.getValue()).clickup?.account).toBe('Sanne');
  });
});

describe('board connections in a backup', () => {
  const token = 'pk_81000_SECRETQ7Z9';
  const inbox = { platform: 'clickup', id: '901', name: 'Ops › Inbox' } as const;
  const cursor = { watermark: '1764496800000', run: { full: true, startedAt: '2026-11-30T09:00:00.000Z', state: { page: 3, since: null, high: '1764496800000' }, pages: 3 }, lastSyncAt: '2026-11-29T10:00:00.000Z' };
  const connected = { account: 'Owner Olga', last4: 'Q7Z9', boards: [inbox], connectedAt: '2026-11-01T00:00:00.000Z' };
  beforeEach(async () => {
    await tokenItem('clickup').setValue(token);
    await syncConnectionsItem.setValue({ clickup: connected });
    await commitSyncedPage('clickup', '901', { tasks: [], doneTimes: [], removed: [], runStartedAt: cursor.run.startedAt, removeUnseen: false }, cursor, d);
  });

  it('travel with their cursors; restored elsewhere, the platform needs its token again and the sync resumes where it was', async () => {
    const parsed = parseBackup(await backupText());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.backup.version).toBe(2);
    // Another browser: no token, no connection.
    await fakeBrowser.storage.local.clear();
    const other = fresh();
    expect((await restoreBackup(parsed.backup, 'replace', other)).needToken).toEqual(['clickup']);
    expect(await syncConnectionsItem.getValue()).toEqual({ clickup: { ...connected, last4: null } });
    expect(await tokenItem('clickup').getValue()).toBeNull();
    expect(await readSyncCursor('clickup', '901', other)).toEqual(cursor);
    // Merge into a profile connected to that platform keeps its own connection and cursor.
    await syncConnectionsItem.setValue({ clickup: { ...connected, account: 'Other account' } });
    const mine = { ...cursor, run: null, watermark: '1764500000000' };
    await commitSyncedPage('clickup', '901', { tasks: [], doneTimes: [], removed: [], runStartedAt: cursor.run.startedAt, removeUnseen: false }, mine, other);
    await restoreBackup(parsed.backup, 'merge', other);
    expect((await syncConnectionsItem.getValue()).clickup?.account).toBe('Other account');
    expect(await readSyncCursor('clickup', '901', other)).toEqual(mine);
  });

  it('never carry the token nor its last 4 characters, and a token put into the file is dropped', async () => {
    const text = await backupText();
    expect(text).toContain('Owner Olga');
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('Q7Z9');
    expect(text).not.toContain('last4');
    const smuggled = await backupText((b) => { b.boardSync.connections.clickup.token = token; b.boardSync.connections.clickup.last4 = 'Q7Z9'; });
    const parsed = parseBackup(smuggled);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await fakeBrowser.storage.local.clear();
    await restoreBackup(parsed.backup, 'replace', fresh());
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/SECRET|Q7Z9/);
  });

  it('a version-1 file without them still restores, and a replace forgets this profile\'s cursors (its tasks are the file\'s now)', async () => {
    const older = await backupText((b) => { b.version = 1; delete b.boardSync; });
    const parsed = parseBackup(older);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const before = await snapshot(d);
    await restoreBackup(parsed.backup, 'replace', d);
    expect(await snapshot(d)).toEqual(before);
    expect(await syncConnectionsItem.getValue()).toEqual({ clickup: connected }); // nothing in the file to restore
    expect(await readSyncCursor('clickup', '901', d)).toBeNull(); // the next sync is a full one
  });

  it('refuses a board listed under another platform, with where it is', async () => {
    const parsed = parseBackup(await backupText((b) => { b.boardSync.connections.clickup.boards[0].platform = 'trello'; }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual(['boardSync.connections.clickup.boards[0].platform']);
  });
});
