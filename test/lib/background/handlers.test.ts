import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ScorecardDb } from '@/lib/db';
import { createHandlers } from '@/lib/background/handlers';
import { timerItem } from '@/lib/storage/items';
import { dispatch, type Handlers } from '@/lib/messages/listen';
import { sampleRecords } from '../../records';

let d: ScorecardDb;
let handlers: Handlers;
const self = { id: fakeBrowser.runtime.id, tab: { id: 7, url: 'https://trello.com/c/AbCd1234' } } as never;
const { updatedAt, ...task } = sampleRecords.task;

beforeEach(() => {
  d = new ScorecardDb(`test-${crypto.randomUUID()}`);
  handlers = createHandlers(d);
});

describe('messages to the background', () => {
  it('saves a well-formed rating and loads it back for the panel', async () => {
    await dispatch(handlers, 'rating.save', { task, patch: { estimateMinutes: 60, quality: 4 } }, self);
    const data = await dispatch(handlers, 'panel.load', { task }, self);
    expect(data.rating).toMatchObject({ estimateMinutes: 60, quality: 4 });
  });

  it('refuses a message of the wrong shape with a clear error and writes nothing', async () => {
    await expect(dispatch(handlers, 'rating.save', { task, patch: { quality: 'great' } }, self))
      .rejects.toThrow('Invalid "rating.save" message: patch.quality: Invalid input: expected number, received string');
    await expect(dispatch(handlers, 'rating.save', { patch: {} }, self)).rejects.toThrow(/task/);
    expect(await d.ratings.count()).toBe(0);
    expect(await d.tasks.count()).toBe(0);
  });

  it('refuses an unknown message type', async () => {
    await expect(dispatch(handlers, 'drop.tables' as never, {}, self)).rejects.toThrow('Unknown message "drop.tables"');
  });

  it('refuses a message from another extension', async () => {
    await expect(dispatch(handlers, 'va.create', { name: 'Mallory' }, { id: 'someone-else' } as never))
      .rejects.toThrow(/did not come from VA Scorecard/);
    expect(await d.vas.count()).toBe(0);
  });

  it('maps a board member to a VA once, replacing an older mapping of the same member', async () => {
    const va = await dispatch(handlers, 'va.create', { name: 'Sanne' }, self);
    const identity = { platform: 'trello' as const, memberId: 'm1', name: 'sanne' };
    await dispatch(handlers, 'va.mapIdentity', { vaId: va.id, identity }, self);
    const mapped = await dispatch(handlers, 'va.mapIdentity', { vaId: va.id, identity: { ...identity, name: 'Sanne V' } }, self);
    expect(mapped.identities).toEqual([{ platform: 'trello', memberId: 'm1', name: 'Sanne V' }]);
  });

  it('replaces a name-only mapping when the same member is later seen with an id', async () => {
    const va = await dispatch(handlers, 'va.create', { name: 'Sanne', identity: { platform: 'trello', memberId: null, name: 'Sanne de Vries' } }, self);
    const mapped = await dispatch(handlers, 'va.mapIdentity', { vaId: va.id, identity: { platform: 'trello', memberId: 'm1', name: 'sanne de vries' } }, self);
    expect(mapped.identities).toEqual([{ platform: 'trello', memberId: 'm1', name: 'sanne de vries' }]);
  });

  it('runs one timer at a time: starting a second banks the first into its actual time', async () => {
    await dispatch(handlers, 'timer.start', { task }, self);
    await timerItem.setValue({ taskKey: task.key, startedAt: new Date(Date.now() - 25 * 60_000).toISOString() });
    const other = { ...task, key: 'trello:Zz998877', taskId: 'Zz998877', url: 'https://trello.com/c/Zz998877' };
    await dispatch(handlers, 'timer.start', { task: other }, self);
    expect((await d.ratings.get(task.key))?.actualMinutes).toBe(25);
    expect((await timerItem.getValue())?.taskKey).toBe('trello:Zz998877');
  });

  it('remembers per tab whether the board page was recognised', async () => {
    await dispatch(handlers, 'page.status', { platform: 'trello', recognised: false }, self);
    expect(await fakeBrowser.storage.session.get('pageStatus:7')).toEqual({
      'pageStatus:7': { platform: 'trello', recognised: false, url: 'https://trello.com/c/AbCd1234' },
    });
  });

  it('a second save in a later sitting keeps what the first one saved', async () => {
    await dispatch(handlers, 'rating.save', { task, patch: { estimateMinutes: 60, quality: 4 } }, self);
    await dispatch(handlers, 'rating.save', { task, patch: { note: 'Klant gebeld' } }, self);
    const { rating } = await dispatch(handlers, 'panel.load', { task }, self);
    expect(rating).toMatchObject({ estimateMinutes: 60, quality: 4, note: 'Klant gebeld' });
  });

  it('two tabs saving different fields of one task both keep their field', async () => {
    const tabA = { id: fakeBrowser.runtime.id, tab: { id: 1, url: task.url } };
    const tabB = { id: fakeBrowser.runtime.id, tab: { id: 2, url: task.url } };
    await Promise.all([
      dispatch(handlers, 'rating.save', { task, patch: { estimateMinutes: 45 } }, tabA as never),
      dispatch(handlers, 'rating.save', { task, patch: { remindersNeeded: 2 } }, tabB as never),
    ]);
    expect(await d.ratings.get(task.key)).toMatchObject({ estimateMinutes: 45, remindersNeeded: 2 });
  });

  it('a proposed value fills an empty field but never overwrites what another tab chose', async () => {
    await dispatch(handlers, 'rating.save', { task, patch: { vaId: 'va-chosen' } }, self);
    // A tab opened before that choice still proposes the board's assignee.
    await dispatch(handlers, 'rating.save', { task, patch: { note: 'x' }, proposed: { vaId: 'va-proposed', dueAt: '2026-11-06' } }, self);
    expect(await d.ratings.get(task.key)).toMatchObject({ vaId: 'va-chosen', note: 'x', dueAt: '2026-11-04' });
    const other = { ...task, key: 'trello:Zz998877', taskId: 'Zz998877', url: 'https://trello.com/c/Zz998877', dueAt: null };
    await dispatch(handlers, 'rating.save', { task: other, patch: {}, proposed: { vaId: 'va-proposed', dueAt: '2026-11-06' } }, self);
    expect(await d.ratings.get(other.key)).toMatchObject({ vaId: 'va-proposed', dueAt: '2026-11-06' });
  });

  it('refuses a task whose key is not its own platform and id, and writes nothing', async () => {
    await expect(dispatch(handlers, 'rating.save', { task: { ...task, key: 'trello:Other' }, patch: { quality: 3 } }, self))
      .rejects.toThrow(/Invalid "rating.save" message: task.key/);
    await expect(dispatch(handlers, 'rating.save', { task: { ...task, url: 'https://app.clickup.com/t/AbCd1234' }, patch: {} }, self))
      .rejects.toThrow(/task.url/);
    expect(await d.ratings.count()).toBe(0);
  });

  it('a timer whose minutes cannot be written keeps running and says why', async () => {
    await dispatch(handlers, 'timer.start', { task }, self);
    // More minutes than a rating can hold: the write is refused.
    const startedAt = new Date(Date.now() - 200_000 * 60_000).toISOString();
    await timerItem.setValue({ taskKey: task.key, startedAt });
    await expect(dispatch(handlers, 'timer.stop', undefined, self)).rejects.toThrow(/^The timer keeps running: its time could not be saved \(Rating: actualMinutes/);
    expect(await timerItem.getValue()).toEqual({ taskKey: task.key, startedAt });
    const other = { ...task, key: 'trello:Zz998877', taskId: 'Zz998877', url: 'https://trello.com/c/Zz998877' };
    await expect(dispatch(handlers, 'timer.start', { task: other }, self)).rejects.toThrow(/actualMinutes/);
    expect(await timerItem.getValue()).toEqual({ taskKey: task.key, startedAt });
  });

  it('a timer whose rating was deleted meanwhile still banks its minutes', async () => {
    await dispatch(handlers, 'timer.start', { task }, self);
    await timerItem.setValue({ taskKey: task.key, startedAt: new Date(Date.now() - 10 * 60_000).toISOString() });
    await d.ratings.clear();
    const saved = await dispatch(handlers, 'timer.stop', undefined, self);
    expect(saved).toMatchObject({ id: task.key, platform: 'trello', taskId: 'AbCd1234', actualMinutes: 10 });
  });

  it('two stops at once bank the time once', async () => {
    await dispatch(handlers, 'timer.start', { task }, self);
    await timerItem.setValue({ taskKey: task.key, startedAt: new Date(Date.now() - 20 * 60_000).toISOString() });
    await Promise.all([dispatch(handlers, 'timer.stop', undefined, self), dispatch(handlers, 'timer.stop', undefined, self)]);
    expect((await d.ratings.get(task.key))?.actualMinutes).toBe(20);
  });
});
