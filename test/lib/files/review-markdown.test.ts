// The review as Markdown, shared with the VA after the check-in, in the UI's language.
import { describe, expect, it } from 'vitest';
import { categoriesGoingWell, monthPeriod, openTasks, periodScorecards, reviewAgenda } from '@/lib/kpi';
import { reviewMarkdown, type ReviewDocument } from '@/lib/files/review-markdown';
import type { Review, Target } from '@/lib/model';
import { AMS, bookkeeping, ratings, vas } from '../kpi/november';
import { translator } from '../../translator';

const sanne = vas[0]!;
const period = monthPeriod('2026-11', AMS);
const own = ratings.filter((r) => r.vaId === sanne.id);
const targets: Target[] = [
  { id: 't1', kpi: 'onTimeRate', scope: { kind: 'global' }, op: '>=', value: 0.9, updatedAt: '2026-11-01T00:00:00.000Z' },
  { id: 't2', kpi: 'qualityAvg', scope: { kind: 'global' }, op: '>=', value: 4, updatedAt: '2026-11-01T00:00:00.000Z' },
];
const opts = { tolerance: 0.2, timeZone: AMS };
const doc: ReviewDocument = {
  va: sanne, period, card: periodScorecards(own, period, { vas: [sanne], targets, timeZone: AMS })[0]!,
  agenda: reviewAgenda(own, period, opts), goingWell: categoriesGoingWell(own, period, opts),
  open: openTasks(own, new Date('2026-12-01T12:00:00Z'), opts), customCategories: [bookkeeping],
  tasks: new Map([
    ['trello:A6', { title: 'Inbox *november* [urgent]', url: 'https://trello.com/c/A6/inbox-(nov)' }],
    ['trello:A16', { title: '# Offertes', url: 'https://trello.com/c/A16' }],
  ]),
};
const review: Review = {
  id: 'rev-1', vaId: sanne.id, periodStart: period.start.toISOString(), periodEnd: period.end.toISOString(),
  answers: { wentWell: 'Inbox zero\n- every day', couldBeBetter: '', kpisMet: 'Not on time', needFromVa: '', supportForVa: 'Planning <b>tools</b>' },
  vaExperience: { involved: 4, heard: 5, challenged: null }, proactivity: { answer: true, what: 'A template for quotes' },
  communicationScore: 4, peaceOfMindScore: 5, meetingInputScore: null, notes: '', nextCheckIn: '2026-12-31T08:00:00.000Z',
  createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T11:00:00.000Z',
};

describe('review as Markdown', () => {
  const md = reviewMarkdown(doc, review, { t: translator('en'), locale: 'en', timeZone: AMS });

  it('heads with the VA and the month, and lists each KPI against its target', () => {
    expect(md.split('\n')[0]).toBe('# Check-in with Sanne — November 2026');
    // Sanne: 10 of 13 on time → 77 %, under the 90 % target; quality 59 / 14 = 4.2 meets ≥ 4.
    expect(md).toContain('| On time | 77% | ≥ 90% | target not met |');
    expect(md).toMatch(/\| Quality \| 4\.2 \| ≥ 4 \| target met \|/);
    expect(md).toMatch(/\| Tasks done \| 15 \| — \| {2}\|/);
  });

  it('lists the agenda with links, and escapes the board\'s text', () => {
    expect(md).toContain('- [Inbox \\*november\\* \\[urgent\\]](<https://trello.com/c/A6/inbox-(nov)>) — took 2.2× the estimate; had errors');
    expect(md).toContain('- [\\# Offertes](<https://trello.com/c/A16>) — was due November 20, 2026; open for 61 days');
    expect(md).toContain('- Other goes well (quality 4.5 over 2 tasks): a candidate to delegate more of');
  });

  it('has every answer under its question, the owner\'s text kept as text', () => {
    expect(md).toContain('### What went well?\n\nInbox zero  \n\\- every day');
    expect(md).toContain('### What can be better?\n\n—');
    expect(md).toContain('### Where does your VA need support or direction?\n\nPlanning \\<b\\>tools\\</b\\>');
    expect(md).toContain('- Feels heard: 5 / 5\n- Feels challenged: —');
    expect(md).toContain('were you very happy with it?\n\nYes: A template for quotes');
    expect(md).toContain('## Next check-in\n\nDecember 31, 2026');
  });

  it('is written in Dutch when the UI is Dutch', () => {
    const nl = reviewMarkdown(doc, review, { t: translator('nl'), locale: 'nl', timeZone: AMS });
    expect(nl.split('\n')[0]).toBe('# Evaluatiegesprek met Sanne — november 2026');
    expect(nl).toContain('| Op tijd |');
    expect(nl).toContain('kostte 2,2× de inschatting; bevatte fouten');
    expect(nl).toContain('### Wat heb je van je VA nodig om beter te kunnen delegeren?');
    expect(nl).toContain('Ja: A template for quotes');
    expect(nl).toContain('## Volgend gesprek\n\n31 december 2026');
  });
});
