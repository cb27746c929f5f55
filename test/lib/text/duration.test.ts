import { describe, expect, it } from 'vitest';
import { formatDuration, formatElapsed, parseDuration } from '@/lib/text/duration';

describe('parseDuration', () => {
  it.each([
    ['90', 90], ['1:30', 90], ['90m', 90], ['1.5h', 90], ['1,5u', 90], ['1,5 uur', 90],
    ['1h30', 90], ['1h 30m', 90], ['1u30', 90], ['2 hours', 120], ['45 min', 45], ['0:05', 5],
    ['  60 ', 60], ['0', 0], ['.5h', 30], ['1H', 60], ['3 uren', 180], ['10 minuten', 10], ['1.5 hours', 90],
    ['2h 5', 125], ['1hour', 60],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it('treats empty text as no value', () => {
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('   ')).toBeNull();
  });

  it.each(['abc', '1:75', '1.5', '30m 1h', '1h 2h', '-5', '5 days', '1:30:00', '999999', 'h'])(
    'refuses %j instead of guessing',
    (text) => expect(parseDuration(text)).toBeUndefined(),
  );
});

describe('formatDuration', () => {
  it('writes minutes as h:mm, which parses back to the same value', () => {
    for (const m of [0, 5, 59, 60, 90, 605]) expect(parseDuration(formatDuration(m))).toBe(m);
    expect(formatDuration(90)).toBe('1:30');
    expect(formatDuration(null)).toBe('');
  });
});

describe('formatElapsed', () => {
  it('shows m:ss under an hour and h:mm:ss above', () => {
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-10)).toBe('0:00');
  });
});
