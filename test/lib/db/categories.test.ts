// The owner's own categories: added with their counters, renamed, archived without losing the
// ratings that use them; the panel gets them through 'panel.load'.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { ScorecardDb } from '@/lib/db';
import { addCategory, renameCategory, setCategoryArchived } from '@/lib/db/categories';
import { saveTaskRating } from '@/lib/db/writes';
import { createHandlers } from '@/lib/background/handlers';
import { dispatch } from '@/lib/messages/listen';
import { sampleRecords } from '../../records';

let d: ScorecardDb;
beforeEach(() => { d = new ScorecardDb(`test-${crypto.randomUUID()}`); });
const { updatedAt, ...task } = sampleRecords.task;
const self = { id: fakeBrowser.runtime.id } as never;

describe('categories of the owner\'s own', () => {
  it('gets an id from its name and one counter per label, in the order typed', async () => {
    const c = await addCategory({ name: 'Boekhouding & BTW', counters: ['Bonnetjes verwerkt', 'Rekeningen afgestemd', ''] }, d);
    expect(c).toMatchObject({ id: 'boekhouding-btw', name: 'Boekhouding & BTW', archived: false });
    expect(c.counters).toEqual([{ id: 'bonnetjesVerwerkt', label: 'Bonnetjes verwerkt' }, { id: 'rekeningenAfgestemd', label: 'Rekeningen afgestemd' }]);
  });

  it('never takes a built-in\'s id or another category\'s, and gives counters distinct ids', async () => {
    const a = await addCategory({ name: 'Email', counters: ['Spam', 'spam', '123'] }, d);
    const b = await addCategory({ name: 'email', counters: [] }, d);
    expect([a.id, b.id]).toEqual(['email-2', 'email-3']);
    expect(a.counters.map((k) => k.id)).toEqual(['spam', 'spam2', 'counter3']);
  });

  it('refuses a category without a name, with a translated message, and stores nothing', async () => {
    await expect(addCategory({ name: '  ', counters: ['x'] }, d)).rejects.toThrow('A category needs a name.');
    expect(await d.categories.count()).toBe(0);
  });

  it('renames and archives without touching the ratings that use it, and the panel still knows it', async () => {
    const c = await addCategory({ name: 'Events', counters: ['Guests invited'] }, d);
    await saveTaskRating(task, { category: c.id, counters: { guestsInvited: 40 } }, d);
    await renameCategory(c.id, 'Events & webinars', d);
    await setCategoryArchived(c.id, true, d);
    expect(await d.ratings.get(task.key)).toMatchObject({ category: c.id, counters: { guestsInvited: 40 } });
    const data = await dispatch(createHandlers(d), 'panel.load', { task }, self);
    expect(data.customCategories).toEqual([expect.objectContaining({ id: c.id, name: 'Events & webinars', archived: true })]);
  });
});
