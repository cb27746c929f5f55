// Targets on the golden November: the most specific one wins (VA, then category, then global),
// and a KPI without data is "no data", not "not met".
import { describe, expect, it } from 'vitest';
import { checkTargets, computeKpis, computeKpisByVa, resolveTarget, thisMonth } from '@/lib/kpi';
import type { Target } from '@/lib/model';
import { AMS, ratings, vas } from './november';

const november = thisMonth(new Date('2026-11-15T12:00:00Z'), AMS);
const opts = { tolerance: 0.2, ownerHourlyValue: 60, timeZone: AMS };
const byVa = computeKpisByVa(ratings, november, { ...opts, vas });
const at = '2026-11-01T00:00:00.000Z';
const target = (id: string, kpi: Target['kpi'], scope: Target['scope'], op: Target['op'], value: number, updatedAt = at): Target =>
  ({ id, kpi, scope, op, value, updatedAt });

const targets: Target[] = [
  target('g-ontime', 'onTimeRate', { kind: 'global' }, '>=', 0.9),
  target('g-quality', 'qualityAvg', { kind: 'global' }, '>=', 4),
  target('g-ratio', 'estimateRatio', { kind: 'global' }, '<=', 1.2),
  target('g-cost', 'cost', { kind: 'global' }, '<=', 500),
  target('s-ontime', 'onTimeRate', { kind: 'va', vaId: 'va-sanne' }, '>=', 0.75),
  target('c-quality', 'qualityAvg', { kind: 'category', category: 'email' }, '>=', 4.5),
];

describe('targets', () => {
  it("a VA's own target beats the global one", () => {
    // Sanne on time 10/13 = 0.769: meets her own 75 %, though not the global 90 %.
    // Joost on time 11/13 = 0.846: only the global 90 % applies → not met.
    expect(checkTargets(byVa.get('va-sanne')!, targets, { vaId: 'va-sanne' }).onTimeRate)
      .toMatchObject({ status: 'met', target: { id: 's-ontime' } });
    expect(checkTargets(byVa.get('va-joost')!, targets, { vaId: 'va-joost' }).onTimeRate)
      .toMatchObject({ status: 'notMet', target: { id: 'g-ontime' } });
  });

  it('≥ and ≤ read the way the owner typed them', () => {
    // Quality ≥ 4: Sanne 59/14 = 4.21 met, Joost 55/14 = 3.93 not. Estimate ratio ≤ 1.2:
    // Sanne 780/675 = 1.156 met, Joost 970/795 = 1.220 not, Zoë 564/435 = 1.297 not.
    const status = (vaId: string) => {
      const c = checkTargets(byVa.get(vaId)!, targets, { vaId });
      return [c.qualityAvg?.status, c.estimateRatio?.status];
    };
    expect(status('va-sanne')).toEqual(['met', 'met']);
    expect(status('va-joost')).toEqual(['notMet', 'notMet']);
    expect(status('va-zoe')).toEqual(['notMet', 'notMet']);
  });

  it('a target on a KPI without data says "no data"', () => {
    // Zoë has no hourly rate, so her cost is unknown: neither under nor over budget.
    expect(checkTargets(byVa.get('va-zoe')!, targets, { vaId: 'va-zoe' }).cost).toEqual({
      kpi: 'cost', target: targets[3], actual: null, status: 'noData',
    });
    // Sanne's cost 14.25 h × €30 = €427.50 is within €500.
    expect(checkTargets(byVa.get('va-sanne')!, targets, { vaId: 'va-sanne' }).cost?.status).toBe('met');
  });

  it('a category target applies to KPIs of that category, and a VA target still beats it', () => {
    // Sanne's email tasks: quality 5+4+4+5+4+3+4+4 = 33 / 8 = 4.125 → below the email target 4.5,
    // though the global 4 would be met.
    const sanneEmail = computeKpis(ratings.filter((r) => r.vaId === 'va-sanne' && r.category === 'email'), november, opts);
    expect(sanneEmail.qualityAvg).toBe(4.125);
    expect(checkTargets(sanneEmail, targets, { vaId: 'va-sanne', category: 'email' }).qualityAvg)
      .toMatchObject({ status: 'notMet', target: { id: 'c-quality' } });
    const withOwn = [...targets, target('s-quality', 'qualityAvg', { kind: 'va', vaId: 'va-sanne' }, '>=', 4.1)];
    expect(checkTargets(sanneEmail, withOwn, { vaId: 'va-sanne', category: 'email' }).qualityAvg)
      .toMatchObject({ status: 'met', target: { id: 's-quality' } });
    // Outside the email view the category target does not apply.
    expect(checkTargets(byVa.get('va-sanne')!, targets, { vaId: 'va-sanne' }).qualityAvg?.target.id).toBe('g-quality');
  });

  it('KPIs without any target are left out, and nothing applies to another VA', () => {
    const c = checkTargets(byVa.get('va-zoe')!, [target('j', 'tasksDone', { kind: 'va', vaId: 'va-joost' }, '>=', 10)], { vaId: 'va-zoe' });
    expect(c).toEqual({});
  });

  it('a rate exactly on the target meets it', () => {
    // 27 of 30 on time is exactly the 90 % asked for: on the line is met.
    expect(checkTargets({ ...byVa.get('va-zoe')!, onTimeRate: 27 / 30 }, targets, {}).onTimeRate?.status).toBe('met');
    expect(checkTargets({ ...byVa.get('va-zoe')!, onTimeRate: 0.8999 }, targets, {}).onTimeRate?.status).toBe('notMet');
  });

  it('of two targets with the same scope the last edited one counts, in any order', () => {
    const older = target('a', 'overruns', { kind: 'global' }, '<=', 0, '2026-10-01T00:00:00.000Z');
    const newer = target('b', 'overruns', { kind: 'global' }, '<=', 2, '2026-11-20T00:00:00.000Z');
    expect(resolveTarget([older, newer], 'overruns', {})?.id).toBe('b');
    expect(resolveTarget([newer, older], 'overruns', {})?.id).toBe('b');
  });
});
