import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '@/lib/files/backup';
import { deleteAllData, restoreBackup } from '@/lib/db/restore';
import { kpiRatingsDoneBetween, ScorecardDb } from '@/lib/db';
import { addActualMinutes, saveTaskRating } from '@/lib/db/writes';
import { groupByDoneDay, kpiFieldsOf, type DoneDay } from '@/lib/db/done-days';
import { commitImport } from '@/lib/db/import';
import { previewImport } from '@/lib/files/import';
import type { Rating } from '@/lib/model';
import { realisticData, seedDb, type DataSet } from '../../dataset';

let d: ScorecardDb;
let data: DataSet;
beforeEach(async () => {
  d = new ScorecardDb(`test-${crypto.randomUUID()}`);
  data = await seedDb(d);
});

const sortDays = (days: DoneDay[]) => days
  .map((day) => ({ day: day.day, ratings: [...day.ratings].sort((a, b) => a.id.localeCompare(b.id)) }))
  .sort((a, b) => a.day.localeCompare(b.day));

/** The popup's copy must always equal what the ratings themselves say. */
async function expectCopyMatchesRatings(db = d) {
  const expected = sortDays(groupByDoneDay(await db.ratings.toArray()));
  expect(sortDays(await db.doneDays.toArray())).toEqual(expected);
  return expected;
}

const { tasks } = realisticData();
const doneTask = tasks.find((t) => t.doneAt !== null)!;
const { updatedAt: _, ...taskInput } = doneTask;

describe('the done-days copy of the ratings', () => {
  it('holds every done rating once, with only the KPI fields, after a bulk write', async () => {
    const days = await expectCopyMatchesRatings();
    const done = data.ratings.filter((r) => r.doneAt !== null);
    expect(days.flatMap((day) => day.ratings)).toHaveLength(done.length);
    const sample = days[0]!.ratings[0]!;
    expect(sample).not.toHaveProperty('note');
    expect(sample).toEqual(kpiFieldsOf(done.find((r) => r.id === sample.id)!));
  });

  it('follows a rating as the panel edits it: new day, other day, reopened, done again', async () => {
    await saveTaskRating(taskInput, { quality: 2 }, d);
    await expectCopyMatchesRatings();
    await saveTaskRating(taskInput, { doneAt: '2026-12-02T08:00:00.000Z' }, d);
    const moved = await expectCopyMatchesRatings();
    expect(moved.find((day) => day.day === '2026-12-02')!.ratings.map((r) => r.id)).toContain(doneTask.key);
    await saveTaskRating(taskInput, { doneAt: null }, d);
    const reopened = await expectCopyMatchesRatings();
    expect(reopened.flatMap((day) => day.ratings).map((r) => r.id)).not.toContain(doneTask.key);
    // An offset instant is filed under its UTC day: 23:30 at -02:00 is 01:30 the next UTC day.
    await saveTaskRating(taskInput, { doneAt: '2026-12-03T23:30:00-02:00' }, d);
    const offset = await expectCopyMatchesRatings();
    expect(offset.find((day) => day.day === '2026-12-04')!.ratings.map((r) => r.id)).toEqual([doneTask.key]);
  });

  it('follows the timer, a Table.update, a delete and clearing the table', async () => {
    const rated = data.ratings.find((r) => r.doneAt !== null && r.actualMinutes !== null)!;
    await addActualMinutes(rated.id, 15, d);
    const days = await expectCopyMatchesRatings();
    expect(days.flatMap((day) => day.ratings).find((r) => r.id === rated.id)!.actualMinutes).toBe(rated.actualMinutes! + 15);
    await d.ratings.update(rated.id, { quality: 1 });
    await expectCopyMatchesRatings();
    await d.ratings.delete(rated.id);
    await expectCopyMatchesRatings();
    await d.ratings.where('doneAt').below('2026-10-15').delete();
    await expectCopyMatchesRatings();
    await d.ratings.clear();
    expect(await d.doneDays.count()).toBe(0);
  });

  it('follows a CSV import, a restore (replace and merge) and deleting all data', async () => {
    const backup = await createBackup(d);
    const other = new ScorecardDb(`test-${crypto.randomUUID()}`);
    await restoreBackup(backup, 'replace', other);
    await expectCopyMatchesRatings(other);
    const changed = backup.tables.ratings.map((r, i): Rating => (i % 2
      ? { ...r, doneAt: '2026-12-10T10:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z' } : r));
    await restoreBackup({ ...backup, tables: { ...backup.tables, ratings: changed } }, 'merge', other);
    await expectCopyMatchesRatings(other);

    const csv = 'platform,taskId,taskTitle,taskUrl,vaName,doneAt,estimateMinutes,actualMinutes\n'
      + 'trello,imp1,Imported,https://trello.com/c/imp1,Nieuwe VA,2026-12-20T09:00:00.000Z,30,45\n';
    const preview = await previewImport(csv, other);
    expect(preview.problems).toEqual([]);
    await commitImport(preview.rows, other);
    const days = await expectCopyMatchesRatings(other);
    expect(days.find((day) => day.day === '2026-12-20')!.ratings.map((r) => r.id)).toEqual(['trello:imp1']);

    await deleteAllData(other);
    expect(await other.doneDays.count()).toBe(0);
  });

  it('keeps every write of one transaction, also when they run in parallel', async () => {
    const base = data.ratings.find((r) => r.doneAt !== null)!;
    const copies = Array.from({ length: 5 }, (_, i) => ({ ...base, id: `trello:par${i}`, taskId: `par${i}`, doneAt: '2026-12-24T12:00:00.000Z' }));
    await d.transaction('rw', d.ratings, () => Promise.all(copies.map((r) => d.ratings.put(r))));
    const days = await expectCopyMatchesRatings();
    expect(days.find((day) => day.day === '2026-12-24')!.ratings).toHaveLength(5);
  });

  it('ignores an add that failed because the rating exists, in a bulkAdd that carries on', async () => {
    const existing = data.ratings.find((r) => r.doneAt !== null)!;
    const fresh = { ...existing, id: 'trello:new1', taskId: 'new1', doneAt: '2026-12-26T10:00:00.000Z' };
    await d.transaction('rw', d.ratings, async () => {
      await d.ratings.bulkAdd([{ ...existing, doneAt: '2026-12-27T10:00:00.000Z' }, fresh]).catch(() => {});
    });
    expect((await d.ratings.get(existing.id))!.doneAt).toBe(existing.doneAt);
    const days = await expectCopyMatchesRatings();
    expect(days.find((day) => day.day === '2026-12-26')!.ratings.map((r) => r.id)).toEqual(['trello:new1']);
  });

  it('rolls back with the rating when the transaction fails', async () => {
    const base = data.ratings.find((r) => r.doneAt !== null)!;
    await expect(d.transaction('rw', d.ratings, async () => {
      await d.ratings.put({ ...base, id: 'trello:lost', taskId: 'lost', doneAt: '2026-12-25T12:00:00.000Z' });
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    expect(await d.doneDays.get('2026-12-25')).toBeUndefined();
    await expectCopyMatchesRatings();
  });

  it('is built from the existing ratings when a version-1 database is upgraded', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ ratings: 'id, [vaId+doneAt], doneAt, updatedAt' });
    await v1.table('ratings').bulkPut(data.ratings);
    v1.close();
    const upgraded = new ScorecardDb(name);
    const days = await expectCopyMatchesRatings(upgraded);
    expect(days.length).toBeGreaterThan(10);
  });

  it('leaves out a stored rating whose done date is not a date, and still lets it be deleted', async () => {
    const base = data.ratings.find((r) => r.doneAt !== null)!;
    const broken = [{ ...base, id: 'trello:bad1', doneAt: 'last tuesday' }, { ...base, id: 'trello:bad2', doneAt: undefined }] as unknown as Rating[];
    expect(groupByDoneDay([base, ...broken])).toEqual(groupByDoneDay([base]));
    // Stored as an older version could have left it, under the middleware's back.
    await d.transaction('rw', d.ratings, (tx) => tx.idbtrans.objectStore('ratings').put(broken[0]));
    await d.ratings.bulkDelete(['trello:bad1']);
    expect(await d.ratings.get('trello:bad1')).toBeUndefined();
    await expectCopyMatchesRatings();
  });

  it('answers a period with the same ratings as the doneAt index, edges included', async () => {
    // Local periods start and end mid-UTC-day (Amsterdam: 23:00Z); a rating at the edge counts once.
    const start = '2026-10-04T23:00:00.000Z';
    const end = '2026-10-20T22:00:00.000Z';
    const edge = data.ratings.find((r) => r.doneAt !== null)!;
    await d.ratings.bulkPut([
      { ...edge, id: 'trello:atStart', taskId: 'atStart', doneAt: start },
      { ...edge, id: 'trello:atEnd', taskId: 'atEnd', doneAt: end },
    ]);
    const fast = await kpiRatingsDoneBetween(start, end, d);
    const full = await d.ratings.where('doneAt').between(start, end, true, false).toArray();
    expect(full.length).toBeGreaterThan(5);
    expect(fast.map((r) => r.id).sort()).toEqual(full.map((r) => r.id).sort());
    expect(fast.map((r) => r.id)).toContain('trello:atStart');
    expect(fast.map((r) => r.id)).not.toContain('trello:atEnd');
  });
});
