import { describe, expect, it } from 'vitest';
import { builtinCategories } from '@/components/panel/categories';
import { BUILTIN_TEMPLATES } from '@/lib/kpi/categories';

describe('the panel\'s built-in categories', () => {
  it('show the counters of the KPI engine\'s templates, yes/no ones as such, with the same labels', () => {
    const fromEngine = BUILTIN_TEMPLATES.map((c) => ({
      id: c.id,
      counters: c.counters.map((x) => ({ id: x.id, yesNo: x.yesNo === true, label: 'key' in x.label ? x.label.key : x.label.text })),
    }));
    const inPanel = builtinCategories().map((c) => ({
      id: c.id,
      counters: c.counters.map((x) => ({ id: x.id, yesNo: x.yesNo === true, label: `panel_counter_${x.id}` })),
    }));
    expect(inPanel).toEqual(fromEngine);
  });

  it('have English labels for every category and counter', () => {
    for (const c of builtinCategories()) {
      expect(c.label).not.toMatch(/^category_/);
      for (const x of c.counters) expect(x.label, x.id).not.toMatch(/^panel_counter_/);
    }
  });
});
