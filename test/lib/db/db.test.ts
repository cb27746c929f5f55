import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ScorecardDb, listQuarantined, listVas, ratingsDoneBetween } from '@/lib/db';
import { groupByDoneDay } from '@/lib/db/done-days';
import { addActualMinutes, saveTaskRating, saveVa, setVaArchived } from '@/lib/db/writes';
import { sampleRecords } from '../../records';

let d: ScorecardDb;
beforeEach(() => { d = new ScorecardDb(`test-${crypto.randomUUID()}`); });

const { task } = sampleRecords;
const taskInput = (over: Partial<typeof task> = {}) => {
  const { updatedAt, ...rest } = { ...task, ...over };
  return rest;
};

describe('database', () => {
  it('round-trips every record type unchanged', async () => {
    const r = sampleRecords;
    await d.vas.put(r.va); await d.tasks.put(r.task); await d.ratings.put(r.rating); await d.reviews.put(r.review);
    await d.impact.put(r.impact); await d.targets.put(r.target); await d.categories.put(r.category);
    expect(await d.vas.get(r.va.id)).toEqual(r.va);
    expect(await d.tasks.get(r.task.key)).toEqual(r.task);
    expect(await d.ratings.get(r.rating.id)).toEqual(r.rating);
    expect(await d.reviews.get(r.review.id)).toEqual(r.review);
    expect(await d.impact.get(r.impact.id)).toEqual(r.impact);
    expect(await d.targets.get(r.target.id)).toEqual(r.target);
    expect(await d.categories.get(r.category.id)).toEqual(r.category);
  });

  it('adds, edits and archives a VA; archived VAs leave the list but keep existing', async () => {
    const va = await saveVa({ name: 'Sanne' }, d);
    await saveVa({ ...va, name: 'Sanne de Vries', hourlyRate: 30 }, d);
    expect((await listVas(d)).map((v) => [v.name, v.hourlyRate])).toEqual([['Sanne de Vries', 30]]);
    await setVaArchived(va.id, true, d);
    expect(await listVas(d)).toEqual([]);
    expect((await listVas(d, { includeArchived: true }))[0]).toMatchObject({ id: va.id, archived: true });
  });

  it('refuses a VA without a name and stores nothing', async () => {
    await expect(saveVa({ name: '' }, d)).rejects.toThrow('VA: name: A VA needs a name');
    expect(await d.vas.count()).toBe(0);
  });

  it('saves a rating with its task in one step and merges later changes', async () => {
    await saveTaskRating(taskInput(), { vaId: 'va-1', estimateMinutes: 60 }, d);
    const second = await saveTaskRating(taskInput({ title: 'Renamed' }), { actualMinutes: 90 }, d);
    expect(second).toMatchObject({ vaId: 'va-1', estimateMinutes: 60, actualMinutes: 90, dueAt: '2026-11-04' });
    expect((await d.tasks.get(task.key))?.title).toBe('Renamed');
  });

  it('a patch that names one field changes only that field, in a later sitting too', async () => {
    await saveTaskRating(taskInput(), { estimateMinutes: 60, quality: 4, category: 'email', counters: { messagesHandled: 3 } }, d);
    const { RatingPatch } = await import('@/lib/model');
    const second = await saveTaskRating(taskInput(), RatingPatch.parse({ note: 'Later' }), d);
    expect(second).toMatchObject({ estimateMinutes: 60, quality: 4, category: 'email', counters: { messagesHandled: 3 }, note: 'Later' });
  });

  it('writes neither task nor rating when the rating is invalid', async () => {
    await expect(saveTaskRating(taskInput(), { quality: 9 }, d)).rejects.toThrow(/Rating: quality/);
    expect(await d.tasks.count()).toBe(0);
    expect(await d.ratings.count()).toBe(0);
  });

  it('finds the ratings of one VA done in a period through the index', async () => {
    const days = ['2026-10-31T22:59:59.000Z', '2026-11-01T00:00:00.000Z', '2026-11-30T23:59:59.000Z', '2026-12-01T00:00:00.000Z'];
    for (const [i, doneAt] of days.entries()) {
      await saveTaskRating(taskInput({ key: `trello:t${i}`, taskId: `t${i}`, doneAt }), { vaId: 'va-1' }, d);
    }
    await saveTaskRating(taskInput({ key: 'trello:other', taskId: 'other' }), { vaId: 'va-2' }, d);
    const found = await ratingsDoneBetween('va-1', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', d);
    expect(found.map((r) => r.taskId).sort()).toEqual(['t1', 't2']);
  });

  it('adds timed minutes to the actual time', async () => {
    await saveTaskRating(taskInput(), { actualMinutes: 30 }, d);
    expect((await addActualMinutes(task.key, 15, d))?.actualMinutes).toBe(45);
    // A rating deleted while its timer ran is made again: timed work is never dropped.
    expect(await addActualMinutes('trello:missing', 15, d)).toMatchObject({ id: 'trello:missing', taskId: 'missing', actualMinutes: 15 });
  });
});

/** A database as an older version left it: its schema and whatever records it held, unchecked. */
async function writeOldVersion(version: 1 | 2 | 3 | 4, stores: Record<string, unknown[]>) {
  const name = `test-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(1).stores({
    vas: 'id, name', tasks: 'key, platform, updatedAt', ratings: 'id, [vaId+doneAt], doneAt, updatedAt',
    reviews: 'id, [vaId+periodStart], nextCheckIn', impact: 'id, [metric+month], month', targets: 'id, kpi', categories: 'id',
  });
  if (version >= 2) old.version(2).stores({ doneDays: 'day' });
  if (version >= 3) old.version(3).stores({ quarantine: 'id' });
  if (version === 4) old.version(4).stores({ ratings: 'id, [vaId+doneAt], doneAt, updatedAt, vaId' });
  await old.transaction('rw', old.tables, async () => {
    for (const [table, records] of Object.entries(stores)) await old.table(table).bulkPut(records);
    // Version 2 kept the copy of every stored rating, the unreadable ones included.
    if (version >= 2) await old.table('doneDays').bulkPut(groupByDoneDay((stores.ratings ?? []) as never));
  });
  old.close();
  return name;
}

describe('an upgrade never locks the owner out', () => {
  const r = sampleRecords;
  const bad = {
    va: { ...r.va, id: 'va-noname', name: '' },
    task: { ...r.task, key: 'trello:ftp', taskId: 'ftp', url: 'ftp://trello.com/c/ftp' },
    rating: { ...r.rating, id: 'trello:q9', taskId: 'q9', quality: 9 },
    review: { ...r.review, id: 'rev-nová', vaId: undefined },
    impact: { ...r.impact, id: 'imp-13', month: '2026-13' },
    target: { ...r.target, id: 't-bogus', kpi: 'happiness' },
    category: { ...r.category, id: 'Bad Id' },
  };
  // A version-1 VA had no currency yet; it reads with the default filled in.
  const { currency: _, ...vaWithoutCurrency } = { ...r.va, id: 'va-old' };

  it('sets aside each record that no longer parses, with the reason, and opens with the rest', async () => {
    const name = await writeOldVersion(2, {
      vas: [r.va, bad.va, vaWithoutCurrency], tasks: [r.task, bad.task], ratings: [r.rating, bad.rating],
      reviews: [r.review, bad.review], impact: [r.impact, bad.impact], targets: [r.target, bad.target],
      categories: [r.category, bad.category],
    });
    const d = new ScorecardDb(name);
    expect((await d.vas.toArray()).map((v) => v.id).sort()).toEqual(['va-1', 'va-old']);
    expect(await d.vas.get('va-old')).toEqual({ ...vaWithoutCurrency, currency: 'EUR' });
    expect(await d.tasks.toArray()).toEqual([r.task]);
    expect(await d.ratings.toArray()).toEqual([r.rating]);
    expect(await d.reviews.toArray()).toEqual([r.review]);
    expect(await d.impact.toArray()).toEqual([r.impact]);
    expect(await d.targets.toArray()).toEqual([r.target]);
    expect(await d.categories.toArray()).toEqual([r.category]);

    const aside = await listQuarantined(d);
    expect(aside.map((q) => `${q.table} ${q.key}`).sort()).toEqual([
      'categories Bad Id', 'impact imp-13', 'ratings trello:q9', 'reviews rev-nová', 'targets t-bogus', 'tasks trello:ftp', 'vas va-noname',
    ]);
    const rating = aside.find((q) => q.table === 'ratings')!;
    expect(rating.record).toEqual(bad.rating);
    expect(rating.reason).toMatch(/^quality: .*5/);
    expect(aside.find((q) => q.table === 'vas')!.reason).toMatch(/^name: A VA needs a name/);
    expect(Date.parse(rating.quarantinedAt)).not.toBeNaN();
    // The popup's copy no longer counts the rating that was set aside.
    expect(await d.doneDays.toArray()).toEqual(groupByDoneDay([r.rating]));
  });

  it('stores instants written with an offset by an older version as UTC, so the doneAt index and the day copy agree', async () => {
    const offset = { ...r.rating, id: 'trello:late', taskId: 'late', doneAt: '2026-12-01T00:10:00+02:00' };
    const name = await writeOldVersion(2, { vas: [r.va], tasks: [{ ...r.task, doneAt: '2026-12-01T00:10:00+02:00' }], ratings: [offset] });
    const d = new ScorecardDb(name);
    expect((await d.ratings.get('trello:late'))?.doneAt).toBe('2026-11-30T22:10:00.000Z');
    expect((await d.tasks.get(r.task.key))?.doneAt).toBe('2026-11-30T22:10:00.000Z');
    const november = await d.ratings.where('doneAt').between('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z').primaryKeys();
    expect(november).toEqual(['trello:late']);
    expect(await d.doneDays.toArray()).toEqual(groupByDoneDay(await d.ratings.toArray()));
  });

  it('checks each record once when an upgrade jumps several versions', async () => {
    const model = await import('@/lib/model');
    const name = await writeOldVersion(1, { vas: [r.va], ratings: [r.rating] });
    const parse = vi.spyOn(model.Rating, 'safeParse');
    const d = new ScorecardDb(name);
    expect(await d.ratings.toArray()).toEqual([r.rating]);
    // Versions 3 and 4 both end with the check; in one upgrade it runs once, with today's schemas.
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
  });

  it('opens a version-1 database whose ratings include ones without a usable done date', async () => {
    const { doneAt: _d, ...noDoneAt } = { ...r.rating, id: 'trello:nodone', taskId: 'nodone' };
    const name = await writeOldVersion(1, {
      vas: [r.va],
      ratings: [r.rating, noDoneAt, { ...r.rating, id: 'trello:garbage', taskId: 'garbage', doneAt: 'last tuesday' }],
    });
    const d = new ScorecardDb(name);
    expect(await d.ratings.toArray()).toEqual([r.rating, { ...noDoneAt, doneAt: null }]);
    expect((await listQuarantined(d)).map((q) => [q.key, q.reason])).toEqual([['trello:garbage', expect.stringMatching(/^doneAt: /)]]);
    expect(await d.doneDays.toArray()).toEqual(groupByDoneDay([r.rating]));
  });

  it('still opens when checking a record throws, and sets that record aside', async () => {
    // Reads fine, but a structure that cannot become JSON would break every backup.
    const looped: Record<string, unknown> = { ...r.va, id: 'va-loop' };
    looped.self = looped;
    const name = await writeOldVersion(2, { vas: [r.va, looped] });
    const d = new ScorecardDb(name);
    expect(await d.vas.toArray()).toEqual([r.va]);
    const [aside] = await listQuarantined(d);
    expect(aside).toMatchObject({ table: 'vas', key: 'va-loop', record: { ...r.va, id: 'va-loop', self: '[circular]' } });
    expect(aside!.reason).toMatch(/circular/i);
    expect(() => JSON.stringify(aside)).not.toThrow();
  });

  it('still opens, everything in place, when the check itself cannot run', async () => {
    const name = await writeOldVersion(2, { vas: [r.va, bad.va] });
    vi.doMock('@/lib/model', () => { throw new Error('Failed to fetch dynamically imported module'); });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const d = new ScorecardDb(name);
      expect((await d.vas.toArray()).map((v) => v.id)).toEqual(['va-1', 'va-noname']);
      expect(await listQuarantined(d)).toEqual([]);
      expect(logged).toHaveBeenCalled();
    } finally {
      vi.doUnmock('@/lib/model');
      logged.mockRestore();
    }
  });

  it('reads version 3\'s categories, reviews and impact entries with the fields added since, and finds a VA\'s open tasks', async () => {
    const { archived: _a, ...category } = r.category;
    const { meetingInputScore: _m, ...review } = r.review;
    const { unit: _u, ...impact } = r.impact;
    const open = { ...r.rating, id: 'trello:open', taskId: 'open', doneAt: null };
    const name = await writeOldVersion(3, { vas: [r.va], tasks: [r.task], ratings: [r.rating, open], reviews: [review], impact: [impact], categories: [category] });
    const d = new ScorecardDb(name);
    expect(await d.categories.toArray()).toEqual([r.category]);
    expect(await d.reviews.toArray()).toEqual([r.review]);
    expect(await d.impact.toArray()).toEqual([r.impact]);
    expect(await listQuarantined(d)).toEqual([]);
    const { loadOpenTasks, loadReviewData } = await import('@/lib/db/review-page');
    const data = await loadOpenTasks(await loadReviewData(r.va, '2026-11', d), d);
    expect(data.open!.map((o) => o.rating.id)).toEqual(['trello:open']);
  });

  it('opens a version-4 database with every record in place and a home for board cursors', async () => {
    const r = sampleRecords;
    const name = await writeOldVersion(4, { vas: [r.va], tasks: [r.task], ratings: [r.rating], reviews: [r.review], impact: [r.impact], targets: [r.target], categories: [r.category] });
    const d = new ScorecardDb(name);
    expect(await d.vas.toArray()).toEqual([r.va]);
    expect(await d.tasks.toArray()).toEqual([r.task]);
    expect(await d.ratings.toArray()).toEqual([r.rating]);
    expect(await d.reviews.toArray()).toEqual([r.review]);
    expect(await d.doneDays.toArray()).toEqual(groupByDoneDay([r.rating]));
    expect(await listQuarantined(d)).toEqual([]);
    const { readSyncCursor } = await import('@/lib/db/sync');
    expect(await readSyncCursor('clickup', '901', d)).toBeNull();
    expect(d.verno).toBe(5);
  });
});
