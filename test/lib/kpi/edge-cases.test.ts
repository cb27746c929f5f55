// The cases where a KPI engine usually goes wrong, one test each.
import { describe, expect, it } from 'vitest';
import { computeKpis, computeKpisByVa, customRange, lastMonth, thisMonth } from '@/lib/kpi';
import { KPI_NAMES } from '@/lib/model';
import { AMS, local, rating, vas } from './november';

const november = thisMonth(new Date('2026-11-15T12:00:00Z'), AMS);
const opts = { tolerance: 0.2, ownerHourlyValue: 60, hourlyRate: 30, timeZone: AMS };
const done = '2026-11-10 10:00';

describe('edge cases', () => {
  it('a task without an estimate counts for hours and output, not for the estimate KPIs', () => {
    const k = computeKpis([rating('n1', 'va-sanne', 'email', { est: null, act: 90, q: 4, done })], november, opts);
    expect(k.tasksDone).toBe(1);
    expect(k.hoursLogged).toBe(1.5);
    expect(k.cost).toBe(45);
    expect(k.estimateRatio).toBeNull();
    expect(k.medianTaskRatio).toBeNull();
    expect(k.withinEstimateRate).toBeNull();
    expect(k.overruns).toBeNull(); // unknown, not "no overruns"
  });

  it('a zero estimate is no estimate: no infinite ratio, no overrun', () => {
    const tasks = [
      rating('z1', 'va-sanne', 'email', { est: 0, act: 30, done }),
      rating('z2', 'va-sanne', 'email', { est: 30, act: 30, done }),
    ];
    const k = computeKpis(tasks, november, opts);
    expect(k.estimateRatio).toBe(1); // 30 / 30 from z2 only
    expect(k.medianTaskRatio).toBe(1);
    expect(k.overruns).toBe(0);
    expect(k.hoursLogged).toBe(1); // both tasks' 30 minutes
  });

  it('open tasks are not scored at all', () => {
    const open = rating('o1', 'va-sanne', 'email', { est: 30, act: 120, q: 1, ef: false, rem: 4, due: '2026-11-02', done: null });
    const k = computeKpis([open], november, opts);
    expect(k.tasksDone).toBe(0);
    for (const name of KPI_NAMES.filter((n) => n !== 'tasksDone')) expect(k[name], name).toBeNull();
  });

  it('a task without a due date is done, but neither on time nor late', () => {
    const k = computeKpis([rating('d1', 'va-sanne', 'email', { q: 5, due: null, done })], november, opts);
    expect(k.tasksDone).toBe(1);
    expect(k.onTimeRate).toBeNull();
    expect(k.qualityAvg).toBe(5);
  });

  it('a task done at 23:30 on the last day of the month belongs to that month and is on time that day', () => {
    // 30 Nov 23:30 in Amsterdam is 22:30 UTC: still November there, but a UTC day boundary
    // or a naive month end (30 Nov 00:00) would get it wrong.
    const late = rating('m1', 'va-sanne', 'email', { due: '2026-11-30', done: '2026-11-30 23:30' });
    expect(late.doneAt).toBe('2026-11-30T22:30:00.000Z');
    expect(computeKpis([late], november, opts)).toMatchObject({ tasksDone: 1, onTimeRate: 1 });
    expect(computeKpis([late], lastMonth(new Date('2026-12-15T12:00:00Z'), AMS), opts).tasksDone).toBe(1);
    expect(computeKpis([late], thisMonth(new Date('2026-12-15T12:00:00Z'), AMS), opts).tasksDone).toBe(0);
    // In Tokyo the same instant is 1 December 07:30: next month, and a day late.
    const tokyo = { ...opts, timeZone: 'Asia/Tokyo' };
    expect(computeKpis([late], thisMonth(new Date('2026-11-15T12:00:00Z'), 'Asia/Tokyo'), tokyo).tasksDone).toBe(0);
    expect(computeKpis([late], thisMonth(new Date('2026-12-15T12:00:00Z'), 'Asia/Tokyo'), tokyo).onTimeRate).toBe(0);
  });

  it('on the daylight-saving change days a day-only due date ends at local midnight', () => {
    // 29 Mar 2026: clocks go forward at 02:00, so the day ends at 21:59:59.999 UTC (UTC+2).
    const spring = customRange('2026-03-29', '2026-03-30', AMS);
    const onTime = rating('s1', 'va-sanne', 'email', { due: '2026-03-29', done: '2026-03-29 23:30' });
    const justLate = rating('s2', 'va-sanne', 'email', { due: '2026-03-29', done: '2026-03-30 00:10' });
    expect(justLate.doneAt).toBe('2026-03-29T22:10:00.000Z'); // a UTC+1 reading would call this on time
    expect(computeKpis([onTime], spring, opts).onTimeRate).toBe(1);
    expect(computeKpis([justLate], spring, opts).onTimeRate).toBe(0);
    const atMidnight = rating('s5', 'va-sanne', 'email', { due: '2026-03-29', done: '2026-03-30 00:00' });
    expect(computeKpis([atMidnight], spring, opts).onTimeRate).toBe(0); // the next day has begun
    // 25 Oct 2026: clocks go back at 03:00, the day ends at 23:00 UTC (UTC+1), 25 hours long.
    const autumn = customRange('2026-10-25', '2026-10-25', AMS);
    const lateEvening = rating('s3', 'va-sanne', 'email', { due: '2026-10-25', done: '2026-10-25 23:30' });
    expect(lateEvening.doneAt).toBe('2026-10-25T22:30:00.000Z'); // a UTC+2 reading would call this late
    expect(computeKpis([lateEvening], autumn, opts)).toMatchObject({ tasksDone: 1, onTimeRate: 1 });
    // The hour that happens twice (02:00–03:00) is inside the day, both times.
    const twice = [local('2026-10-25 02:30'), '2026-10-25T01:30:00.000Z'].map((doneAt, i) => ({
      ...rating(`s4${i}`, 'va-sanne', 'email', { due: '2026-10-25' }), doneAt,
    }));
    expect(computeKpis(twice, autumn, opts)).toMatchObject({ tasksDone: 2, onTimeRate: 1 });
  });

  it('a VA with no tasks shows 0 tasks done and "no data" for everything else', () => {
    const others = [rating('v1', 'va-sanne', 'email', { est: 30, act: 30, q: 4, done })];
    const byVa = computeKpisByVa(others, november, { ...opts, vas });
    const joost = byVa.get('va-joost')!;
    expect(joost.tasksDone).toBe(0);
    for (const name of KPI_NAMES.filter((n) => n !== 'tasksDone')) expect(joost[name], name).toBeNull();
  });

  it('instants stored with an offset or without milliseconds are compared as the same moment', () => {
    const odd = { ...rating('i1', 'va-sanne', 'email', { q: 4 }), doneAt: '2026-11-01T00:30:00+01:00', dueAt: '2026-10-31T23:30:00Z' };
    // 00:30 Amsterdam on 1 Nov is 23:30 UTC on 31 Oct: in November, and exactly at the due instant.
    expect(computeKpis([odd], november, opts)).toMatchObject({ tasksDone: 1, onTimeRate: 1 });
  });

  it('exactly 20 % over the estimate is still within it; a hair more is not', () => {
    const k = computeKpis([
      rating('t1', 'va-sanne', 'email', { est: 60, act: 72, done }),
      rating('t2', 'va-sanne', 'email', { est: 60, act: 72.5, done }),
    ], november, opts);
    expect(k.withinEstimateRate).toBe(0.5);
  });
});

describe('median task ratio', () => {
  // 61 and 60 tasks with scattered ratios (ties included), in a scrambled order.
  const ratiosOf = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37) % 23) / 10 + 0.2);
  const tasks = (rs: number[]) => rs.map((r, i) => rating(`r${i}`, 'va-sanne', 'email', { est: 100, act: r * 100, done }));
  const sortedMiddle = (rs: number[]) => {
    const s = [...rs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };

  it('is the middle task for an odd count and the mean of the two middle ones for an even count', () => {
    for (const n of [61, 60, 2, 1]) {
      const rs = ratiosOf(n);
      expect(computeKpis(tasks(rs), november, opts).medianTaskRatio, `n=${n}`).toBeCloseTo(sortedMiddle(rs), 10);
    }
    // Two tasks at 1× and 3×: half way, though no task took 2×.
    expect(computeKpis(tasks([1, 3]), november, opts).medianTaskRatio).toBe(2);
  });
});
