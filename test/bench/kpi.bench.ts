// `npm run bench`: KPIs for 100,000 ratings over 20 VAs (budget ≤ 50 ms, pure function in Node).
// Figures are reported, never asserted. The first entry is the budgeted one: every rating is done
// inside the period, so each one is scored (the worst case for one call).
import { bench, describe } from 'vitest';
import { computeKpisByVa, customRange, reviewAgenda, scorecards, thisMonth } from '@/lib/kpi';
import type { Rating, Target, Va } from '@/lib/model';

const ZONE = 'Europe/Amsterdam';
const COUNT = 100_000;
const CATEGORIES = ['email', 'social', 'admin', 'creative', 'other'];
const at = '2026-10-01T08:00:00.000Z';

const vas: Va[] = Array.from({ length: 20 }, (_, i) => ({
  id: `va-${i}`, name: `VA ${i}`, hourlyRate: i % 4 ? 20 + i : null, currency: 'EUR', identities: [], archived: false, createdAt: at, updatedAt: at,
}));

/** `count` ratings done between `from` and `from + spanMs`, answers as patchy as real ones. */
function makeRatings(count: number, from: number, spanMs: number): Rating[] {
  return Array.from({ length: count }, (_, i): Rating => {
    const done = from + ((i * 7919) % spanMs);
    const estimate = i % 13 === 0 ? null : 15 + (i % 8) * 15;
    const dueDay = new Date(done + ((i % 5) - 2) * 86_400_000).toISOString();
    return {
      id: `trello:c${i}`, platform: 'trello', taskId: `c${i}`, vaId: vas[i % 20]!.id, category: CATEGORIES[i % 5]!,
      estimateMinutes: estimate, actualMinutes: i % 17 === 0 ? null : 10 + ((i * 31) % 170),
      quality: i % 6 === 0 ? null : 1 + (i % 5), errorFree: i % 9 === 0 ? null : i % 7 !== 0,
      followedBriefing: i % 10 === 0 ? null : i % 8 !== 0, remindersNeeded: i % 4 === 0 ? null : i % 3,
      delaysFlagged: i % 3 === 0 ? null : i % 2 === 0, proactive: i % 5 === 0 ? null : i % 11 === 0,
      note: '', counters: i % 5 === 0 ? { messagesHandled: 40, answeredIn24h: 35 } : {},
      // Half the due dates are whole local days, half are instants, as the platforms send them.
      dueAt: i % 6 === 0 ? null : i % 2 ? dueDay.slice(0, 10) : dueDay,
      doneAt: i % 50 === 0 ? null : new Date(done).toISOString(),
      createdAt: at, updatedAt: at,
    };
  });
}

const november = customRange('2026-11-01', '2026-11-30', ZONE);
const inNovember = makeRatings(COUNT, november.start.getTime(), november.end.getTime() - november.start.getTime());
const twoYearsSpan = 730 * 86_400_000;
const twoYears = makeRatings(COUNT, Date.parse('2024-12-01T00:00:00Z'), twoYearsSpan);
const options = { tolerance: 0.2, ownerHourlyValue: 60, timeZone: ZONE, vas };
const targets: Target[] = [
  { id: 't1', kpi: 'onTimeRate', scope: { kind: 'global' }, op: '>=', value: 0.9, updatedAt: at },
  { id: 't2', kpi: 'qualityAvg', scope: { kind: 'category', category: 'email' }, op: '>=', value: 4, updatedAt: at },
  { id: 't3', kpi: 'estimateRatio', scope: { kind: 'va', vaId: 'va-3' }, op: '<=', value: 1.2, updatedAt: at },
];

describe('KPI engine, 100,000 ratings, 20 VAs', () => {
  bench('computeKpisByVa: all 100,000 done in the period (budget ≤ 50 ms)', () => {
    computeKpisByVa(inNovember, november, options);
  }, { time: 3000, warmupIterations: 10 }); // enough samples for a steady median

  bench('scorecards: this month and last month from two years of ratings, with targets', () => {
    scorecards(twoYears, thisMonth(new Date('2026-11-15T12:00:00Z'), ZONE), { vas, targets, timeZone: ZONE });
  });

  bench('reviewAgenda: one VA with 5,000 tasks in the period', () => {
    reviewAgenda(inNovember.filter((r) => r.vaId === 'va-3'), november, { timeZone: ZONE });
  });
});
