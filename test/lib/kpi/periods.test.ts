// Periods as an Amsterdam owner sees them: months start at local midnight, the DST days have
// 23 and 25 hours (2026-03-29, 2026-10-25), and comparisons use the period just before.
import { describe, expect, it } from 'vitest';
import { customRange, lastMonth, lastNDays, monthKey, previousPeriod, startOfLocalDay, thisMonth, type Period } from '@/lib/kpi';

const AMS = 'Europe/Amsterdam';
const iso = (p: Period) => ({ start: p.start.toISOString(), end: p.end.toISOString() });
const hours = (p: Period) => (p.end.getTime() - p.start.getTime()) / 3_600_000;

describe('calendar months', () => {
  it('this month runs from local midnight on the 1st to local midnight on the 1st of the next month', () => {
    // March 2026 starts in winter time (UTC+1) and ends in summer time (UTC+2).
    expect(iso(thisMonth(new Date('2026-03-15T12:00:00Z'), AMS)))
      .toEqual({ start: '2026-02-28T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z' });
  });

  it('just after local midnight on the 1st it is already the new month, though UTC still says the old one', () => {
    const now = new Date('2026-02-28T23:30:00Z'); // 00:30 on 1 March in Amsterdam
    expect(iso(thisMonth(now, AMS)).start).toBe('2026-02-28T23:00:00.000Z');
    expect(iso(lastMonth(now, AMS))).toEqual({ start: '2026-01-31T23:00:00.000Z', end: '2026-02-28T23:00:00.000Z' });
  });

  it('last month of January is December of the year before', () => {
    expect(iso(lastMonth(new Date('2026-01-10T10:00:00Z'), AMS)))
      .toEqual({ start: '2025-11-30T23:00:00.000Z', end: '2025-12-31T23:00:00.000Z' });
  });

  it('follows the zone it is given, not the machine', () => {
    expect(iso(thisMonth(new Date('2026-07-01T03:00:00Z'), 'America/New_York')).start).toBe('2026-06-01T04:00:00.000Z');
    expect(iso(thisMonth(new Date('2026-07-01T03:00:00Z'), 'Asia/Tokyo')).start).toBe('2026-06-30T15:00:00.000Z');
  });

  it('monthKey names the local month', () => {
    expect(monthKey(new Date('2026-11-30T23:30:00Z'), AMS)).toBe('2026-12');
    expect(monthKey(new Date('2026-11-30T23:30:00Z'), 'UTC')).toBe('2026-11');
  });
});

describe('last N days', () => {
  it('are N whole local days ending with today', () => {
    const p = lastNDays(30, new Date('2026-11-15T10:00:00Z'), AMS);
    expect(iso(p)).toEqual({ start: '2026-10-16T22:00:00.000Z', end: '2026-11-15T23:00:00.000Z' });
    // 17 October is in summer time, so the span holds the 25-hour day of 25 October.
    expect(hours(p)).toBe(30 * 24 + 1);
  });

  it('a week over the spring-forward day is one hour short', () => {
    expect(hours(lastNDays(7, new Date('2026-04-01T10:00:00Z'), AMS))).toBe(7 * 24 - 1);
  });

  it('refuses a non-whole or empty number of days', () => {
    expect(() => lastNDays(0)).toThrow(RangeError);
    expect(() => lastNDays(1.5)).toThrow(RangeError);
  });
});

describe('custom range', () => {
  it('includes both chosen days', () => {
    expect(iso(customRange('2026-11-01', '2026-11-30', AMS)))
      .toEqual({ start: '2026-10-31T23:00:00.000Z', end: '2026-11-30T23:00:00.000Z' });
  });

  it('the day the clocks go back has 25 hours, the day they go forward 23', () => {
    expect(hours(customRange('2026-10-25', '2026-10-25', AMS))).toBe(25);
    expect(hours(customRange('2026-03-29', '2026-03-29', AMS))).toBe(23);
  });

  it('refuses a range that ends before it starts, and days that do not exist', () => {
    expect(() => customRange('2026-11-30', '2026-11-01', AMS)).toThrow(/before/);
    expect(() => customRange('2026-02-30', '2026-03-01', AMS)).toThrow(/2026-02-30/);
    expect(() => startOfLocalDay('30-11-2026', AMS)).toThrow(RangeError);
  });
});

describe('the previous period of the same length', () => {
  it('of a calendar month is the calendar month before, whatever its length', () => {
    const march = thisMonth(new Date('2026-03-15T12:00:00Z'), AMS);
    expect(iso(previousPeriod(march, AMS))).toEqual({ start: '2026-01-31T23:00:00.000Z', end: '2026-02-28T23:00:00.000Z' });
    const december = thisMonth(new Date('2026-12-15T12:00:00Z'), AMS);
    expect(iso(previousPeriod(december, AMS))).toEqual({ start: '2026-10-31T23:00:00.000Z', end: '2026-11-30T23:00:00.000Z' });
  });

  it('of a custom range of whole months is as many months before', () => {
    expect(iso(previousPeriod(customRange('2026-10-01', '2026-11-30', AMS), AMS)))
      .toEqual({ start: '2026-07-31T22:00:00.000Z', end: '2026-09-30T22:00:00.000Z' });
  });

  it('of N days is the N local days just before, even across a DST change', () => {
    const p = lastNDays(30, new Date('2026-11-15T10:00:00Z'), AMS);
    const before = previousPeriod(p, AMS);
    expect(iso(before)).toEqual({ start: '2026-09-16T22:00:00.000Z', end: '2026-10-16T22:00:00.000Z' });
    expect(hours(before)).toBe(30 * 24); // no DST change in there: a plain 720 hours
  });

  it('of the 23-hour DST day is the whole day before (24 hours)', () => {
    const before = previousPeriod(customRange('2026-03-29', '2026-03-29', AMS), AMS);
    expect(iso(before)).toEqual({ start: '2026-03-27T23:00:00.000Z', end: '2026-03-28T23:00:00.000Z' });
  });

  it('of a range that does not start at midnight is the same number of hours before', () => {
    const p = { start: new Date('2026-11-10T12:00:00Z'), end: new Date('2026-11-10T18:00:00Z') };
    expect(iso(previousPeriod(p, AMS))).toEqual({ start: '2026-11-10T06:00:00.000Z', end: '2026-11-10T12:00:00.000Z' });
  });
});
