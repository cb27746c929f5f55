import { beforeEach, describe, expect, it } from 'vitest';
import { ScorecardDb } from '@/lib/db';
import { saveTaskRating, saveVa } from '@/lib/db/writes';
import { loadSummary, withComparison } from '@/lib/db/summary';
import { resolvePeriod } from '@/lib/kpi/periods';

let d: ScorecardDb;
beforeEach(() => { d = new ScorecardDb(`test-${crypto.randomUUID()}`); });

const now = new Date('2026-11-20T12:00:00Z');
async function rate(id: string, vaId: string, doneAt: string, estimate: number, actual: number, dueAt: string | null = null) {
  await saveTaskRating({
    key: `trello:${id}`, platform: 'trello', taskId: id, title: `Task ${id}`, url: `https://trello.com/c/${id}`,
    board: null, assignees: [], dueAt, doneAt, nativeEstimateMinutes: null, nativeTrackedMinutes: null,
  }, { vaId, estimateMinutes: estimate, actualMinutes: actual, quality: 4 }, d);
}

describe('popup summary', () => {
  it('compares this month with last month per VA and lists the overruns with their task links', async () => {
    const va = await saveVa({ name: 'Sanne', hourlyRate: 30 }, d);
    await saveVa({ name: 'Idle VA' }, d);
    await rate('oct1', va.id, '2026-10-10T10:00:00.000Z', 60, 60, '2026-10-09');   // late
    await rate('nov1', va.id, '2026-11-03T10:00:00.000Z', 60, 150, '2026-11-05');  // overrun 2.5×, on time
    await rate('nov2', va.id, '2026-11-04T10:00:00.000Z', 60, 30, '2026-11-04');   // on time
    await rate('dec1', va.id, '2026-12-02T10:00:00.000Z', 60, 30);                  // next month: not counted

    const first = await loadSummary({ kind: 'thisMonth' }, d, now);
    expect(first.cards[1]!.delta).toBeNull(); // shown before the previous month is read
    const summary = await withComparison(first, d);
    const [idle, sanne] = summary.cards; // VAs in name order
    expect(sanne!.va.name).toBe('Sanne');
    expect(sanne!.kpis).toMatchObject({ tasksDone: 2, onTimeRate: 1, hoursFreed: 3, cost: 90, overruns: 1 });
    expect(sanne!.previous).toMatchObject({ tasksDone: 1, onTimeRate: 0 });
    expect(sanne!.delta).toMatchObject({ tasksDone: 1, onTimeRate: 1 });
    expect(sanne!.overruns).toEqual([{ key: 'trello:nov1', title: 'Task nov1', url: 'https://trello.com/c/nov1', ratio: 2.5 }]);
    expect(idle!.kpis.tasksDone).toBe(0);
    expect(idle!.kpis.onTimeRate).toBeNull();
  });

  it('reads the overrun tasks of the first cards first and the rest with the comparison', async () => {
    const anna = await saveVa({ name: 'Anna' }, d);
    const bram = await saveVa({ name: 'Bram' }, d);
    await rate('a1', anna.id, '2026-11-03T10:00:00.000Z', 30, 90);
    await rate('b1', bram.id, '2026-11-04T10:00:00.000Z', 30, 120);
    const first = await loadSummary({ kind: 'thisMonth' }, d, now, 1);
    expect(first.cards.map((c) => [c.va.name, c.overrunCount, c.overruns?.map((o) => o.title) ?? null]))
      .toEqual([['Anna', 1, ['Task a1']], ['Bram', 1, null]]);
    const full = await withComparison(first, d);
    expect(full.cards.map((c) => c.overruns)).toEqual([
      [{ key: 'trello:a1', title: 'Task a1', url: 'https://trello.com/c/a1', ratio: 3 }],
      [{ key: 'trello:b1', title: 'Task b1', url: 'https://trello.com/c/b1', ratio: 4 }],
    ]);
  });

  it('resolves the period choices to local calendar ranges', () => {
    const tz = 'Europe/Amsterdam';
    expect(resolvePeriod({ kind: 'lastMonth' }, now, tz)).toEqual({
      start: new Date('2026-09-30T22:00:00.000Z'), end: new Date('2026-10-31T23:00:00.000Z'),
    });
    expect(resolvePeriod({ kind: 'custom', from: '2026-11-01', to: '2026-11-07' }, now, tz)).toEqual({
      start: new Date('2026-10-31T23:00:00.000Z'), end: new Date('2026-11-07T23:00:00.000Z'),
    });
  });
});
