// Impact: money from hours, and the owner's own monthly metrics against the month before
// ("Last month I sent 4 more quotes").
import { describe, expect, it } from 'vitest';
import { impactChanges, impactOf, previousMonth } from '@/lib/kpi';
import type { ImpactEntry } from '@/lib/model';

const entry = (id: string, metric: string, month: string, value: number, updatedAt = '2026-11-28T10:00:00.000Z'): ImpactEntry =>
  ({ id, metric, unit: '', month, value, updatedAt });

describe('hours freed, cost and value', () => {
  it('cost uses the VA rate and value the owner hour, each null when unknown', () => {
    // 855 min = 14.25 h; × €32.50 = €463.125; × €80 = €1,140.
    expect(impactOf(855, 32.5, 80)).toEqual({ hoursFreed: 14.25, cost: 463.125, valueFreed: 1140 });
    expect(impactOf(855, null, null)).toEqual({ hoursFreed: 14.25, cost: null, valueFreed: null });
    expect(impactOf(null, 32.5, 80)).toEqual({ hoursFreed: null, cost: null, valueFreed: null });
  });
});

describe("the owner's own metrics, month over month", () => {
  const entries: ImpactEntry[] = [
    entry('q10', 'Quotes sent', '2026-10', 8),
    entry('q11', 'Quotes sent', '2026-11', 12),
    entry('v11', 'Times visible on social media', '2026-11', 20),
    entry('o10', 'Hours on my new offer', '2026-10', 5),
    entry('q09', 'Quotes sent', '2026-09', 3),
    // Typed again later, with a trailing space and lower case: the newer figure counts.
    entry('v11b', 'times visible on social media ', '2026-11', 24, '2026-11-29T10:00:00.000Z'),
    entry('v10', 'Times visible on social media', '2026-10', 15),
  ];

  it('gives each metric its change against the previous month, by name', () => {
    expect(impactChanges(entries, '2026-11')).toEqual([
      // Logged last month but not yet this month: no change to report.
      { metric: 'Hours on my new offer', unit: '', month: '2026-11', value: null, previousValue: 5, change: null },
      { metric: 'Quotes sent', unit: '', month: '2026-11', value: 12, previousValue: 8, change: 4 },
      { metric: 'times visible on social media', unit: '', month: '2026-11', value: 24, previousValue: 15, change: 9 },
    ]);
  });

  it('a metric new this month has no change yet', () => {
    expect(impactChanges([entry('n', 'Webinars', '2026-11', 2)], '2026-11')).toEqual([
      { metric: 'Webinars', unit: '', month: '2026-11', value: 2, previousValue: null, change: null },
    ]);
  });

  it('January compares with December of the year before', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(impactChanges([entry('d', 'Quotes sent', '2026-12', 10), entry('j', 'Quotes sent', '2027-01', 7)], '2027-01')[0]?.change).toBe(-3);
  });
});
