// The trends: a VA's last months, each month's KPIs from the one composition the popup uses, and
// a month without done tasks as a gap (null), never a zero.
import { describe, expect, it } from 'vitest';
import { lastMonths, monthPeriod, periodScorecards, trendSeries } from '@/lib/kpi';
import type { Target } from '@/lib/model';
import { AMS, ratings, vas } from './november';

const sanne = vas[0]!;
const onTime: Target = { id: 't', kpi: 'onTimeRate', scope: { kind: 'global' }, op: '>=', value: 0.9, updatedAt: '2026-11-01T00:00:00.000Z' };

describe('months', () => {
  it('the last n months end with the month of `now`, in the owner\'s zone', () => {
    // 1 December 00:30 in Amsterdam is still 30 November in UTC.
    expect(lastMonths(3, new Date('2026-11-30T23:30:00Z'), AMS)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(lastMonths(2, new Date('2026-01-10T12:00:00Z'), AMS)).toEqual(['2025-12', '2026-01']);
  });

  it('a month is its local first day to the next month\'s', () => {
    const p = monthPeriod('2026-11', AMS);
    expect([p.start.toISOString(), p.end.toISOString()]).toEqual(['2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z']);
    expect(() => monthPeriod('2026-13', AMS)).toThrow();
  });
});

describe('trend series', () => {
  const months = ['2026-09', '2026-10', '2026-11', '2026-12'];
  const trend = trendSeries(ratings, months, { vas: [sanne], targets: [onTime], timeZone: AMS });

  it('has a gap for a month without done tasks, not a zero', () => {
    // Sanne: nothing in September or December; A17 in October; 15 tasks in November.
    expect(trend.series.tasksDone).toEqual([null, 1, 15, null]);
    expect(trend.series.hoursLogged[0]).toBeNull();
    expect(trend.series.onTimeRate).toEqual([null, 1, trend.series.onTimeRate[2], null]);
  });

  it('each month is what the popup shows for that month', () => {
    const [card] = periodScorecards(ratings, monthPeriod('2026-11', AMS), { vas: [sanne], targets: [onTime], timeZone: AMS });
    for (const kpi of ['onTimeRate', 'qualityAvg', 'estimateRatio', 'hoursLogged', 'tasksDone'] as const) {
      expect(trend.series[kpi][2], kpi).toBe(card!.kpis[kpi]);
    }
  });

  it('carries the target that applies to the VA, and none where no target is set', () => {
    expect(trend.targets.onTimeRate).toEqual({ op: '>=', value: 0.9 });
    expect(trend.targets.qualityAvg).toBeNull();
  });
});
