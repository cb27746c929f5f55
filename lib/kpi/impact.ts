// Impact on the owner's business: the hours the VA took off the owner's plate, what they cost
// and what they were worth, and the owner's own monthly metrics against the month before.
import { tz } from '@date-fns/tz';
import { format, parseISO, subMonths } from 'date-fns';
import type { ImpactEntry } from '../model';

export interface Impact {
  hoursFreed: number | null;
  /** hoursFreed × the VA's hourly rate; null without hours or without a rate. */
  cost: number | null;
  /** hoursFreed × the owner's own hourly value; null without hours or without that setting. */
  valueFreed: number | null;
}

/**
 * From minutes, so money is multiplied before dividing by 60: 970 min × €60 is €970 exactly,
 * not the €970.0000000000001 that 16.1666… h × €60 gives.
 */
export function impactOf(minutesFreed: number | null, hourlyRate: number | null, ownerHourlyValue: number | null): Impact {
  return {
    hoursFreed: minutesFreed === null ? null : minutesFreed / 60,
    cost: minutesFreed === null || hourlyRate === null ? null : (minutesFreed * hourlyRate) / 60,
    valueFreed: minutesFreed === null || ownerHourlyValue === null ? null : (minutesFreed * ownerHourlyValue) / 60,
  };
}

/** `YYYY-MM` → the month before, `YYYY-MM`. */
export function previousMonth(month: string): string {
  const utc = { in: tz('UTC') }; // a month label has no zone; UTC keeps the arithmetic zone-free
  return format(subMonths(parseISO(`${month}-01`, utc), 1, utc), 'yyyy-MM', utc);
}

export interface MetricChange {
  /** The metric as the owner last wrote it. */
  metric: string;
  /** What it counts, as last written; '' when the name says it. */
  unit: string;
  month: string;
  value: number | null;
  previousValue: number | null;
  /** value − previousValue ("4 more quotes than last month"); null when either month is missing. */
  change: number | null;
}

// "Quotes sent" and "quotes sent " are one metric to the owner.
export const metricKey = (metric: string) => metric.trim().toLocaleLowerCase();

/**
 * Every metric logged in `month` or the month before, with its change, sorted by name. If a
 * metric has more than one entry in a month, the last edited one counts.
 */
export function impactChanges(entries: readonly ImpactEntry[], month: string): MetricChange[] {
  const before = previousMonth(month);
  const latest = new Map<string, ImpactEntry>(); // key: metric + month
  for (const e of entries) {
    if (e.month !== month && e.month !== before) continue;
    const key = `${metricKey(e.metric)}\u0000${e.month}`;
    const seen = latest.get(key);
    if (!seen || e.updatedAt > seen.updatedAt || (e.updatedAt === seen.updatedAt && e.id > seen.id)) latest.set(key, e);
  }
  const byMetric = new Map<string, { now?: ImpactEntry; before?: ImpactEntry }>();
  for (const e of latest.values()) {
    const slot = byMetric.get(metricKey(e.metric)) ?? {};
    if (e.month === month) slot.now = e; else slot.before = e;
    byMetric.set(metricKey(e.metric), slot);
  }
  return [...byMetric.values()]
    .map(({ now, before: prev }): MetricChange => ({
      metric: (now ?? prev)!.metric.trim(),
      unit: (now ?? prev)!.unit ?? '', // older entries have none
      month,
      value: now?.value ?? null,
      previousValue: prev?.value ?? null,
      change: now && prev ? now.value - prev.value : null,
    }))
    .sort((a, b) => (metricKey(a.metric) < metricKey(b.metric) ? -1 : metricKey(a.metric) > metricKey(b.metric) ? 1 : 0));
}
