// A realistic, deterministic data set for the export / backup / import tests: several VAs (one
// archived), tasks on all three platforms, open and done ratings, missing answers, counters,
// and the texts that break CSV writers: quotes, newlines, delimiters, unicode, formula starts.
import Papa from 'papaparse';
import type { Category, ImpactEntry, Rating, Review, Target, TaskRef, Va } from '@/lib/model';
import type { ScorecardDb } from '@/lib/db';

export const TRICKY_TEXTS = [
  'Offerte "Q4" verstuurd, klant blij',
  'Regel één\nRegel twee\r\nRegel drie',
  'a;b;c — puntkomma\'s',
  'Zoë, Ōtsuka & 王小明 👍',
  '=HYPERLINK("https://evil.example","klik")',
  '+31 6 12345678',
  '-2 reminders?',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '\'=already escaped',
  '  spaces around  ',
  '',
];

/**
 * How a spreadsheet decides a cell is a formula (Excel, LibreOffice, Sheets): it starts with
 * = + - @ once leading tab / CR / LF / spaces are dropped. A cell starting with ' is text.
 */
export const spreadsheetRunsFormula = (cell: string) => /^[=+\-@]/.test(cell.replace(/^[\t\r\n ]+/, ''));

/**
 * Texts that start a formula once the file is opened with the other separator, as
 * tab-separated, or by a reader whose quotes got out of step (a newline then ends the row),
 * or once leading invisible characters are dropped.
 */
export const OTHER_SEPARATOR_TEXTS = [
  'hello;=HYPERLINK("https://evil.example","klik")', 'a,=1+1', 'a, =1+1', 'x;"=cmd|\' /C calc\'!A0"', 'a;""=1',
  'tab\t@SUM(A1)', 'line\n=1+1', 'line\r\n-2+3', 'cr\r+1', ';=1', ',@x', 'a;;=1', "a;'=1", "a;''=1", '1;-5',
  '\u00A0=1+1', '\uFEFF=1+1', '\u200B@x', '\u200C-1+1', '\u200D+1', '\u2060=1', '\u180E=1', '\u2003=1', '\u3000=1',
  '\u202F=1', 'a;\u00A0=1', 'a,\u200B\u200B=1', 'a;\u3000-1+1', '"=1', '-5 done',
];

// Whitespace, control and invisible characters a spreadsheet may drop before looking at a
// cell, and quote characters a reader out of step with the file's quoting leaves in.
const LEADING = /^[\s\0-\x1F\x7F-\xA0\xAD\u180E\u200B-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF"]+/;

/**
 * The cells that would start a formula when `text` is opened with `,`, with `;` or as
 * tab-separated (papaparse), or split at every separator and line break ignoring quotes.
 * A plain negative number (-5, -0,25) is read as a number, not run, so it is not counted.
 */
export function formulaCellsInAnyReading(text: string): string[] {
  const cells = [',', ';', '\t'].flatMap((delimiter) => Papa.parse<string[]>(text, { delimiter }).data.flat());
  cells.push(...text.split(/[,;\t\r\n]/));
  return cells.filter((cell) => {
    const lead = cell.replace(LEADING, '');
    return /^[=+\-@]/.test(lead) && !/^-\d+(?:[.,]\d+)?$/.test(lead);
  });
}

const iso = (day: number, hour = 10) => new Date(Date.UTC(2026, 9, 1 + day, hour, 15)).toISOString();
const PLATFORM_URL = {
  trello: (id: string) => `https://trello.com/c/${id}/offerte`,
  asana: (id: string) => `https://app.asana.com/0/120000/${id}`,
  clickup: (id: string) => `https://app.clickup.com/t/${id}`,
} as const;
const PLATFORMS = ['trello', 'asana', 'clickup'] as const;
const CATEGORIES = ['email', 'social', 'admin', 'creative', 'other', 'bookkeeping'];

export function realisticData() {
  const created = iso(0, 8);
  const vas: Va[] = [
    { id: 'va-sanne', name: 'Sanne de Vries', hourlyRate: 32.5, currency: 'EUR', identities: [{ platform: 'trello', memberId: 'm1', name: 'Sanne' }], archived: false, createdAt: created, updatedAt: created },
    { id: 'va-zoe', name: 'Zoë Ōtsuka', hourlyRate: null, currency: 'USD', identities: [], archived: false, createdAt: created, updatedAt: iso(3) },
    { id: 'va-old', name: 'Piet "de oude" Jansen', hourlyRate: 25, currency: 'EUR', identities: [], archived: true, createdAt: created, updatedAt: iso(5) },
    { id: 'va-eq', name: '=cmd|\' /C calc\'!A0', hourlyRate: 18, currency: 'EUR', identities: [], archived: false, createdAt: created, updatedAt: created },
  ];
  const tasks: TaskRef[] = [];
  const ratings: Rating[] = [];
  for (let i = 0; i < 60; i++) {
    const platform = PLATFORMS[i % 3]!;
    const taskId = `${platform.slice(0, 2)}${1000 + i}`;
    const key = `${platform}:${taskId}`;
    const open = i % 10 === 9;
    const doneAt = open ? null : iso(i % 45, 9 + (i % 8));
    const dueAt = i % 4 === 0 ? null : i % 4 === 1 ? `2026-10-${String(1 + (i % 28)).padStart(2, '0')}` : iso(i % 40, 17);
    tasks.push({
      key, platform, taskId, title: TRICKY_TEXTS[i % TRICKY_TEXTS.length] || `Taak ${i}`, url: PLATFORM_URL[platform](taskId),
      board: i % 2 ? 'Kantoor' : null, assignees: i % 3 ? [{ id: `m${i % 4}`, name: 'Sanne' }] : [],
      dueAt, doneAt, nativeEstimateMinutes: i % 5 === 0 ? 45 : null, nativeTrackedMinutes: null, updatedAt: iso(i % 45, 20),
    });
    if (i >= 55) continue; // a few tasks were seen but never rated
    const va = i % 7 === 6 ? null : vas[i % vas.length]!;
    ratings.push({
      id: key, platform, taskId, vaId: va?.id ?? null, category: CATEGORIES[i % CATEGORIES.length]!,
      estimateMinutes: i % 6 === 5 ? null : 30 + (i % 5) * 15,
      actualMinutes: i % 8 === 7 ? null : i % 3 === 0 ? 22.5 + i : 20 + i * 3,
      quality: i % 9 === 8 ? null : 1 + (i % 5),
      errorFree: i % 5 === 4 ? null : i % 3 !== 0,
      followedBriefing: i % 6 === 3 ? null : i % 4 !== 1,
      remindersNeeded: i % 7 === 3 ? null : i % 3,
      delaysFlagged: i % 2 ? null : i % 4 === 0,
      proactive: i % 11 === 0 ? true : i % 5 === 2 ? null : false,
      note: TRICKY_TEXTS[(i * 5) % TRICKY_TEXTS.length]!,
      counters: i % 4 === 0 ? { messagesHandled: 40 + i, answeredIn24h: 38 } : i % 4 === 1 ? { ideasProposed: 2.5 } : {},
      dueAt, doneAt, createdAt: iso(i % 45, 7), updatedAt: iso(i % 45, 21),
    });
  }
  const reviews: Review[] = [{
    id: 'rev-1', vaId: 'va-sanne', periodStart: '2026-09-30T22:00:00.000Z', periodEnd: '2026-10-31T23:00:00.000Z',
    answers: { wentWell: 'Inbox zero, "elke" dag', couldBeBetter: 'Facturen\nop tijd', kpisMet: 'ja', needFromVa: '', supportForVa: '' },
    vaExperience: { involved: 4, heard: 5, challenged: null }, proactivity: { answer: true, what: 'Sjabloon voor offertes' },
    communicationScore: 4, peaceOfMindScore: null, meetingInputScore: null, notes: '', nextCheckIn: '2026-11-06T09:00:00.000Z', createdAt: iso(30), updatedAt: iso(31),
  }];
  const impact: ImpactEntry[] = [
    { id: 'imp-1', metric: 'Offertes verstuurd', unit: '', month: '2026-09', value: 8, updatedAt: iso(1) },
    { id: 'imp-2', metric: 'Offertes verstuurd', unit: '', month: '2026-10', value: 12, updatedAt: iso(31) },
    { id: 'imp-3', metric: 'Uren aan nieuw aanbod', unit: '', month: '2026-10', value: 6.5, updatedAt: iso(31) },
  ];
  const targets: Target[] = [
    { id: 't-1', kpi: 'onTimeRate', scope: { kind: 'global' }, op: '>=', value: 0.9, updatedAt: iso(2) },
    { id: 't-2', kpi: 'estimateRatio', scope: { kind: 'va', vaId: 'va-zoe' }, op: '<=', value: 1.2, updatedAt: iso(2) },
    { id: 't-3', kpi: 'qualityAvg', scope: { kind: 'category', category: 'bookkeeping' }, op: '>=', value: 4, updatedAt: iso(2) },
  ];
  const categories: Category[] = [
    { id: 'bookkeeping', name: 'Boekhouding', counters: [{ id: 'receipts', label: 'Bonnetjes verwerkt' }], archived: false, updatedAt: iso(1) },
  ];
  return { vas, tasks, ratings, reviews, impact, targets, categories };
}

export type DataSet = ReturnType<typeof realisticData>;

export async function seedDb(d: ScorecardDb, data: DataSet = realisticData()): Promise<DataSet> {
  await d.transaction('rw', d.tables, async () => {
    await d.vas.bulkPut(data.vas); await d.tasks.bulkPut(data.tasks); await d.ratings.bulkPut(data.ratings);
    await d.reviews.bulkPut(data.reviews); await d.impact.bulkPut(data.impact); await d.targets.bulkPut(data.targets);
    await d.categories.bulkPut(data.categories);
  });
  return data;
}
