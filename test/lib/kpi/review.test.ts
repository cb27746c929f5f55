// The review meeting's automatic agenda on the golden November.
import { describe, expect, it } from 'vitest';
import { categoriesGoingWell, openTasks, overruns, reviewAgenda, thisMonth } from '@/lib/kpi';
import { AMS, ratings } from './november';

const november = thisMonth(new Date('2026-11-15T12:00:00Z'), AMS);
const opts = { tolerance: 0.2, timeZone: AMS };
const ofVa = (vaId: string) => ratings.filter((r) => r.vaId === vaId);
const ids = (items: { rating: { taskId: string } }[]) => items.map((i) => i.rating.taskId);

describe('review agenda', () => {
  it('"could be better" lists overruns first, then late tasks (latest first), then errors', () => {
    // Sanne: A6 ran 130 of 60 min (2.17×) and had errors → one item, both reasons.
    // Late: A2 and A10 each 9 h after their due day ended (09:00 next day) → by done date;
    // A13 8 h late. No other errors. A16 (open, errors) is not on the agenda.
    const { couldBeBetter } = reviewAgenda(ofVa('va-sanne'), november, opts);
    expect(ids(couldBeBetter)).toEqual(['A6', 'A2', 'A10', 'A13']);
    expect(couldBeBetter[0]).toMatchObject({ reasons: ['overrun', 'error'], hoursLate: null });
    expect(couldBeBetter[0]!.ratio).toBeCloseTo(130 / 60, 10);
    expect(couldBeBetter.slice(1).map((i) => [i.reasons, i.hoursLate])).toEqual([[['late'], 9], [['late'], 9], [['late'], 8]]);
  });

  it('the worst overrun comes first, and a task shows up once with all its reasons', () => {
    // Joost: B9 2.5× (late, errors), B3 exactly 2× (late), then B5 with errors.
    // B16 (1 Dec, 10×) belongs to December.
    const { couldBeBetter } = reviewAgenda(ofVa('va-joost'), november, opts);
    expect(couldBeBetter.map((i) => [i.rating.taskId, i.reasons])).toEqual([
      ['B9', ['overrun', 'late', 'error']], ['B3', ['overrun', 'late']], ['B5', ['error']],
    ]);
  });

  it('"went well" lists the best-rated tasks without problems, highest quality first, then by date', () => {
    // Sanne, quality 5: A1 (3rd), A4 (9th), A9 (18th), A14 (27th); then 4: A3 (6th) is the earliest.
    expect(ids(reviewAgenda(ofVa('va-sanne'), november, opts).wentWell)).toEqual(['A1', 'A4', 'A9', 'A14', 'A3']);
    // Joost's B7 (5) ran 1.5× but not 2×, so it went well; B3 and B9 are on the other list.
    expect(ids(reviewAgenda(ofVa('va-joost'), november, { ...opts, wentWellLimit: 3 }).wentWell)).toEqual(['B7', 'B8', 'B14']);
  });

  it('the order does not depend on the order the tasks were read in', () => {
    const zoe = ofVa('va-zoe');
    const expected = reviewAgenda(zoe, november, opts);
    expect(ids(expected.couldBeBetter)).toEqual(['C8', 'C1', 'C5']);
    const shuffled = [...zoe].sort((a, b) => (a.taskId.length * 7 + a.taskId.charCodeAt(1)) % 5 - (b.taskId.length * 7 + b.taskId.charCodeAt(1)) % 5);
    for (const order of [[...zoe].reverse(), shuffled]) {
      const again = reviewAgenda(order, november, opts);
      expect(ids(again.couldBeBetter)).toEqual(ids(expected.couldBeBetter));
      expect(ids(again.wentWell)).toEqual(ids(expected.wentWell));
    }
  });

  it('a period without tasks has an empty agenda', () => {
    expect(reviewAgenda(ofVa('va-zoe'), thisMonth(new Date('2026-12-15T12:00:00Z'), AMS), opts))
      .toEqual({ couldBeBetter: [], wentWell: [] });
  });

  it('lists only the overruns, in the agenda\'s order, for the popup', () => {
    // Joost: B9 (2.5×) before B3 (exactly 2×); B16 (10×) was done in December.
    expect(overruns(ofVa('va-joost'), november).map((o) => [o.rating.taskId, o.ratio])).toEqual([['B9', 2.5], ['B3', 2]]);
    expect(ids(overruns(ofVa('va-sanne'), november))).toEqual(['A6']);
    // Over everyone, the agendas' overrun items merged worst first; C8 and B9 both ran 2.5×, and
    // the one done first comes first.
    const fromAgendas = ['va-sanne', 'va-joost', 'va-zoe']
      .flatMap((va) => reviewAgenda(ofVa(va), november, opts).couldBeBetter.filter((i) => i.reasons[0] === 'overrun'))
      .sort((a, b) => b.ratio! - a.ratio! || a.doneAt.localeCompare(b.doneAt));
    expect(ids(overruns([...ratings].reverse(), november))).toEqual(ids(fromAgendas));
  });
});

describe('the categories that go well (candidates to delegate more of)', () => {
  it('lists categories with two or more tasks, quality ≥ 4 on average and at most one in five to discuss, best first', () => {
    // Sanne: "other" A14 (5) and A15 (4), nothing to discuss → 4.5; admin A7–A10 average 4.25, A10 late
    // (1 of 5 tasks; A11 has no quality). Email has 3 of 8 to discuss (A2, A6, A13).
    expect(categoriesGoingWell(ofVa('va-sanne'), november, opts)).toEqual([
      { category: 'other', tasksDone: 2, qualityAvg: 4.5, toDiscuss: 0 },
      { category: 'admin', tasksDone: 5, qualityAvg: 4.25, toDiscuss: 1 },
    ]);
    // Joost: creative B7, B8, B9, B10, B13 → quality 20 / 5 = 4, B9 to discuss; social averages 35 / 9.
    expect(categoriesGoingWell(ofVa('va-joost'), november, opts).map((c) => c.category)).toEqual(['creative']);
  });

  it('a single good task is no pattern yet', () => {
    const [one] = ofVa('va-zoe').filter((r) => r.taskId === 'C7');
    expect(categoriesGoingWell([one!], november, opts)).toEqual([]);
  });
});

describe('the tasks still open', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('lists the VA\'s tasks not done yet, soonest due first, with how long they have been open', () => {
    const open = openTasks(ratings.filter((r) => r.vaId === 'va-sanne' || r.vaId === 'va-joost'), now, opts);
    // A16 due 20 Nov, B15 due 28 Nov; both rated on 1 October: 61 days open on 1 December.
    expect(open.map((o) => [o.rating.taskId, o.overdue, o.daysOpen])).toEqual([['A16', true, 61], ['B15', true, 61]]);
  });

  it('a task due later is not overdue, and one without a due date comes last', () => {
    const future = openTasks(ofVa('va-sanne'), new Date('2026-11-20T12:00:00Z'), opts);
    expect(future.map((o) => [o.rating.taskId, o.overdue])).toEqual([['A16', false]]);
    const noDue = { ...ofVa('va-sanne').find((r) => r.taskId === 'A16')!, id: 'trello:A99' as const, taskId: 'A99', dueAt: null };
    expect(openTasks([noDue, ...ofVa('va-sanne')], now, opts).map((o) => [o.rating.taskId, o.overdue])).toEqual([['A16', true], ['A99', null]]);
  });
});
