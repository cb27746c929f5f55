// The impact log: one figure per metric and month; typing a metric again for the same month
// corrects it instead of adding a second figure.
import { beforeEach, describe, expect, it } from 'vitest';
import { ScorecardDb } from '@/lib/db';
import { impactEntriesAround, saveImpactEntry } from '@/lib/db/impact';

let d: ScorecardDb;
beforeEach(() => { d = new ScorecardDb(`test-${crypto.randomUUID()}`); });

describe('impact log', () => {
  it('stores a month\'s figure and corrects it when the same metric is typed again', async () => {
    await saveImpactEntry({ metric: 'Quotes sent', unit: '', month: '2026-10', value: 8 }, d);
    const first = await saveImpactEntry({ metric: 'Quotes sent', unit: '', month: '2026-11', value: 10 }, d);
    const again = await saveImpactEntry({ metric: ' quotes sent', unit: '', month: '2026-11', value: 12 }, d);
    expect(again.id).toBe(first.id);
    expect((await impactEntriesAround('2026-11', d)).map((e) => [e.month, e.value]).sort()).toEqual([['2026-10', 8], ['2026-11', 12]]);
  });

  it('refuses a value that is no number, with a translated message, and keeps the stored one', async () => {
    await saveImpactEntry({ metric: 'Quotes sent', unit: '', month: '2026-11', value: 12 }, d);
    await expect(saveImpactEntry({ metric: 'Quotes sent', unit: '', month: '2026-11', value: Number.NaN }, d)).rejects.toThrow('Type a number for the value.');
    await expect(saveImpactEntry({ metric: '', unit: '', month: '2026-11', value: 3 }, d)).rejects.toThrow('A metric needs a name.');
    expect((await d.impact.toArray()).map((e) => e.value)).toEqual([12]);
  });
});
