// `npm run bench`: the CSV export of 100,000 ratings in Node, to see where its time goes (the
// budget, 1.3 × the bare IndexedDB read, is judged in Chromium by export.measure.ts):
// (1) the chunked builder alone, from in-memory records; (2) the full export reading
// fake-indexeddb page by page. Figures are reported, never asserted.
import { bench, describe } from 'vitest';
import { BOM, csvBlob, csvFormat, csvLines, TEXT_CHUNK_ROWS } from '@/lib/files/csv';
import { ScorecardDb } from '@/lib/db';
import { exportRatingsCsv, RATINGS_CSV_COLUMNS, ratingCsvCells } from '@/lib/files/export';
import type { Rating, TaskRef, Va } from '@/lib/model';

const COUNT = 100_000;
const NOTES = ['', 'Nette mails, "snel"', 'Twee\nregels', 'a;b', '=1+1', 'Zoë 👍'];

function makeData(count: number) {
  const at = '2026-10-01T08:00:00.000Z';
  const vas: Va[] = Array.from({ length: 20 }, (_, i) => ({
    id: `va-${i}`, name: `VA ${i}`, hourlyRate: 25, currency: 'EUR', identities: [], archived: false, createdAt: at, updatedAt: at,
  }));
  const tasks: TaskRef[] = [];
  const ratings: Rating[] = [];
  for (let i = 0; i < count; i++) {
    const key = `trello:card${i}`;
    const doneAt = new Date(Date.UTC(2024, 0, 1) + i * 600_000).toISOString();
    tasks.push({ key, platform: 'trello', taskId: `card${i}`, title: `Card ${i} ${NOTES[i % NOTES.length]}`, url: `https://trello.com/c/card${i}`,
      board: 'Kantoor', assignees: [], dueAt: '2026-10-02', doneAt, nativeEstimateMinutes: null, nativeTrackedMinutes: null, updatedAt: at });
    ratings.push({ id: key, platform: 'trello', taskId: `card${i}`, vaId: vas[i % 20]!.id, category: 'email',
      estimateMinutes: 30 + (i % 8) * 15, actualMinutes: 20 + (i % 50), quality: 1 + (i % 5), errorFree: i % 7 !== 0,
      followedBriefing: true, remindersNeeded: i % 3, delaysFlagged: null, proactive: i % 11 === 0,
      note: NOTES[i % NOTES.length]!, counters: i % 4 ? {} : { messagesHandled: 40 }, dueAt: '2026-10-02', doneAt, createdAt: at, updatedAt: at });
  }
  return { vas, tasks, ratings };
}

const data = makeData(COUNT);
const vaById = new Map(data.vas.map((v) => [v.id, v]));
const taskByKey = new Map(data.tasks.map((t) => [t.key, t]));
const format = csvFormat(',');

async function buildInMemory() {
  // Same path as the export: record → cells → CSV text per TEXT_CHUNK_ROWS rows → the Blob's buffer.
  const chunks = (async function* () {
    yield BOM + csvLines([RATINGS_CSV_COLUMNS], ',');
    for (let i = 0; i < data.ratings.length; i += TEXT_CHUNK_ROWS) {
      const batch = data.ratings.slice(i, i + TEXT_CHUNK_ROWS);
      yield csvLines(batch.map((r) => ratingCsvCells(r, taskByKey.get(r.id), vaById.get(r.vaId!), format)), ',');
    }
  })();
  return csvBlob(chunks);
}

let db: ScorecardDb | null = null;
async function seeded() {
  if (db) return db;
  const d = new ScorecardDb(`bench-${crypto.randomUUID()}`);
  const started = performance.now();
  await d.transaction('rw', d.vas, d.tasks, d.ratings, async () => {
    await d.vas.bulkPut(data.vas); await d.tasks.bulkPut(data.tasks); await d.ratings.bulkPut(data.ratings);
  });
  console.log(`seeded fake-indexeddb with ${COUNT} ratings + tasks in ${(performance.now() - started).toFixed(0)} ms`);
  db = d;
  return d;
}

/** One run outside the bench loop to report size and JS heap growth while building. */
async function reportMemory(label: string, run: () => Promise<Blob>) {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 1);
  const blob = await run();
  clearInterval(timer);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(`${label}: ${mb(blob.size)} MB CSV; JS heap peak +${mb(peak - before)} MB over the start (blob bytes live outside the heap)`);
}

describe(`CSV export of ${COUNT.toLocaleString('en')} ratings`, () => {
  bench('chunked builder alone (in-memory records → Blob)', async () => { await buildInMemory(); }, {
    iterations: 5, time: 0, setup: async (_task, mode) => { if (mode === 'warmup') await reportMemory('builder alone', buildInMemory); },
  });

  bench('full export from IndexedDB (fake-indexeddb, paged reads + join + build)', async () => {
    await exportRatingsCsv({}, { delimiter: ',' }, await seeded());
  }, {
    iterations: 3, time: 0, warmupIterations: 1,
    setup: async (_task, mode) => {
      const d = await seeded();
      if (mode === 'warmup') await reportMemory('export from IndexedDB', async () => (await exportRatingsCsv({}, { delimiter: ',' }, d)).blob);
    },
  });
});
