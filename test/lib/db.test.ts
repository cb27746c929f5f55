import { beforeEach, describe, expect, it } from 'vitest';
import { ScorecardDb, listVas, ratingsDoneBetween } from '@/lib/db';
import { addActualMinutes, saveTaskRating, saveVa, setVaArchived } from '@/lib/db-writes';
import { sampleRecords } from '../records';

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
