// The review page reads the same month as the popup and must show the same KPIs and targets; its
// agenda names the tasks with their titles and links, and lists the VA's tasks still open.
import { beforeEach, describe, expect, it } from 'vitest';
import { ScorecardDb } from '@/lib/db';
import { loadOpenTasks, loadReviewData } from '@/lib/db/review-page';
import { loadSummary } from '@/lib/db/summary';
import { monthKey } from '@/lib/kpi/periods';
import { saveTarget, saveTaskRating, saveVa } from '@/lib/db/writes';
import { ratings as november } from '../kpi/november';

let d: ScorecardDb;
beforeEach(() => { d = new ScorecardDb(`test-${crypto.randomUUID()}`); });

async function store(r: (typeof november)[number], vaId: string | null) {
  const { id, platform, taskId, createdAt: _c, updatedAt: _u, ...fields } = r;
  await saveTaskRating({
    key: id, platform, taskId, title: `Task ${taskId}`, url: `https://trello.com/c/${taskId}`, board: null, assignees: [],
    dueAt: null, doneAt: null, nativeEstimateMinutes: null, nativeTrackedMinutes: null,
  }, { ...fields, vaId }, d);
}

describe('review page data', () => {
  it('shows the popup\'s KPIs and target marks for the VA and month, the agenda with links, and the open tasks', async () => {
    const sanne = await saveVa({ name: 'Sanne', hourlyRate: 30 }, d);
    const joost = await saveVa({ name: 'Joost', hourlyRate: 25 }, d);
    const ids: Record<string, string> = { 'va-sanne': sanne.id, 'va-joost': joost.id };
    for (const r of november) if (r.vaId && ids[r.vaId]) await store(r, ids[r.vaId]!);
    await saveTarget({ kpi: 'onTimeRate', op: '>=', value: 0.9, scope: { kind: 'global' } }, 'Target', d);

    const now = new Date('2026-11-20T12:00:00Z');
    const summary = await loadSummary({ kind: 'thisMonth' }, d, now);
    const data = await loadOpenTasks(await loadReviewData(sanne, monthKey(now), d), d, now);
    const popupCard = summary.cards.find((c) => c.va.id === sanne.id)!;
    expect(data.card.kpis).toEqual(popupCard.kpis);
    expect(data.card.targets).toEqual(popupCard.targets);
    expect(data.card.targets.onTimeRate?.status).toBe('notMet');

    const overrun = data.agenda.couldBeBetter.find((i) => i.reasons.includes('overrun'))!;
    expect(data.tasks.get(overrun.rating.id)).toEqual({ title: `Task ${overrun.rating.taskId}`, url: `https://trello.com/c/${overrun.rating.taskId}` });
    // Sanne's one open task (A16); Joost's B15 is his, not hers.
    expect(data.open!.map((o) => o.rating.taskId)).toEqual(['A16']);
    expect(data.tasks.get('trello:A16')?.title).toBe('Task A16');
  });
});
