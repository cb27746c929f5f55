// Targets: for each KPI the most specific target that applies (a VA's own, else the category's,
// else the global one) decides met / not met; a KPI without data is "no data", never "not met".
import { KPI_NAMES, type KpiName } from '../model/constants';
import type { Target } from '../model';
import type { Kpis } from './kpis';

export type TargetStatus = 'met' | 'notMet' | 'noData';

export interface TargetCheck {
  kpi: KpiName;
  target: Target;
  actual: number | null;
  status: TargetStatus;
}

/** Whose KPIs are being judged: a VA, a category, or one VA's work in one category. */
export interface TargetContext {
  vaId?: string | null;
  category?: string | null;
}

function specificity(target: Target, context: TargetContext): number {
  const s = target.scope;
  if (s.kind === 'va') return context.vaId != null && s.vaId === context.vaId ? 2 : -1;
  if (s.kind === 'category') return context.category != null && s.category === context.category ? 1 : -1;
  return 0;
}

/** The target for `kpi` in `context`; among equals the last edited one, so the result is stable. */
export function resolveTarget(targets: readonly Target[], kpi: KpiName, context: TargetContext): Target | null {
  let best: Target | null = null;
  let bestRank = -1;
  for (const t of targets) {
    if (t.kpi !== kpi) continue;
    const rank = specificity(t, context);
    if (rank < 0) continue;
    const newer = best !== null && (t.updatedAt > best.updatedAt || (t.updatedAt === best.updatedAt && t.id > best.id));
    if (rank > bestRank || (rank === bestRank && newer)) { best = t; bestRank = rank; }
  }
  return best;
}

// On the line is met (27 of 30 on time meets "≥ 90 %"); the margin absorbs float noise such as
// 0.1 + 0.2 ≠ 0.3 in sums, so an exact hit never shows as missed.
const EPSILON = 1e-9;

export function targetStatus(target: Pick<Target, 'op' | 'value'>, actual: number | null): TargetStatus {
  if (actual === null) return 'noData';
  const met = target.op === '>=' ? actual >= target.value - EPSILON : actual <= target.value + EPSILON;
  return met ? 'met' : 'notMet';
}

/** Every KPI that has a target in `context`, with its status; KPIs without one are left out. */
export function checkTargets(kpis: Kpis, targets: readonly Target[], context: TargetContext = {}): Partial<Record<KpiName, TargetCheck>> {
  const out: Partial<Record<KpiName, TargetCheck>> = {};
  for (const kpi of KPI_NAMES) {
    const target = resolveTarget(targets, kpi, context);
    if (target) out[kpi] = { kpi, target, actual: kpis[kpi], status: targetStatus(target, kpis[kpi]) };
  }
  return out;
}
