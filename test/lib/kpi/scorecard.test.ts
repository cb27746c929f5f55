// The popup's one call: per VA this month, last month, the change and the targets.
import { describe, expect, it } from 'vitest';
import { scorecards, thisMonth } from '@/lib/kpi';
import type { Target } from '@/lib/model';
import { AMS, ratings, vas } from './november';

const november = thisMonth(new Date('2026-11-15T12:00:00Z'), AMS);
const goal: Target = { id: 't', kpi: 'tasksDone', scope: { kind: 'global' }, op: '>=', value: 13, updatedAt: '2026-11-01T00:00:00.000Z' };

describe('scorecards', () => {
  const cards = scorecards(ratings, november, {
    vas, targets: [goal], timeZone: AMS, settings: { tolerance: 0.2, ownerHourlyValue: 60 },
  });

  it('has one card per VA asked for, in that order, with the month before to compare', () => {
    expect(cards.map((c) => c.va.id)).toEqual(['va-sanne', 'va-joost', 'va-zoe']);
    expect(cards[0]!.previousPeriod.start.toISOString()).toBe('2026-09-30T22:00:00.000Z'); // 1 Oct, summer time
    // Sanne: 15 done in November, 1 in October (A17) → +14; Joost and Zoë had nothing in October.
    expect(cards.map((c) => [c.kpis.tasksDone, c.previous.tasksDone, c.delta.tasksDone])).toEqual([[15, 1, 14], [14, 0, 14], [12, 0, 12]]);
    expect(cards[1]!.delta.qualityAvg).toBeNull(); // no October quality to compare with
  });

  it('marks each VA against the targets', () => {
    expect(cards.map((c) => c.targets.tasksDone?.status)).toEqual(['met', 'met', 'notMet']);
  });

  it('uses the default tolerance when no settings are given', () => {
    // Sanne within 20 %: 9 of 12 (golden test). With 10 %, A5 (50 of 45 min, +11.1 %) and A13
    // (35 of 30, +16.7 %) drop out as well → 7 of 12.
    const [sanne] = scorecards(ratings, november, { vas: vas.slice(0, 1), timeZone: AMS });
    const [strict] = scorecards(ratings, november, { vas: vas.slice(0, 1), timeZone: AMS, settings: { tolerance: 0.1, ownerHourlyValue: null } });
    expect(sanne!.kpis.withinEstimateRate).toBe(0.75);
    expect(strict!.kpis.withinEstimateRate).toBeCloseTo(7 / 12, 10);
    expect(sanne!.kpis.valueFreed).toBeNull(); // the owner set no hourly value
  });
});
