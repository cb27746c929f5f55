import { describe, expect, it } from 'vitest';
import {
  Category, DEFAULT_SETTINGS, ImpactEntry, Rating, Review, Settings, Target, TaskRef, Timer, Va, describeIssues,
} from '@/lib/model';
import { sampleRecords } from '../records';

describe('schemas accept good records', () => {
  for (const [name, [schema, record]] of Object.entries({
    Va: [Va, sampleRecords.va], TaskRef: [TaskRef, sampleRecords.task], Rating: [Rating, sampleRecords.rating],
    Review: [Review, sampleRecords.review], ImpactEntry: [ImpactEntry, sampleRecords.impact],
    Target: [Target, sampleRecords.target], Category: [Category, sampleRecords.category],
    Timer: [Timer, sampleRecords.timer],
  } as const)) {
    it(name, () => expect(schema.safeParse(record).success).toBe(true));
  }

  it('fills defaults so an older, sparser record still loads', () => {
    const { note, counters, proactive, ...old } = sampleRecords.rating;
    const parsed = Rating.parse(old);
    expect(parsed).toMatchObject({ note: '', counters: {}, proactive: null });
  });

  it('settings default to a 20 % tolerance in euros', () => {
    expect(Settings.parse({})).toEqual({ tolerance: 0.2, ownerHourlyValue: null, currency: 'EUR', csvDelimiter: 'auto' });
    // The zod-free default the popup and the KPI engine use is the same.
    expect(DEFAULT_SETTINGS).toEqual(Settings.parse({}));
  });
});

describe('schemas reject bad records with a message naming the field', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['quality out of 1–5', () => Rating.safeParse({ ...sampleRecords.rating, quality: 6 }), /quality/],
    ['negative estimate', () => Rating.safeParse({ ...sampleRecords.rating, estimateMinutes: -5 }), /estimateMinutes/],
    ['a done date that is no date', () => Rating.safeParse({ ...sampleRecords.rating, doneAt: 'yesterday' }), /doneAt/],
    ['a task key without platform', () => Rating.safeParse({ ...sampleRecords.rating, id: 'abc' }), /id: Expected platform:taskId/],
    ['an unknown platform', () => TaskRef.safeParse({ ...sampleRecords.task, platform: 'jira' }), /platform/],
    ['a javascript: task URL', () => TaskRef.safeParse({ ...sampleRecords.task, url: 'javascript:alert(1)' }), /url/],
    ['a VA without a name', () => Va.safeParse({ ...sampleRecords.va, name: '  ' }), /name: A VA needs a name/],
    ['a currency that is no code', () => Va.safeParse({ ...sampleRecords.va, currency: 'euro' }), /currency: Use a three-letter currency code/],
    ['a target on an unknown KPI', () => Target.safeParse({ ...sampleRecords.target, kpi: 'happiness' }), /kpi/],
    ['an impact month that is no month', () => ImpactEntry.safeParse({ ...sampleRecords.impact, month: '2026-13' }), /month: Expected YYYY-MM/],
    ['a category id with spaces', () => Category.safeParse({ ...sampleRecords.category, id: 'my cat' }), /id: Category ids/],
  ];
  for (const [name, run, message] of cases) {
    it(name, () => {
      const result = run() as ReturnType<typeof Rating.safeParse>;
      expect(result.success).toBe(false);
      expect(describeIssues(result.error!)).toMatch(message);
    });
  }
});
