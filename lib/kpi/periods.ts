// Reporting periods in the owner's time zone. A period is half-open [start, end): a task done at
// exactly `end` belongs to the next period. Date arithmetic goes through date-fns with the zone as
// context, so month lengths and daylight-saving days (23 or 25 hours) come out right.
import { tz } from '@date-fns/tz';
import {
  addDays, addMonths, differenceInCalendarDays, differenceInCalendarMonths, format, isValid, parseISO,
  startOfDay, startOfMonth, subDays, subMonths,
} from 'date-fns';

export interface Period {
  start: Date;
  end: Date;
}

/** The runtime's own IANA zone, the default when a caller does not name one. */
export const defaultTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

// date-fns hands back TZDate objects whose toISOString carries the zone offset; callers compare
// and store UTC strings, so periods hold plain Dates.
const plain = (d: Date) => new Date(d.getTime());

/** The calendar month that contains `now`, in `timeZone`. */
export function thisMonth(now: Date = new Date(), timeZone: string = defaultTimeZone()): Period {
  const ctx = { in: tz(timeZone) };
  const start = startOfMonth(now, ctx);
  return { start: plain(start), end: plain(addMonths(start, 1, ctx)) };
}

/** The calendar month before the one that contains `now`. */
export function lastMonth(now: Date = new Date(), timeZone: string = defaultTimeZone()): Period {
  const ctx = { in: tz(timeZone) };
  const start = subMonths(startOfMonth(now, ctx), 1, ctx);
  return { start: plain(start), end: plain(addMonths(start, 1, ctx)) };
}

/** The last `days` whole local days, today included. */
export function lastNDays(days: number, now: Date = new Date(), timeZone: string = defaultTimeZone()): Period {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`lastNDays needs a whole number of days ≥ 1, got ${days}`);
  const ctx = { in: tz(timeZone) };
  const end = startOfDay(addDays(now, 1, ctx), ctx);
  return { start: plain(subDays(end, days, ctx)), end: plain(end) };
}

/** Local day `YYYY-MM-DD` as the instant it starts in `timeZone`; throws on anything else. */
export function startOfLocalDay(day: string, timeZone: string = defaultTimeZone()): Date {
  const ctx = { in: tz(timeZone) };
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? parseISO(day, ctx) : new Date(NaN);
  // parseISO accepts 2026-02-30 by rolling over; a date input never sends that, an import might.
  if (!isValid(parsed) || format(parsed, 'yyyy-MM-dd', ctx) !== day) throw new RangeError(`Not a calendar day: ${day}`);
  return plain(startOfDay(parsed, ctx));
}

/** The local days `from` to `to` (both `YYYY-MM-DD`, both included), as from a date picker. */
export function customRange(from: string, to: string, timeZone: string = defaultTimeZone()): Period {
  const start = startOfLocalDay(from, timeZone);
  const last = startOfLocalDay(to, timeZone);
  if (last < start) throw new RangeError(`The period ends (${to}) before it starts (${from})`);
  const ctx = { in: tz(timeZone) };
  return { start, end: plain(startOfDay(addDays(last, 1, ctx), ctx)) };
}

/**
 * The period of the same length just before `p`: whole calendar months → the same number of
 * months before (so November compares with October, 31 days); whole local days → the same number
 * of days before; anything else → the same number of milliseconds before.
 */
export function previousPeriod(p: Period, timeZone: string = defaultTimeZone()): Period {
  const ctx = { in: tz(timeZone) };
  const atMidnight = (d: Date) => startOfDay(d, ctx).getTime() === d.getTime();
  if (atMidnight(p.start) && atMidnight(p.end)) {
    const months = differenceInCalendarMonths(p.end, p.start, ctx);
    const wholeMonths = months > 0 && startOfMonth(p.start, ctx).getTime() === p.start.getTime()
      && addMonths(p.start, months, ctx).getTime() === p.end.getTime();
    if (wholeMonths) return { start: plain(subMonths(p.start, months, ctx)), end: plain(p.start) };
    const days = differenceInCalendarDays(p.end, p.start, ctx);
    return { start: plain(subDays(p.start, days, ctx)), end: plain(p.start) };
  }
  const length = p.end.getTime() - p.start.getTime();
  return { start: new Date(p.start.getTime() - length), end: plain(p.start) };
}

/** The period's bounds as UTC ISO strings, the form ratings store, for text comparison. */
export const periodIso = (p: Period) => ({ start: p.start.toISOString(), end: p.end.toISOString() });

/** `YYYY-MM` of the local month an instant falls in (the impact log's month). */
export const monthKey = (at: Date, timeZone: string = defaultTimeZone()) => format(at, 'yyyy-MM', { in: tz(timeZone) });

/** The periods the popup and the review offer. */
export type PeriodChoice =
  | { kind: 'thisMonth' | 'lastMonth' | 'last30' | 'last90' }
  | { kind: 'custom'; from: string; to: string };

export function resolvePeriod(choice: PeriodChoice, now = new Date(), timeZone?: string): Period {
  switch (choice.kind) {
    case 'thisMonth': return thisMonth(now, timeZone);
    case 'lastMonth': return lastMonth(now, timeZone);
    case 'last30': return lastNDays(30, now, timeZone);
    case 'last90': return lastNDays(90, now, timeZone);
    case 'custom': return customRange(choice.from, choice.to, timeZone);
  }
}

/** The local calendar month `YYYY-MM` as a period; throws on anything else. */
export function monthPeriod(month: string, timeZone: string = defaultTimeZone()): Period {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`Not a month: ${month}`);
  return thisMonth(startOfLocalDay(`${month}-01`, timeZone), timeZone);
}

/** The `n` months up to and including the one of `now`, oldest first, as `YYYY-MM`. */
export function lastMonths(n: number, now: Date = new Date(), timeZone: string = defaultTimeZone()): string[] {
  const ctx = { in: tz(timeZone) };
  const current = startOfMonth(now, ctx);
  return Array.from({ length: n }, (_, i) => format(subMonths(current, n - 1 - i, ctx), 'yyyy-MM', ctx));
}
