// The CSV exports: ratings joined with their task and VA (one row per rating), and the KPI
// summary (one row per VA and period) from rows the KPI engine has already computed.
import { Dexie, type Table } from 'dexie';
import { db as defaultDb, type ScorecardDb } from '../db';
import {
  BOM, csvBlob, csvFormat, csvLines, csvText, formatBoolean, formatNumber, TEXT_CHUNK_ROWS,
  yieldToEventLoop, type CsvFormat, type Delimiter,
} from './csv';
import { KPI_UNITS } from '../text/format';
import { KPI_NAMES, type KpiName } from '../model/constants';
import type { Rating, TaskRef, Va } from '../model';

/**
 * The ratings export's header (testing contract: the model's field names plus the task's).
 * Category counters travel in one `counters` column as compact JSON (`{"messagesHandled":40}`,
 * empty when none): the header stays the same for every category, so it is known before the
 * first row is read, and the CSV import reads it back as is.
 */
export const RATINGS_CSV_COLUMNS = [
  'platform', 'taskId', 'taskTitle', 'taskUrl', 'vaId', 'vaName', 'category', 'dueAt', 'doneAt',
  'estimateMinutes', 'actualMinutes', 'quality', 'errorFree', 'followedBriefing', 'remindersNeeded',
  'delaysFlagged', 'proactive', 'note', 'counters',
] as const;
export type RatingsCsvColumn = (typeof RATINGS_CSV_COLUMNS)[number];

/** Records per read of a large export (tuned in test/bench/export.measure.ts). */
export const EXPORT_PAGE_ROWS = 1_000;

/** Done date in [startIso, endIso) (either end may be open) and / or one VA. */
export interface RatingsFilter {
  startIso?: string | null;
  endIso?: string | null;
  vaId?: string | null;
}

export function ratingCsvCells(rating: Rating, task: TaskRef | undefined, va: Va | undefined, format: CsvFormat): string[] {
  const counters = Object.keys(rating.counters).length ? JSON.stringify(rating.counters) : '';
  return [
    rating.platform, rating.taskId, task?.title ?? '', task?.url ?? '', rating.vaId ?? '', va?.name ?? '',
    rating.category, rating.dueAt ?? '', rating.doneAt ?? '',
    formatNumber(rating.estimateMinutes, format), formatNumber(rating.actualMinutes, format),
    formatNumber(rating.quality, format), formatBoolean(rating.errorFree), formatBoolean(rating.followedBriefing),
    formatNumber(rating.remindersNeeded, format), formatBoolean(rating.delaysFlagged), formatBoolean(rating.proactive),
    rating.note, counters,
  ];
}

/** A page of ratings with their tasks (undefined where the task was never stored). */
export interface RatingPage { ratings: Rating[]; tasks: (TaskRef | undefined)[] }

/**
 * A table's records in primary-key order, `pageSize` at a time, with the next page always
 * asked for before this one is handed out: the database reads while the caller works, and at
 * most two pages are held. Each page is its own read transaction (one closes when the caller
 * yields to the event loop).
 */
async function* keyOrderedPages<T, I>(table: Table<T, string, I>, keyOf: (record: T) => string, pageSize: number): AsyncGenerator<T[]> {
  const read = (after: string | null) => (after === null
    ? table.orderBy(':id').limit(pageSize).toArray()
    : table.where(':id').above(after).limit(pageSize).toArray());
  let next: Promise<T[]> | null = read(null);
  while (next) {
    const page: T[] = await next;
    if (page.length === 0) return;
    next = page.length < pageSize ? null : read(keyOf(page[page.length - 1]!));
    next?.catch(() => {}); // a consumer that stops early must not leave an unhandled rejection
    yield page;
  }
}

/**
 * Ratings matching the filter with their tasks, page by page, so memory stays bounded.
 * Without a period both tables are walked in primary-key order side by side (a rating's id
 * is its task's key) and merged like two sorted lists: no read or lookup per row, and both
 * tables are read ahead while a page is written. Tasks without a rating (seen or synced but
 * never rated) are skipped, so the two walks drift apart across pages. With a period the
 * `doneAt` (or `[vaId+doneAt]`) index gives the keys, in done order, and records are fetched per page.
 */
export async function* ratingPages(filter: RatingsFilter, d: ScorecardDb = defaultDb, pageSize = EXPORT_PAGE_ROWS): AsyncGenerator<RatingPage> {
  const { startIso, endIso, vaId } = filter;
  if (startIso || endIso) {
    const lower = startIso || Dexie.minKey;
    const upper = endIso || Dexie.maxKey;
    const keys = vaId
      ? await d.ratings.where('[vaId+doneAt]').between([vaId, lower], [vaId, upper], true, false).primaryKeys()
      : await d.ratings.where('doneAt').between(lower, upper, true, false).primaryKeys();
    for (let i = 0; i < keys.length; i += pageSize) {
      const pageKeys = keys.slice(i, i + pageSize);
      const [ratings, tasks] = await Promise.all([d.ratings.bulkGet(pageKeys), d.tasks.bulkGet(pageKeys)]);
      const kept = ratings.flatMap((r, j) => (r ? [[r, tasks[j]] as const] : [])); // deleted since the keys were read
      yield { ratings: kept.map(([r]) => r), tasks: kept.map(([, t]) => t) };
    }
    return;
  }
  const ratingsOf = keyOrderedPages(d.ratings, (r) => r.id, pageSize);
  const tasksOf = keyOrderedPages(d.tasks, (t) => t.key, pageSize);
  let taskPage: TaskRef[] = [];
  let t = 0;
  let tasksDone = false;
  try {
    // Start the tasks' first read now, not when the first rating needs it.
    let firstTasks: Promise<IteratorResult<TaskRef[]>> | null = tasksOf.next();
    for await (const page of ratingsOf) {
      const ratings = vaId ? page.filter((r) => r.vaId === vaId) : page;
      const tasks: (TaskRef | undefined)[] = new Array(ratings.length);
      for (let i = 0; i < ratings.length; i++) {
        const id = ratings[i]!.id;
        for (;;) {
          while (t < taskPage.length && taskPage[t]!.key < id) t++;
          if (t < taskPage.length || tasksDone) break;
          const step: IteratorResult<TaskRef[]> = await (firstTasks ?? tasksOf.next());
          firstTasks = null;
          if (step.done) tasksDone = true;
          else { taskPage = step.value; t = 0; }
        }
        tasks[i] = t < taskPage.length && taskPage[t]!.key === id ? taskPage[t] : undefined;
      }
      yield { ratings, tasks };
    }
  } finally {
    await tasksOf.return(undefined);
  }
}

export interface RatingsExportOptions {
  delimiter: Delimiter;
  pageSize?: number;
  /** Rows written so far, after each page: for a progress line. */
  onProgress?: (rows: number) => void;
  /** False where nothing else waits for this thread (a worker): no turn handed back per page. */
  yieldPerPage?: boolean;
}

/**
 * The ratings CSV as text chunks (BOM + header first), joined with tasks and VAs per page.
 * A page is written in pieces of `TEXT_CHUNK_ROWS` rows, each a string small enough to stay
 * out of V8's large-object space (see `csvBlob`), and the page is then handed back to the
 * event loop once, so the UI keeps painting and reacting.
 */
export async function* ratingsCsvChunks(filter: RatingsFilter, options: RatingsExportOptions, d: ScorecardDb = defaultDb): AsyncGenerator<string> {
  const { delimiter } = options;
  const format = csvFormat(delimiter);
  // All VAs, archived too: old ratings keep their VA's name.
  const vas = new Map((await d.vas.toArray()).map((va) => [va.id, va]));
  yield BOM + csvLines([RATINGS_CSV_COLUMNS], delimiter);
  let rows = 0;
  for await (const { ratings, tasks } of ratingPages(filter, d, options.pageSize)) {
    for (let i = 0; i < ratings.length; i += TEXT_CHUNK_ROWS) {
      const end = Math.min(i + TEXT_CHUNK_ROWS, ratings.length);
      const batch: string[][] = [];
      for (let j = i; j < end; j++) {
        const r = ratings[j]!;
        batch.push(ratingCsvCells(r, tasks[j], r.vaId ? vas.get(r.vaId) : undefined, format));
      }
      yield csvLines(batch, delimiter);
    }
    rows += ratings.length;
    options.onProgress?.(rows);
    if (options.yieldPerPage !== false) await yieldToEventLoop();
  }
}

/** Builds the ratings CSV file; `rows` lets the UI say "no ratings match" instead of saving an empty file. */
export async function exportRatingsCsv(filter: RatingsFilter, options: RatingsExportOptions, d: ScorecardDb = defaultDb): Promise<{ blob: Blob; rows: number }> {
  let rows = 0;
  const blob = await csvBlob(ratingsCsvChunks(filter, {
    ...options,
    onProgress: (n) => { rows = n; options.onProgress?.(n); },
  }, d));
  return { blob, rows };
}

/** One VA and period with the KPI engine's results; `null` (or missing) = no data. */
export interface KpiSummaryRow {
  vaName: string;
  periodStart: string;
  periodEnd: string;
  kpis: Partial<Record<KpiName, number | null>>;
}

export const KPI_SUMMARY_COLUMNS = ['vaName', 'periodStart', 'periodEnd', ...KPI_NAMES] as const;


/** Counts as integers, money with cents, rates / ratios / averages / hours with 4 decimals. */
export function formatKpi(name: KpiName, value: number | null | undefined, format: CsvFormat): string {
  if (value === null || value === undefined) return '';
  const unit = KPI_UNITS[name];
  if (unit === 'count' && Number.isInteger(value)) return formatNumber(value, format);
  return formatNumber(value, format, unit === 'money' ? 2 : 4);
}

/** The KPI summary as a whole CSV file (BOM, header, one row per VA and period). */
export function kpiSummaryCsv(rows: readonly KpiSummaryRow[], options: { delimiter: Delimiter }): string {
  const format = csvFormat(options.delimiter);
  return csvText(KPI_SUMMARY_COLUMNS, rows.map((row) => [
    row.vaName, row.periodStart, row.periodEnd, ...KPI_NAMES.map((k) => formatKpi(k, row.kpis[k], format)),
  ]), options.delimiter);
}
