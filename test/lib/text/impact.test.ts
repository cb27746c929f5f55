// The impact log's change sentences, in English and Dutch.
import { describe, expect, it } from 'vitest';
import { impactSentence } from '@/lib/text/impact';
import type { MetricChange } from '@/lib/kpi';
import { translator } from '../../translator';

const change = (over: Partial<MetricChange>): MetricChange =>
  ({ metric: 'Quotes sent', unit: '', month: '2026-11', value: 12, previousValue: 8, change: 4, ...over });
const en = { t: translator('en'), locale: 'en' };
const nl = { t: translator('nl'), locale: 'nl' };

describe('impact sentences', () => {
  it('say how much more or fewer than the month before, naming that month', () => {
    expect(impactSentence(change({}), en)).toBe('Quotes sent: 4 more than in October 2026');
    expect(impactSentence(change({ value: 5, change: -3 }), en)).toBe('Quotes sent: 3 fewer than in October 2026');
    expect(impactSentence(change({ value: 8, change: 0 }), en)).toBe('Quotes sent: as many as in October 2026');
  });

  it('carry the unit and decimals in the reader\'s language', () => {
    const hours = change({ metric: 'Uren aan nieuw aanbod', unit: 'uur', value: 6.5, previousValue: 5, change: 1.5 });
    expect(impactSentence(hours, nl)).toBe('Uren aan nieuw aanbod: 1,5 uur meer dan in oktober 2026');
    expect(impactSentence({ ...hours, value: 3.5, change: -1.5 }, nl)).toBe('Uren aan nieuw aanbod: 1,5 uur minder dan in oktober 2026');
    expect(impactSentence(change({ metric: 'Offertes verstuurd', change: 0 }), nl)).toBe('Offertes verstuurd: evenveel als in oktober 2026');
  });

  it('say so when a month has nothing to compare with', () => {
    expect(impactSentence(change({ previousValue: null, change: null }), en)).toBe('Quotes sent: 12, nothing logged in October 2026 to compare with');
    expect(impactSentence(change({ value: null, change: null }), nl)).toBe('Quotes sent: nog niets ingevuld voor november 2026 (8 in oktober 2026)');
  });
});
