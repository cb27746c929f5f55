// The KPIs of the five areas (DESIGN.md) for one period. Every KPI is computed from sums over the
// tasks done in the period, so a month is never an average of averages; a KPI whose denominator
// is empty is null ("no data"), never 0.
import { DEFAULT_SETTINGS, KPI_NAMES, type KpiName } from '../model/constants';
import type { Va } from '../model';
import { impactOf } from './impact';
import { periodIso, type Period } from './periods';
import { OVERRUN_FACTOR, createJudge, doneWithin, type KpiRating, type TaskJudge } from './tasks';

export type Kpis = Record<KpiName, number | null>;

export interface KpiOptions {
  /** Share over the estimate still "within estimate"; the setting, 0.2 by default. */
  tolerance?: number;
  /** The VA's hourly rate, for `cost`; null = not known. */
  hourlyRate?: number | null;
  /** The owner's own hourly value, for `valueFreed`; null = not set. */
  ownerHourlyValue?: number | null;
  /** IANA zone that day-only due dates are read in; the runtime's zone by default. */
  timeZone?: string;
}

/** Running sums for one group of done tasks; turned into KPIs once at the end. */
class KpiSums {
  tasksDone = 0;
  withDue = 0; onTime = 0;
  errorAnswered = 0; errorFree = 0;
  briefingAnswered = 0; briefingFollowed = 0;
  qualityCount = 0; qualitySum = 0;
  estimateSum = 0; actualSumRated = 0; within = 0; overruns = 0;
  // Per-task ratios for the median, in a growable typed array: no boxing, no copy to select in.
  ratios = new Float64Array(64);
  rated = 0;
  actualCount = 0; actualMinutes = 0;
  proactiveAnswered = 0; proactive = 0;
  remindersCount = 0; remindersSum = 0; noReminder = 0;
  delayCases = 0; delaysFlagged = 0;

  add(r: KpiRating, doneIso: string, judge: TaskJudge): void {
    this.tasksDone++;
    const late = judge.isLate(r, doneIso);
    if (late !== null) { this.withDue++; if (!late) this.onTime++; }
    if (r.errorFree !== null) { this.errorAnswered++; if (r.errorFree) this.errorFree++; }
    if (r.followedBriefing !== null) { this.briefingAnswered++; if (r.followedBriefing) this.briefingFollowed++; }
    if (r.quality !== null) { this.qualityCount++; this.qualitySum += r.quality; }
    const ratio = judge.ratio(r);
    const over = judge.overTolerance(r);
    if (ratio !== null) {
      this.estimateSum += r.estimateMinutes!;
      this.actualSumRated += r.actualMinutes!;
      if (this.rated === this.ratios.length) {
        const grown = new Float64Array(this.rated * 2);
        grown.set(this.ratios);
        this.ratios = grown;
      }
      this.ratios[this.rated++] = ratio;
      if (!over) this.within++;
      if (ratio >= OVERRUN_FACTOR) this.overruns++;
    }
    if (r.actualMinutes !== null) { this.actualCount++; this.actualMinutes += r.actualMinutes; }
    if (r.proactive !== null) { this.proactiveAnswered++; if (r.proactive) this.proactive++; }
    if (r.remindersNeeded !== null) {
      this.remindersCount++;
      this.remindersSum += r.remindersNeeded;
      if (r.remindersNeeded === 0) this.noReminder++;
    }
    // Only tasks that were late or ran over had a delay worth flagging.
    if ((late === true || over === true) && r.delaysFlagged !== null) {
      this.delayCases++;
      if (r.delaysFlagged) this.delaysFlagged++;
    }
  }

  kpis(hourlyRate: number | null, ownerHourlyValue: number | null): Kpis {
    const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
    const impact = impactOf(this.actualCount > 0 ? this.actualMinutes : null, hourlyRate, ownerHourlyValue);
    const rated = this.rated;
    return {
      tasksDone: this.tasksDone,
      onTimeRate: share(this.onTime, this.withDue),
      errorFreeRate: share(this.errorFree, this.errorAnswered),
      briefingRate: share(this.briefingFollowed, this.briefingAnswered),
      qualityAvg: share(this.qualitySum, this.qualityCount),
      estimateRatio: share(this.actualSumRated, this.estimateSum),
      medianTaskRatio: median(this.ratios.subarray(0, rated)),
      withinEstimateRate: share(this.within, rated),
      overruns: rated > 0 ? this.overruns : null,
      hoursLogged: impact.hoursFreed,
      proactiveCount: this.proactiveAnswered > 0 ? this.proactive : null,
      remindersPerTask: share(this.remindersSum, this.remindersCount),
      noReminderRate: share(this.noReminder, this.remindersCount),
      delaysFlaggedRate: share(this.delaysFlagged, this.delayCases),
      hoursFreed: impact.hoursFreed,
      cost: impact.cost,
      valueFreed: impact.valueFreed,
    };
  }
}

/** Median by selection (average linear time); reorders `values`, which the caller owns. */
function median(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const mid = n >> 1;
  const upper = select(values, mid);
  if (n % 2) return upper;
  // After selecting, everything left of `mid` is ≤ the upper middle: its maximum is the lower one.
  let lower = values[0]!;
  for (let i = 1; i < mid; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/** Hoare's quickselect: puts the k-th smallest value at index k and returns it. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) { const t = a[i]!; a[i] = a[j]!; a[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

const settingsOf = (o: KpiOptions) => ({
  tolerance: o.tolerance ?? DEFAULT_SETTINGS.tolerance,
  ownerHourlyValue: o.ownerHourlyValue ?? null,
});

/** KPIs over the given ratings (filter them to one VA first) for tasks done in `period`. */
export function computeKpis(ratings: Iterable<KpiRating>, period: Period, options: KpiOptions = {}): Kpis {
  const { tolerance, ownerHourlyValue } = settingsOf(options);
  const judge = createJudge({ tolerance, timeZone: options.timeZone });
  const { start, end } = periodIso(period);
  const sums = new KpiSums();
  for (const r of ratings) {
    const done = doneWithin(r, start, end);
    if (done !== null) sums.add(r, done, judge);
  }
  return sums.kpis(options.hourlyRate ?? null, ownerHourlyValue);
}

/**
 * KPIs per VA in one pass over all ratings. Every VA in `vas` gets an entry, also without tasks
 * (tasksDone 0, the rest null); ratings of other VAs, or of none (`null`), get their own entry.
 * Each VA's `cost` uses its own hourly rate.
 */
export function computeKpisByVa(
  ratings: Iterable<KpiRating>, period: Period, options: Omit<KpiOptions, 'hourlyRate'> & { vas?: readonly Va[] } = {},
): Map<string | null, Kpis> {
  const { tolerance, ownerHourlyValue } = settingsOf(options);
  const judge = createJudge({ tolerance, timeZone: options.timeZone });
  const { start, end } = periodIso(period);
  const groups = new Map<string | null, KpiSums>();
  for (const va of options.vas ?? []) groups.set(va.id, new KpiSums());
  for (const r of ratings) {
    const done = doneWithin(r, start, end);
    if (done === null) continue;
    let sums = groups.get(r.vaId);
    if (sums === undefined) groups.set(r.vaId, (sums = new KpiSums()));
    sums.add(r, done, judge);
  }
  const rates = new Map((options.vas ?? []).map((va) => [va.id, va.hourlyRate]));
  const out = new Map<string | null, Kpis>();
  for (const [vaId, sums] of groups) out.set(vaId, sums.kpis(vaId === null ? null : rates.get(vaId) ?? null, ownerHourlyValue));
  return out;
}

/** The change per KPI against the previous period (current − previous); null if either is null. */
export function kpiDelta(current: Kpis, previous: Kpis): Kpis {
  const out = {} as Kpis;
  for (const name of KPI_NAMES) {
    const a = current[name];
    const b = previous[name];
    out[name] = a === null || b === null ? null : a - b;
  }
  return out;
}
