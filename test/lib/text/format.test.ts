import { describe, expect, it } from 'vitest';
import { deltaAsShown, displayDelta, displayKpi, targetInputToValue, targetValueToInput } from '@/lib/text/format';

describe('how KPIs read in the popup', () => {
  it('shows rates as percentages, ratios with ×, hours and money with units, no data as a dash', () => {
    expect(displayKpi('onTimeRate', 0.9, { locale: 'en' })).toBe('90%');
    expect(displayKpi('estimateRatio', 1.234, { locale: 'en' })).toBe('1.23×');
    expect(displayKpi('hoursFreed', 12.25, { locale: 'en' })).toBe('12.3 h');
    expect(displayKpi('cost', 367.5, { locale: 'nl', currency: 'EUR' }).replace(/\s/g, ' ')).toBe('€ 368');
    expect(displayKpi('qualityAvg', null)).toBe('—');
  });

  it('shows changes signed, rates in percentage points, and a tiny change as no change', () => {
    expect(displayDelta('onTimeRate', 0.1, 'en')).toBe('+10 pp');
    expect(displayDelta('tasksDone', -3, 'en')).toBe('-3');
    expect(deltaAsShown('remindersPerTask', 0.01)).toBe(0);
    expect(displayDelta('qualityAvg', null)).toBe('');
  });

  it('takes rate targets as percentages and stores fractions', () => {
    expect(targetInputToValue('onTimeRate', 90)).toBe(0.9);
    expect(targetValueToInput('onTimeRate', 0.9)).toBe(90);
    expect(targetInputToValue('qualityAvg', 4)).toBe(4);
  });
});
