// Category templates: the counters of the article's table and the KPIs built from them, on the
// golden November (november.ts), plus categories the owner adds with counters of their own.
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, allCategories, computeCategoryKpis, findCategory, thisMonth } from '@/lib/kpi';
import { BUILTIN_CATEGORIES, type Category } from '@/lib/model';
import { AMS, bookkeeping, rating, ratings } from './november';

const november = thisMonth(new Date('2026-11-15T12:00:00Z'), AMS);
const opts = { tolerance: 0.2, timeZone: AMS };
const ofVa = (vaId: string) => ratings.filter((r) => r.vaId === vaId);
const template = (id: string, custom: Category[] = []) => findCategory(id, custom)!;

describe('built-in templates', () => {
  it('are the five categories the model stores, in the table order, "other" without counters', () => {
    expect(BUILTIN_TEMPLATES.map((c) => c.id)).toEqual([...BUILTIN_CATEGORIES]);
    expect(template('other').counters).toEqual([]);
    expect(template('other').kpis).toEqual([]);
    expect(template('admin').counters.map((c) => [c.id, c.yesNo ?? false])).toEqual([
      ['invoicesMade', false], ['invoicesErrorFree', false], ['toolsUpToDate', true],
    ]);
  });

  it('name their labels by message key, never by English text', () => {
    expect(template('email').label).toEqual({ key: 'category_email' });
    expect(template('email').counters[1]!.label).toEqual({ key: 'panel_counter_answeredIn24h' });
    expect(template('email').kpis[0]!.label).toEqual({ key: 'categoryKpi_answeredIn24hRate' });
  });
});

describe('category KPIs in the golden month', () => {
  it("Sanne's email: answered within 24 h and handled correctly from sums of messages, hours saved", () => {
    // Tasks with both counters: A1 36/40, A2 40/50, A3 20/20, A4 10/10, A6 18/30, A13 25/25
    //   → answered 149 of 175 messages; handled correctly 39+48+20+9+25+25 = 166 of 175.
    //   A5 (30 messages, no answer count) stays out of both; A16 is open; A17 is October.
    // Hours saved: A1 60 + A2 90 + A3 30 + A4 20 + A5 50 + A6 130 + A12 30 + A13 35 = 445 min.
    const k = computeCategoryKpis(ofVa('va-sanne'), november, template('email'), opts);
    expect(k.answeredIn24hRate).toBeCloseTo(149 / 175, 10);
    expect(k.handledCorrectlyRate).toBeCloseTo(166 / 175, 10);
    expect(k.hoursSaved).toBeCloseTo(445 / 60, 10);
  });

  it('email over all VAs adds the hours of tasks without counters but leaves the rates alone', () => {
    // Zoë's C6 (25 min) and the unassigned U1 (30 min) are email without counters: 445 + 55 = 500 min.
    const k = computeCategoryKpis(ratings, november, template('email'), opts);
    expect(k.answeredIn24hRate).toBeCloseTo(149 / 175, 10);
    expect(k.hoursSaved).toBeCloseTo(500 / 60, 10);
  });

  it("Sanne's administration: error-free invoices, reports without reminders, tools up to date", () => {
    // Invoices: A7 12/12, A8 6/8, A10 5/5 → 23 / 25. Reminders answered on A7, A8, A9: all 0 → 1.
    // Tools up to date: A7 1, A8 1, A9 0 → 2 / 3 (A10, A11 did not say).
    expect(computeCategoryKpis(ofVa('va-sanne'), november, template('admin'), opts)).toEqual({
      invoicesErrorFreeRate: 0.92, reportsWithoutReminders: 1, toolsUpToDateRate: 2 / 3,
    });
  });

  it("Joost's social media: posts scheduled, engagement per post, growth", () => {
    // Posts: 5+4+10+3+5+4+2+6 = 39 (B6 counts its 4 posts; open B15's 20 do not).
    // Engagement per post, tasks with both: 120+80+150+45+0+30+90 = 515 over 5+4+10+3+5+2+6 = 35 posts.
    // Growth: new followers 10+6+12+2+0+3+7 = 40.
    const k = computeCategoryKpis(ofVa('va-joost'), november, template('social'), opts);
    expect(k.postsScheduled).toBe(39);
    expect(k.engagementPerPost).toBeCloseTo(515 / 35, 10);
    expect(k.growth).toBe(40);
  });

  it("Joost's creative work: usable ideas, their share, independent proposals", () => {
    // B7 4/6, B8 3/5, B9 0/4, B10 3/3 → 10 usable of 18; B13 proposed 2 without saying how many
    // were usable, so it stays out of the share. Independent: 2+1+0+1 = 4. B16 (1 Dec) is out.
    expect(computeCategoryKpis(ofVa('va-joost'), november, template('creative'), opts)).toEqual({
      usableIdeas: 10, usableIdeaRate: 10 / 18, independentProposals: 4,
    });
  });

  it('a category with no tasks in the period has no data for any of its KPIs', () => {
    expect(computeCategoryKpis(ofVa('va-zoe'), november, template('creative'), opts))
      .toEqual({ usableIdeas: null, usableIdeaRate: null, independentProposals: null });
  });
});

describe("the owner's own categories", () => {
  it('each counter becomes a KPI: its total over the period, no data if never filled in', () => {
    // Zoë's bookkeeping: C3 30 + C4 25 receipts (C5 filled nothing); "reconciled" never filled.
    const t = template('bookkeeping', [bookkeeping]);
    expect(t.label).toEqual({ text: 'Bookkeeping' });
    expect(t.counters.map((c) => c.label)).toEqual([{ text: 'Receipts filed' }, { text: 'Accounts reconciled' }]);
    expect(computeCategoryKpis(ofVa('va-zoe'), november, t, opts)).toEqual({ receipts: 55, reconciled: null });
  });

  it('come after the built-ins, by name; one that reuses a built-in id cannot replace it', () => {
    const at = '2026-11-01T00:00:00.000Z';
    const custom: Category[] = [
      bookkeeping,
      { id: 'events', name: 'Agenda & events', counters: [], archived: false, updatedAt: at },
      { id: 'email', name: 'My mail', counters: [{ id: 'spam', label: 'Spam removed' }], archived: false, updatedAt: at },
    ];
    expect(allCategories(custom).map((c) => c.id)).toEqual([...BUILTIN_CATEGORIES, 'events', 'bookkeeping']);
    expect(template('email', custom).builtin).toBe(true);
  });

  it('a rating in a category that no longer exists is counted in no template', () => {
    const stray = rating('x1', 'va-zoe', 'deleted-cat', { act: 60, done: '2026-11-10 10:00', counters: { receipts: 99 } });
    expect(computeCategoryKpis([stray], november, template('bookkeeping', [bookkeeping]), opts).receipts).toBeNull();
  });
});
