// Facts about one rated task that several KPIs and the review agenda share: when it was done,
// whether it was late, how its actual time compares with the estimate. Written for hot loops:
// instants are compared as UTC ISO text, and a day-only due date is turned into its end-of-day
// instant once per distinct day, not once per task.
import { tz } from '@date-fns/tz';
import { addDays, parseISO, startOfDay } from 'date-fns';
import type { Rating } from '../model';
import { defaultTimeZone } from './periods';

/**
 * The fields of a rating that the KPIs and the review agenda read (and `taskId`, to name a task):
 * all that the popup's read-optimised copy of the done ratings keeps.
 */
export const KPI_FIELDS = [
  'id', 'taskId', 'vaId', 'dueAt', 'doneAt', 'estimateMinutes', 'actualMinutes', 'quality', 'errorFree',
  'followedBriefing', 'remindersNeeded', 'delaysFlagged', 'proactive',
] as const;
export type KpiRating = Pick<Rating, (typeof KPI_FIELDS)[number]>;

/** Ratings store `toISOString()` text; anything else (an offset, no milliseconds) is normalised. */
export function utcIso(instant: string): string {
  if (instant.length === 24 && instant.charCodeAt(23) === 90 /* Z */ && instant.charCodeAt(19) === 46 /* . */) return instant;
  return new Date(instant).toISOString();
}

export interface TaskJudge {
  readonly tolerance: number;
  /**
   * When the task was due, as a UTC ISO instant: the instant itself, or for a day-only due date
   * the start of the next local day (the end of the due day).
   */
  dueMoment(dueAt: string): string;
  /** true = done after the due date; null = no due date. */
  isLate(rating: Pick<Rating, 'dueAt'>, doneIso: string): boolean | null;
  /** actual ÷ estimate when both are > 0, else null (nothing to compare). */
  ratio(rating: Pick<Rating, 'estimateMinutes' | 'actualMinutes'>): number | null;
  /** actual > estimate × (1 + tolerance); null when there is no ratio. */
  overTolerance(rating: Pick<Rating, 'estimateMinutes' | 'actualMinutes'>): boolean | null;
}

// Rates like 60 min × 1.2 land a hair off 72 in binary floating point; a task of exactly the
// allowed time must count as within it.
const EPSILON = 1e-9;

/** actual ≥ 2 × estimate: the first item of a review. */
export const OVERRUN_FACTOR = 2;

// Day-only due dates repeat across tasks and calls (the popup asks for this month and the last);
// instants rarely repeat, so only days are cached: per zone, a day's end never changes.
const dayEndsByZone = new Map<string, Map<string, string>>();
const MAX_CACHED_DAYS = 20_000;

export function createJudge(opts: { tolerance: number; timeZone?: string }): TaskJudge {
  const zone = opts.timeZone ?? defaultTimeZone();
  const ctx = { in: tz(zone) };
  let cached = dayEndsByZone.get(zone);
  if (cached === undefined || cached.size > MAX_CACHED_DAYS) dayEndsByZone.set(zone, (cached = new Map()));
  const dayEnds = cached;
  const tolerance = opts.tolerance;
  const factor = 1 + tolerance;

  function dayEnd(day: string): string {
    let end = dayEnds.get(day);
    if (end === undefined) {
      end = new Date(startOfDay(addDays(parseISO(day, ctx), 1, ctx), ctx).getTime()).toISOString();
      dayEnds.set(day, end);
    }
    return end;
  }

  return {
    tolerance,
    dueMoment: (dueAt) => (dueAt.length === 10 ? dayEnd(dueAt) : utcIso(dueAt)),
    isLate: (r, doneIso) => {
      const dueAt = r.dueAt;
      if (dueAt === null) return null;
      // `YYYY-MM-DD`: done before the next local day starts is on time. An instant: done by then.
      return dueAt.length === 10 ? doneIso >= dayEnd(dueAt) : doneIso > utcIso(dueAt);
    },
    ratio: taskRatio,
    overTolerance: (r) => {
      const e = r.estimateMinutes;
      const a = r.actualMinutes;
      return e !== null && a !== null && e > 0 && a > 0 ? a > e * factor + EPSILON : null;
    },
  };
}

/** actual ÷ estimate when both are > 0, else null (nothing to compare). */
export function taskRatio(r: Pick<Rating, 'estimateMinutes' | 'actualMinutes'>): number | null {
  const e = r.estimateMinutes;
  const a = r.actualMinutes;
  return e !== null && a !== null && e > 0 && a > 0 ? a / e : null;
}

/** The done instant as UTC ISO text if the task was done in [startIso, endIso), else null. */
export function doneWithin(r: Pick<Rating, 'doneAt'>, startIso: string, endIso: string): string | null {
  if (r.doneAt === null) return null; // open tasks are listed, not scored
  const done = utcIso(r.doneAt);
  return done >= startIso && done < endIso ? done : null;
}
