import { describe, expect, it } from 'vitest';
import {
  Category, DEFAULT_SETTINGS, ImpactEntry, Rating, RatingPatch, Review, Settings, Target, TaskRef, Timer, Va, describeIssues,
} from '@/lib/model';
import { sampleRecords } from '../../records';

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
    expect(Settings.parse({})).toEqual({ tolerance: 0.2, ownerHourlyValue: null, currency: 'EUR', csvDelimiter: 'auto', syncInterval: 'daily' });
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

describe('a partial save carries only what changed', () => {
  it('a parsed rating patch has exactly the keys that were sent, no defaults filled in', () => {
    expect(RatingPatch.parse({ note: 'Tweede keer' })).toEqual({ note: 'Tweede keer' });
    expect(Object.keys(RatingPatch.parse({ estimateMinutes: 60, quality: 4 })).sort()).toEqual(['estimateMinutes', 'quality']);
    expect(RatingPatch.parse({})).toEqual({});
  });

  it('a patch may still clear a field on purpose', () => {
    expect(RatingPatch.parse({ quality: null, note: '' })).toEqual({ quality: null, note: '' });
  });
});

describe('instants are stored one way', () => {
  it('normalises an instant with an offset to UTC when parsed', () => {
    const parsed = Rating.parse({ ...sampleRecords.rating, doneAt: '2026-12-01T00:10:00+02:00', dueAt: '2026-12-01T08:00:00+01:00' });
    expect(parsed.doneAt).toBe('2026-11-30T22:10:00.000Z');
    expect(parsed.dueAt).toBe('2026-12-01T07:00:00.000Z');
    expect(RatingPatch.parse({ doneAt: '2026-12-01T00:10:00+02:00' }).doneAt).toBe('2026-11-30T22:10:00.000Z');
    expect(Timer.parse({ ...sampleRecords.timer, startedAt: '2026-11-03T10:30:00+01:00' }).startedAt).toBe('2026-11-03T09:30:00.000Z');
  });

  it('keeps a day-only due date as the day', () => {
    expect(Rating.parse({ ...sampleRecords.rating, dueAt: '2026-11-30' }).dueAt).toBe('2026-11-30');
  });
});

describe('a task is known by its own platform and id', () => {
  it('refuses a rating whose key is not platform:taskId', () => {
    const result = Rating.safeParse({ ...sampleRecords.rating, id: 'trello:SomethingElse' });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toMatch(/id: .*trello:AbCd1234/);
    expect(Rating.safeParse({ ...sampleRecords.rating, id: 'asana:AbCd1234' }).success).toBe(false);
  });

  it('refuses a task whose key or URL belongs to another task or platform', () => {
    expect(TaskRef.safeParse({ ...sampleRecords.task, key: 'trello:Other' }).success).toBe(false);
    const foreign = TaskRef.safeParse({ ...sampleRecords.task, url: 'https://app.asana.com/0/1/2' });
    expect(foreign.success).toBe(false);
    expect(describeIssues(foreign.error!)).toMatch(/url: .*trello\.com/);
    expect(TaskRef.safeParse({ ...sampleRecords.task, url: 'https://trello.com.evil.example/c/AbCd1234' }).success).toBe(false);
  });
});
