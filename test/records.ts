// One valid record of every stored type, shared by the schema and database tests.
import type { Category, ImpactEntry, Rating, Review, Target, TaskRef, Timer, Va } from '@/lib/model';

const at = '2026-11-03T09:30:00.000Z';

export const sampleRecords = {
  va: {
    id: 'va-1', name: 'Sanne de Vries', hourlyRate: 32.5, currency: 'EUR', archived: false,
    identities: [{ platform: 'trello', memberId: '5f0c1d2e3a4b5c6d7e8f9012', name: 'Sanne' }],
    createdAt: at, updatedAt: at,
  } satisfies Va,
  task: {
    key: 'trello:AbCd1234', platform: 'trello', taskId: 'AbCd1234', title: 'Offertes opvolgen — "Q4"',
    url: 'https://trello.com/c/AbCd1234/12-offertes-opvolgen', board: 'Kantoor',
    assignees: [{ id: '5f0c1d2e3a4b5c6d7e8f9012', name: 'Sanne' }], dueAt: '2026-11-04', doneAt: '2026-11-04T15:00:00.000Z',
    nativeEstimateMinutes: null, nativeTrackedMinutes: null, updatedAt: at,
  } satisfies TaskRef,
  rating: {
    id: 'trello:AbCd1234', platform: 'trello', taskId: 'AbCd1234', vaId: 'va-1', category: 'email',
    estimateMinutes: 60, actualMinutes: 90, quality: 4, errorFree: true, followedBriefing: true,
    remindersNeeded: 0, delaysFlagged: null, proactive: false, note: 'Nette mails', counters: { messagesHandled: 40 },
    dueAt: '2026-11-04', doneAt: '2026-11-04T15:00:00.000Z', createdAt: at, updatedAt: at,
  } satisfies Rating,
  review: {
    id: 'rev-1', vaId: 'va-1', periodStart: '2026-10-31T23:00:00.000Z', periodEnd: '2026-11-30T23:00:00.000Z',
    answers: { wentWell: 'Inbox zero', couldBeBetter: '', kpisMet: 'yes', needFromVa: '', supportForVa: '' },
    vaExperience: { involved: 4, heard: 5, challenged: 3 }, proactivity: { answer: true, what: 'Template idea' },
    communicationScore: 4, peaceOfMindScore: 5, meetingInputScore: null, notes: '', nextCheckIn: '2026-12-05T09:00:00.000Z',
    createdAt: at, updatedAt: at,
  } satisfies Review,
  impact: { id: 'imp-1', metric: 'Quotes sent', unit: '', month: '2026-11', value: 12, updatedAt: at } satisfies ImpactEntry,
  target: { id: 't-1', kpi: 'onTimeRate', scope: { kind: 'global' }, op: '>=', value: 0.9, updatedAt: at } satisfies Target,
  category: { id: 'bookkeeping', name: 'Bookkeeping', counters: [{ id: 'receipts', label: 'Receipts filed' }], archived: false, updatedAt: at } satisfies Category,
  timer: { taskKey: 'trello:AbCd1234', startedAt: at } satisfies Timer,
};
