// Synced tasks in the database: tasks upserted by platform + id, a board-made rating for a task
// whose assignee is a VA (so the popup's KPIs count it unopened), the owner's typed values always
// winning, and what happens when a task leaves the board.
import { beforeEach, describe, expect, it } from 'vitest';
import { ScorecardDb } from '@/lib/db';
import { commitSyncedPage, linkAssignee, readSyncCursor } from '@/lib/db/sync';
import { groupByDoneDay } from '@/lib/db/done-days';
import { loadSummary } from '@/lib/db/summary';
import { saveTaskRating, saveVa } from '@/lib/db/writes';
import type { BoardCursor, BoardTask } from '@/lib/sync/types';

let d: ScorecardDb;
beforeEach(() => { d = new ScorecardDb(`test-${crypto.randomUUID()}`); });

const sanne = { id: 'm1', name: 'Sanne de Vries' };
const task = (n: number, over: Partial<BoardTask> = {}): BoardTask => ({
  taskId: `86c${n}`, title: `Task ${n}`, url: `https://app.clickup.com/t/86c${n}`, board: 'Inbox', assignees: [sanne],
  dueAt: '2026-11-10T17:00:00.000Z', doneAt: '2026-11-10T15:00:00.000Z', estimateMinutes: 60, trackedMinutes: 90, ...over,
});
const page = (tasks: BoardTask[], over: Partial<Parameters<typeof commitSyncedPage>[2]> = {}) =>
  ({ tasks, doneTimes: [], removed: [], runStartedAt: '2026-11-20T10:00:00.000Z', removeUnseen: false, ...over });
const cursor = (pages: number): BoardCursor => ({ watermark: null, run: { full: true, startedAt: '2026-11-20T10:00:00.000Z', state: { page: pages }, pages }, lastSyncAt: null });
const commit = (tasks: BoardTask[], over = {}, at: BoardCursor = cursor(1)) => commitSyncedPage('clickup', '901', page(tasks, over), at, d);
const november = { kind: 'thisMonth' } as const;

async function expectCopyMatches() {
  const sort = (days: { day: string; ratings: { id: string }[] }[]) => days.map((x) => ({ ...x, ratings: [...x.ratings].sort((a, b) => a.id.localeCompare(b.id)) })).sort((a, b) => a.day.localeCompare(b.day));
  expect(sort(await d.doneDays.toArray())).toEqual(sort(groupByDoneDay(await d.ratings.toArray())));
}

describe('synced tasks', () => {
  it('count for the mapped VA in the popup, unopened: tasks done, on-time rate, estimate ratio, hours', async () => {
    const va = await saveVa({ name: 'Sanne', identities: [{ platform: 'clickup', memberId: 'm1', name: 'Sanne de Vries' }] }, d);
    await commit([task(1), task(2, { doneAt: '2026-11-10T18:00:00.000Z' }), task(3, { doneAt: null }), task(4, { assignees: [{ id: 'm9', name: 'Someone' }] })]);
    expect(await d.tasks.count()).toBe(4);
    expect(await d.ratings.count()).toBe(3); // no VA, no rating
    const card = (await loadSummary(november, d, new Date('2026-11-21T12:00:00Z'))).cards.find((c) => c.va.id === va.id)!;
    expect(card.kpis).toMatchObject({ tasksDone: 2, onTimeRate: 0.5, estimateRatio: 1.5, hoursLogged: 3 });
    await expectCopyMatches();
  });

  it('written twice change nothing', async () => {
    await saveVa({ name: 'Sanne', identities: [{ platform: 'clickup', memberId: 'm1', name: 'Sanne de Vries' }] }, d);
    await commit([task(1), task(2)]);
    const before = { tasks: await d.tasks.toArray(), ratings: await d.ratings.toArray() };
    await commit([task(1), task(2)]);
    expect({ tasks: await d.tasks.toArray(), ratings: await d.ratings.toArray() }).toEqual(before);
  });

  it('never overwrite what the owner typed, and follow the board where the owner typed nothing', async () => {
    await saveVa({ name: 'Sanne', identities: [{ platform: 'clickup', memberId: 'm1', name: 'Sanne de Vries' }] }, d);
    await commit([task(1)]);
    const { boardFields: _, ...input } = { ...(await d.tasks.get('clickup:86c1'))!, boardFields: null };
    const { updatedAt, sync, ...taskInput } = input;
    await saveTaskRating(taskInput, { estimateMinutes: 45, quality: 5 }, d);
    await commit([task(1, { estimateMinutes: 120, trackedMinutes: 100, dueAt: '2026-11-11T17:00:00.000Z' })]);
    const rating = (await d.ratings.get('clickup:86c1'))!;
    expect(rating).toMatchObject({ estimateMinutes: 45, quality: 5, actualMinutes: 100, dueAt: '2026-11-11T17:00:00.000Z' });
    expect(rating.boardFields).not.toContain('estimateMinutes');
    expect((await d.tasks.get('clickup:86c1'))!.sync).toEqual({ board: '901', stamp: '2026-11-20T10:00:00.000Z' }); // the panel's save kept it
  });

  it('that leave the board: a record only the sync made goes, one the owner touched stays', async () => {
    await saveVa({ name: 'Sanne', identities: [{ platform: 'clickup', memberId: 'm1', name: 'Sanne de Vries' }] }, d);
    await commit([task(1), task(2), task(3, { assignees: [] })]);
    const { updatedAt, sync, ...two } = (await d.tasks.get('clickup:86c2'))!;
    await saveTaskRating(two, { quality: 4 }, d);
    await commitSyncedPage('clickup', '901', page([], { runStartedAt: '2026-11-21T10:00:00.000Z', removeUnseen: true }), cursor(2), d);
    expect((await d.ratings.toArray()).map((r) => r.id)).toEqual(['clickup:86c2']);
    expect((await d.tasks.toArray()).map((t) => [t.key, t.sync])).toEqual([['clickup:86c2', null]]);
    await expectCopyMatches();
  });

  it('of an assignee the owner links to a VA afterwards count from then on', async () => {
    const va = await saveVa({ name: 'Joris' }, d);
    await commit([task(1, { assignees: [{ id: 'm7', name: 'Joris' }] })]);
    expect(await d.ratings.count()).toBe(0);
    await linkAssignee(va.id, { platform: 'clickup', memberId: 'm7', name: 'Joris' }, d);
    expect(await d.ratings.get('clickup:86c1')).toMatchObject({ vaId: va.id, doneAt: '2026-11-10T15:00:00.000Z' });
    await expectCopyMatches();
  });

  it('take a done time the board reports apart, and keep an exact one over a stand-in', async () => {
    await commit([task(1, { doneAt: '2026-11-12T09:00:00.000Z', doneAtApprox: true })]);
    await commit([], { doneTimes: [{ taskId: '86c1', doneAt: '2026-11-10T15:00:00.000Z' }] });
    await commit([task(1, { doneAt: '2026-11-12T09:00:00.000Z', doneAtApprox: true, title: 'Renamed' })]);
    expect(await d.tasks.get('clickup:86c1')).toMatchObject({ title: 'Renamed', doneAt: '2026-11-10T15:00:00.000Z' });
  });

  it('and the board\'s cursor are stored in one transaction: a page that fails leaves neither', async () => {
    await saveVa({ name: 'Sanne', identities: [{ platform: 'clickup', memberId: 'm1', name: 'Sanne de Vries' }] }, d);
    await commit([task(1)], {}, cursor(1));
    expect(await readSyncCursor('clickup', '901', d)).toEqual(cursor(1));
    const before = { tasks: await d.tasks.toArray(), ratings: await d.ratings.toArray(), days: await d.doneDays.toArray() };
    // A task the model refuses: the cursor of that page must not move past it.
    await expect(commit([task(2), task(3, { url: 'ftp://app.clickup.com/t/86c3' })], {}, cursor(2))).rejects.toThrow(/Task: url/);
    // A cursor that cannot be stored: the page's (valid) tasks must not land without it.
    await expect(commit([task(4)], {}, { ...cursor(2), run: { ...cursor(2).run!, pages: -1 } })).rejects.toThrow(/cursor/i);
    expect({ tasks: await d.tasks.toArray(), ratings: await d.ratings.toArray(), days: await d.doneDays.toArray() }).toEqual(before);
    expect(await readSyncCursor('clickup', '901', d)).toEqual(cursor(1));
    expect(await readSyncCursor('clickup', '902', d)).toBeNull();
  });
});
