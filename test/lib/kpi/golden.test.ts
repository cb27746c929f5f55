// Golden month: the KPIs of November 2026 for the three VAs in november.ts, worked out by hand.
// Settings: tolerance 20 % (within = actual ≤ 1.2 × estimate), the owner's own hour is worth €60.
// "Done in November" = done from 1 Nov 00:00 to 30 Nov 24:00 Amsterdam time.
import { describe, expect, it } from 'vitest';
import { computeKpis, computeKpisByVa, kpiDelta, previousPeriod, thisMonth, type Kpis } from '@/lib/kpi';
import { KPI_NAMES } from '@/lib/model';
import { AMS, ratings, vas } from './november';

const november = thisMonth(new Date('2026-11-15T12:00:00Z'), AMS);
const options = { tolerance: 0.2, ownerHourlyValue: 60, timeZone: AMS };
const byVa = computeKpisByVa(ratings, november, { ...options, vas });
const of = (vaId: string | null) => byVa.get(vaId)!;

/** Counts and nulls exactly, everything else to 10 decimals. */
function expectKpis(actual: Kpis, expected: Kpis) {
  expect(Object.keys(actual).sort()).toEqual([...KPI_NAMES].sort());
  for (const name of KPI_NAMES) {
    const e = expected[name];
    if (e === null || ['tasksDone', 'overruns', 'proactiveCount'].includes(name)) expect(actual[name], name).toBe(e);
    else expect(actual[name], name).toBeCloseTo(e, 10);
  }
}

describe('golden month, November 2026', () => {
  it('Sanne: email and admin', () => {
    // Done in November: A1–A15 (A16 is open, A17 was done 31 Oct 23:30, A15 on 30 Nov 23:30) → 15.
    // On time, of the 13 with a due date (A5, A11 have none): late are A2 (due 4th, done 5th),
    //   A10 (due 19th, done 20th), A13 (due 25th, done 26th); A12 was due 17:00 and done 16:30,
    //   A15 was due the 30th and done that day at 23:30 → 10 / 13.
    // Error-free: answered by 14 (not A11), A6 false → 13 / 14.
    // Briefing: answered by 13 (not A11, A15), A5 false → 12 / 13.
    // Quality: 14 rated, 5+4+4+5+4+3+4+4+5+4+4+4+5+4 = 59 → 59 / 14.
    // Estimate and actual both > 0: A1–A9, A12–A14 (A10 no estimate, A11 estimate 0, A15 no actual).
    //   Σ estimate 60+60+30+30+45+60+120+60+90+30+30+60 = 675; Σ actual 60+90+30+20+50+130+120+75+80+30+35+60 = 780
    //   → estimate ratio 780 / 675.
    //   Per task, sorted: 0.667 0.889 1 1 1 1 | 1 1.111 1.167 1.25 1.5 2.167 → median (1 + 1) / 2 = 1.
    //   Over 1.2 × estimate: A2 (90 > 72), A6 (130 > 72), A8 (75 > 72); A13 35 ≤ 36 is within → 9 / 12.
    //   Overruns (≥ 2×): A6 → 1.
    // Hours: Σ actual of all done tasks with one: 780 + A10 45 + A11 30 = 855 min = 14.25 h.
    // Proactive: answered by 14, yes for A4, A9, A14 → 3.
    // Reminders: answered by 13 (not A10, A11): 1 (A3) + 2 (A6) = 3 → 3 / 13; none needed: 11 / 13.
    // Delays flagged, of late or over-tolerance tasks with an answer: A2 yes, A6 no, A10 yes, A13 no
    //   (A8 ran over but was not answered) → 2 / 4.
    // Impact: 14.25 h × €30 = €427.50; × €60 = €855.
    expectKpis(of('va-sanne'), {
      tasksDone: 15, onTimeRate: 10 / 13, errorFreeRate: 13 / 14, briefingRate: 12 / 13, qualityAvg: 59 / 14,
      estimateRatio: 780 / 675, medianTaskRatio: 1, withinEstimateRate: 0.75, overruns: 1, hoursLogged: 14.25,
      proactiveCount: 3, remindersPerTask: 3 / 13, noReminderRate: 11 / 13, delaysFlaggedRate: 0.5,
      hoursFreed: 14.25, cost: 427.5, valueFreed: 855,
    });
  });

  it('Joost: social and creative', () => {
    // Done in November: B1–B14 (B15 open, B16 done 1 Dec 00:30) → 14.
    // On time, of 13 with a due date (not B6): late B3 (due 5th, done 6th), B9 (due 20th, done 23rd);
    //   B7 was done a day early → 11 / 13.
    // Error-free: 14 answered, B5 and B9 false → 12 / 14. Briefing: B3 and B9 false → 12 / 14.
    // Quality: 4+4+3+4+3+4+5+5+2+4+4+4+4+5 = 55 → 55 / 14.
    // All 14 have both times. Σ estimate 60+60+60+30+45+60+120+90+60+60+30+30+60+30 = 795;
    //   Σ actual 60+45+120+30+60+60+180+60+150+60+30+40+45+30 = 970 → 970 / 795.
    //   Sorted ratios: 0.667 0.75 0.75 1 1 1 1 | 1 1 1.333 1.333 1.5 2 2.5 → median 1.
    //   Over 1.2×: B3 (2), B5 (60 > 54), B7 (1.5), B9 (2.5), B12 (40 > 36) → within 9 / 14.
    //   Overruns: B3 (exactly 2×, counts) and B9 → 2.
    // Hours 970 min = 970 / 60 h. Proactive: B4, B7, B8, B10 → 4.
    // Reminders: 1 + 1 + 3 + 1 = 6 over 14 → 6 / 14; none needed 10 / 14.
    // Delays flagged: B3 yes, B5 yes, B7 yes, B9 no (B12 unanswered) → 3 / 4.
    // Impact: 970 / 60 h × €25 = €404.17; × €60 = €970.
    expectKpis(of('va-joost'), {
      tasksDone: 14, onTimeRate: 11 / 13, errorFreeRate: 12 / 14, briefingRate: 12 / 14, qualityAvg: 55 / 14,
      estimateRatio: 970 / 795, medianTaskRatio: 1, withinEstimateRate: 9 / 14, overruns: 2, hoursLogged: 970 / 60,
      proactiveCount: 4, remindersPerTask: 6 / 14, noReminderRate: 10 / 14, delaysFlaggedRate: 0.75,
      hoursFreed: 970 / 60, cost: (970 / 60) * 25, valueFreed: 970,
    });
  });

  it('Zoë: many questions left open, no hourly rate', () => {
    // Done in November: C1–C12 → 12.
    // On time, of 11 with a due date (not C2): late C1 (due 2nd, done 3rd), C5 (due 24th, done 25th);
    //   C8 done 22:00 on its due day and C10 an hour before its 12:00 deadline are on time → 9 / 11.
    // Error-free: 11 answered (not C2), C8 false → 10 / 11. Briefing: 10 answered (not C1, C2), all yes → 1.
    // Quality: 11 rated, 3+4+4+3+4+5+2+4+4+5+4 = 42 → 42 / 11.
    // Both times: all but C9 → 11 tasks. Σ estimate 30+60+45+45+60+20+30+40+30+15+60 = 435;
    //   Σ actual 45+50+60+45+90+25+30+100+24+15+80 = 564 → 564 / 435.
    //   Sorted ratios: 0.8 0.833 1 1 1 [1.25] 1.333 1.333 1.5 1.5 2.5 → median 1.25 (C6, 25 / 20).
    //   Over 1.2×: C1, C3, C5, C6 (25 > 24), C8, C12 → within 5 / 11. Overruns: C8 (2.5) → 1.
    // Hours 564 min = 9.4 h. Proactive: answered by 10, yes for C7, C11 → 2.
    // Reminders: answered by 10: 1 (C5) + 2 (C8) = 3 → 0.3; none needed 8 / 10.
    // Delays flagged: C5 yes, C8 no, C12 yes (C1, C3, C6 unanswered) → 2 / 3.
    // Impact: no hourly rate → cost has no data; value 9.4 × €60 = €564.
    expectKpis(of('va-zoe'), {
      tasksDone: 12, onTimeRate: 9 / 11, errorFreeRate: 10 / 11, briefingRate: 1, qualityAvg: 42 / 11,
      estimateRatio: 564 / 435, medianTaskRatio: 1.25, withinEstimateRate: 5 / 11, overruns: 1, hoursLogged: 9.4,
      proactiveCount: 2, remindersPerTask: 0.3, noReminderRate: 0.8, delaysFlaggedRate: 2 / 3,
      hoursFreed: 9.4, cost: null, valueFreed: 564,
    });
  });

  it('one VA computed alone equals its entry in the all-VA pass', () => {
    const sanne = computeKpis(ratings.filter((r) => r.vaId === 'va-sanne'), november, { ...options, hourlyRate: 30 });
    expect(sanne).toEqual(of('va-sanne'));
  });

  it('ratings without a VA are kept apart, not added to anyone', () => {
    expect([...byVa.keys()]).toEqual(['va-sanne', 'va-joost', 'va-zoe', null]);
    expect(of(null).tasksDone).toBe(1);
    expect(of(null).cost).toBeNull(); // nobody's rate applies
  });

  it('against October: the change per KPI, null where October has no data', () => {
    // October holds only A17 for Sanne: done 31 Oct 23:30, due that day → on time; quality 3;
    // 60 of 60 min, error-free, briefing followed, no reminders, not proactive, no delay question.
    const october = computeKpisByVa(ratings, previousPeriod(november, AMS), { ...options, vas }).get('va-sanne')!;
    expect(october.tasksDone).toBe(1);
    const delta = kpiDelta(of('va-sanne'), october);
    expect(delta.tasksDone).toBe(14); // 15 − 1
    expect(delta.onTimeRate).toBeCloseTo(10 / 13 - 1, 10);
    expect(delta.qualityAvg).toBeCloseTo(59 / 14 - 3, 10);
    expect(delta.overruns).toBe(1); // 1 − 0: October had a task with both times, none overran
    expect(delta.hoursFreed).toBeCloseTo(13.25, 10); // 14.25 − 1
    expect(delta.delaysFlaggedRate).toBeNull(); // nothing in October was late or over
  });
});
