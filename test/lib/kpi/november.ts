// A realistic month for the golden tests: November 2026 for an owner in Amsterdam (UTC+1 all
// month), three VAs, 45 ratings of which 41 were done in November, over all built-in categories
// and one of the owner's own. Times are Amsterdam wall-clock times. The hand-worked expected
// values are in golden.test.ts, next to the assertions.
import { TZDate } from '@date-fns/tz';
import type { Category, Rating, Va } from '@/lib/model';

export const AMS = 'Europe/Amsterdam';
const at = '2026-10-01T08:00:00.000Z';

/** `YYYY-MM-DD HH:mm` in Amsterdam → the UTC ISO text a rating stores. */
export function local(text: string, zone = AMS): string {
  const [y, mo, d, h, mi] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, zone).getTime()).toISOString();
}

export const vas: Va[] = [
  { id: 'va-sanne', name: 'Sanne', hourlyRate: 30, currency: 'EUR', identities: [], archived: false, createdAt: at, updatedAt: at },
  { id: 'va-joost', name: 'Joost', hourlyRate: 25, currency: 'EUR', identities: [], archived: false, createdAt: at, updatedAt: at },
  { id: 'va-zoe', name: 'Zoë', hourlyRate: null, currency: 'EUR', identities: [], archived: false, createdAt: at, updatedAt: at },
];

export const bookkeeping: Category = {
  id: 'bookkeeping', name: 'Bookkeeping', archived: false, updatedAt: at,
  counters: [{ id: 'receipts', label: 'Receipts filed' }, { id: 'reconciled', label: 'Accounts reconciled' }],
};

interface Row {
  est?: number | null; act?: number | null; q?: number | null; ef?: boolean | null; br?: boolean | null;
  rem?: number | null; fl?: boolean | null; pro?: boolean | null; due?: string | null; done?: string | null;
  counters?: Record<string, number>;
}

export function rating(id: string, vaId: string | null, category: string, row: Row): Rating {
  return {
    id: `trello:${id}`, platform: 'trello', taskId: id, vaId, category,
    estimateMinutes: row.est ?? null, actualMinutes: row.act ?? null, quality: row.q ?? null,
    errorFree: row.ef ?? null, followedBriefing: row.br ?? null, remindersNeeded: row.rem ?? null,
    delaysFlagged: row.fl ?? null, proactive: row.pro ?? null, note: '', counters: row.counters ?? {},
    // A due date of 10 characters is a whole local day; anything longer is a local time.
    dueAt: row.due == null ? null : row.due.length === 10 ? row.due : local(row.due),
    doneAt: row.done == null ? null : local(row.done),
    createdAt: at, updatedAt: at,
  };
}

const S = 'va-sanne', J = 'va-joost', Z = 'va-zoe';
const T = true, F = false;

export const ratings: Rating[] = [
  // Sanne: email and admin (and two "other"); rate €30/h.
  rating('A1', S, 'email', { est: 60, act: 60, q: 5, ef: T, br: T, rem: 0, pro: F, due: '2026-11-03', done: '2026-11-03 10:00', counters: { messagesHandled: 40, answeredIn24h: 36, handledCorrectly: 39 } }),
  rating('A2', S, 'email', { est: 60, act: 90, q: 4, ef: T, br: T, rem: 0, fl: T, pro: F, due: '2026-11-04', done: '2026-11-05 09:00', counters: { messagesHandled: 50, answeredIn24h: 40, handledCorrectly: 48 } }),
  rating('A3', S, 'email', { est: 30, act: 30, q: 4, ef: T, br: T, rem: 1, pro: F, due: '2026-11-06', done: '2026-11-06 16:00', counters: { messagesHandled: 20, answeredIn24h: 20, handledCorrectly: 20 } }),
  rating('A4', S, 'email', { est: 30, act: 20, q: 5, ef: T, br: T, rem: 0, pro: T, due: '2026-11-09', done: '2026-11-09 11:00', counters: { messagesHandled: 10, answeredIn24h: 10, handledCorrectly: 9 } }),
  rating('A5', S, 'email', { est: 45, act: 50, q: 4, ef: T, br: F, rem: 0, pro: F, due: null, done: '2026-11-10 14:00', counters: { messagesHandled: 30 } }),
  rating('A6', S, 'email', { est: 60, act: 130, q: 3, ef: F, br: T, rem: 2, fl: F, pro: F, due: '2026-11-12', done: '2026-11-12 17:00', counters: { messagesHandled: 30, answeredIn24h: 18, handledCorrectly: 25 } }),
  rating('A7', S, 'admin', { est: 120, act: 120, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-13', done: '2026-11-13 15:00', counters: { invoicesMade: 12, invoicesErrorFree: 12, toolsUpToDate: 1 } }),
  rating('A8', S, 'admin', { est: 60, act: 75, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-16', done: '2026-11-16 12:00', counters: { invoicesMade: 8, invoicesErrorFree: 6, toolsUpToDate: 1 } }),
  rating('A9', S, 'admin', { est: 90, act: 80, q: 5, ef: T, br: T, rem: 0, pro: T, due: '2026-11-18', done: '2026-11-18 10:00', counters: { toolsUpToDate: 0 } }),
  rating('A10', S, 'admin', { est: null, act: 45, q: 4, ef: T, br: T, rem: null, fl: T, pro: F, due: '2026-11-19', done: '2026-11-20 09:00', counters: { invoicesMade: 5, invoicesErrorFree: 5 } }),
  rating('A11', S, 'admin', { est: 0, act: 30, done: '2026-11-23 13:00' }),
  rating('A12', S, 'email', { est: 30, act: 30, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-24 17:00', done: '2026-11-24 16:30' }),
  rating('A13', S, 'email', { est: 30, act: 35, q: 4, ef: T, br: T, rem: 0, fl: F, pro: F, due: '2026-11-25', done: '2026-11-26 08:00', counters: { messagesHandled: 25, answeredIn24h: 25, handledCorrectly: 25 } }),
  rating('A14', S, 'other', { est: 60, act: 60, q: 5, ef: T, br: T, rem: 0, pro: T, due: '2026-11-27', done: '2026-11-27 12:00' }),
  rating('A15', S, 'other', { est: 30, act: null, q: 4, ef: T, br: null, rem: 0, pro: F, due: '2026-11-30', done: '2026-11-30 23:30' }),
  rating('A16', S, 'email', { est: 60, act: 30, q: 2, ef: F, br: F, rem: 3, pro: F, due: '2026-11-20', done: null, counters: { messagesHandled: 99, answeredIn24h: 0 } }),
  rating('A17', S, 'email', { est: 60, act: 60, q: 3, ef: T, br: T, rem: 0, pro: F, due: '2026-10-31', done: '2026-10-31 23:30' }),

  // Joost: social and creative; rate €25/h.
  rating('B1', J, 'social', { est: 60, act: 60, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-02', done: '2026-11-02 11:00', counters: { postsScheduled: 5, engagement: 120, newFollowers: 10 } }),
  rating('B2', J, 'social', { est: 60, act: 45, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-04', done: '2026-11-04 15:00', counters: { postsScheduled: 4, engagement: 80, newFollowers: 6 } }),
  rating('B3', J, 'social', { est: 60, act: 120, q: 3, ef: T, br: F, rem: 1, fl: T, pro: F, due: '2026-11-05', done: '2026-11-06 10:00', counters: { postsScheduled: 10, engagement: 150, newFollowers: 12 } }),
  rating('B4', J, 'social', { est: 30, act: 30, q: 4, ef: T, br: T, rem: 0, pro: T, due: '2026-11-09', done: '2026-11-09 09:30', counters: { postsScheduled: 3, engagement: 45, newFollowers: 2 } }),
  rating('B5', J, 'social', { est: 45, act: 60, q: 3, ef: F, br: T, rem: 1, fl: T, pro: F, due: '2026-11-11', done: '2026-11-11 18:00', counters: { postsScheduled: 5, engagement: 0, newFollowers: 0 } }),
  rating('B6', J, 'social', { est: 60, act: 60, q: 4, ef: T, br: T, rem: 0, pro: F, due: null, done: '2026-11-13 10:00', counters: { postsScheduled: 4 } }),
  rating('B7', J, 'creative', { est: 120, act: 180, q: 5, ef: T, br: T, rem: 0, fl: T, pro: T, due: '2026-11-17', done: '2026-11-16 16:00', counters: { ideasProposed: 6, ideasUsable: 4, independentProposals: 2 } }),
  rating('B8', J, 'creative', { est: 90, act: 60, q: 5, ef: T, br: T, rem: 0, pro: T, due: '2026-11-19', done: '2026-11-19 11:00', counters: { ideasProposed: 5, ideasUsable: 3, independentProposals: 1 } }),
  rating('B9', J, 'creative', { est: 60, act: 150, q: 2, ef: F, br: F, rem: 3, fl: F, pro: F, due: '2026-11-20', done: '2026-11-23 10:00', counters: { ideasProposed: 4, ideasUsable: 0, independentProposals: 0 } }),
  rating('B10', J, 'creative', { est: 60, act: 60, q: 4, ef: T, br: T, rem: 0, pro: T, due: '2026-11-24', done: '2026-11-24 14:00', counters: { ideasProposed: 3, ideasUsable: 3, independentProposals: 1 } }),
  rating('B11', J, 'social', { est: 30, act: 30, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-25', done: '2026-11-25 10:00', counters: { postsScheduled: 2, engagement: 30, newFollowers: 3 } }),
  rating('B12', J, 'social', { est: 30, act: 40, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-26', done: '2026-11-26 11:00' }),
  rating('B13', J, 'creative', { est: 60, act: 45, q: 4, ef: T, br: T, rem: 1, pro: F, due: '2026-11-27', done: '2026-11-27 15:00', counters: { ideasProposed: 2 } }),
  rating('B14', J, 'social', { est: 30, act: 30, q: 5, ef: T, br: T, rem: 0, pro: F, due: '2026-11-30', done: '2026-11-30 12:00', counters: { postsScheduled: 6, engagement: 90, newFollowers: 7 } }),
  rating('B15', J, 'social', { est: 60, q: 5, due: '2026-11-28', done: null, counters: { postsScheduled: 20 } }),
  rating('B16', J, 'creative', { est: 30, act: 300, q: 1, ef: F, due: '2026-11-30', done: '2026-12-01 00:30', counters: { ideasProposed: 10, ideasUsable: 10 } }),

  // Zoë: mostly "other" and the owner's own "bookkeeping"; no hourly rate known.
  rating('C1', Z, 'other', { est: 30, act: 45, q: 3, ef: T, due: '2026-11-02', done: '2026-11-03 09:00' }),
  rating('C2', Z, 'other', { est: 60, act: 50, done: '2026-11-05 10:00' }),
  rating('C3', Z, 'bookkeeping', { est: 45, act: 60, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-10', done: '2026-11-10 09:00', counters: { receipts: 30 } }),
  rating('C4', Z, 'bookkeeping', { est: 45, act: 45, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-17', done: '2026-11-17 09:00', counters: { receipts: 25 } }),
  rating('C5', Z, 'bookkeeping', { est: 60, act: 90, q: 3, ef: T, br: T, rem: 1, fl: T, pro: F, due: '2026-11-24', done: '2026-11-25 09:00' }),
  rating('C6', Z, 'email', { est: 20, act: 25, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-06', done: '2026-11-06 12:00' }),
  rating('C7', Z, 'admin', { est: 30, act: 30, q: 5, ef: T, br: T, rem: 0, pro: T, due: '2026-11-12', done: '2026-11-12 08:00' }),
  rating('C8', Z, 'other', { est: 40, act: 100, q: 2, ef: F, br: T, rem: 2, fl: F, pro: F, due: '2026-11-19', done: '2026-11-19 22:00' }),
  rating('C9', Z, 'other', { est: null, act: null, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-26', done: '2026-11-26 09:00' }),
  rating('C10', Z, 'admin', { est: 30, act: 24, q: 4, ef: T, br: T, rem: 0, pro: F, due: '2026-11-27 12:00', done: '2026-11-27 11:00' }),
  rating('C11', Z, 'other', { est: 15, act: 15, q: 5, ef: T, br: T, rem: 0, pro: T, due: '2026-11-30', done: '2026-11-30 10:00' }),
  rating('C12', Z, 'social', { est: 60, act: 80, q: 4, ef: T, br: T, rem: 0, fl: T, pro: F, due: '2026-11-20', done: '2026-11-20 10:00' }),

  // Rated but not assigned to any VA yet.
  rating('U1', null, 'email', { est: 30, act: 30, q: 4, done: '2026-11-18 10:00' }),
];
