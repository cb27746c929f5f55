// CSV import of ratings kept in a spreadsheet before (or our own export): columns are mapped
// by header, every row is validated with the model's schemas, and nothing is written until
// the user confirms the preview; then one transaction writes VAs, tasks and ratings. Every
// line of the file ends up either in the preview's rows or in its problems, with its line number.
import { isValid, parseISO } from 'date-fns';
import Papa from 'papaparse';
import type { z } from 'zod';
import { db as defaultDb, type ScorecardDb } from '../db';
import { buildRecords, type ImportRow } from '../db/import';
import { BOM, unneutraliseCell, yieldToEventLoop } from './csv';
import { t } from '../text/i18n';
import { RATINGS_CSV_COLUMNS, type RatingsCsvColumn } from './export';
import { PLATFORMS, Rating, TaskRef, Va, nowIso, type Platform } from '../model';
import { platformOfUrl } from '../platforms/registry';

/** Friendlier spreadsheet headings accepted besides the export's own column names. */
const ALIASES: Record<string, RatingsCsvColumn> = {
  title: 'taskTitle', task: 'taskTitle', url: 'taskUrl', link: 'taskUrl', va: 'vaName',
  estimate: 'estimateMinutes', actual: 'actualMinutes', due: 'dueAt', duedate: 'dueAt',
  done: 'doneAt', donedate: 'doneAt', completed: 'doneAt', notes: 'note',
};

/** `Task Title`, `task_title` and `taskTitle` are the same column. */
const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/[\s_.-]+/g, '');
const HEADER_LOOKUP = new Map<string, RatingsCsvColumn>([
  ...RATINGS_CSV_COLUMNS.map((c) => [normaliseHeader(c), c] as const),
  ...Object.entries(ALIASES),
]);

export type { ImportRow, VaMatch } from '../db/import';

export interface ImportProblem {
  line: number;
  /** Set when the row runs over several lines (quoted line breaks): its last line. */
  lastLine?: number;
  reasons: string[];
}

/**
 * How the file's bytes were read. Excel on Windows saves "CSV" in Windows-1252, not UTF-8:
 * such a file is read as Windows-1252 and the preview says so, rather than turning ë into \uFFFD.
 */
export type ImportEncoding = 'utf-8' | 'utf-16' | 'windows-1252';

export interface ImportPreview {
  rows: ImportRow[];
  problems: ImportProblem[];
  /** Problems with the file as a whole (no header, missing columns): nothing can be imported. */
  fileProblems: string[];
  ignoredColumns: string[];
  newVaNames: string[];
  replacing: number;
  encoding: ImportEncoding;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'ja', 'j', 'waar', 'wahr', '1', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'nee', 'onwaar', 'falsch', '0']);

type Cell<T> = { value: T } | { error: string };

function parseBool(text: string): Cell<boolean | null> {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return { value: null };
  if (TRUE_WORDS.has(trimmed)) return { value: true };
  if (FALSE_WORDS.has(trimmed)) return { value: false };
  return { error: t('data_errNotBoolean', text) };
}

function parseNumber(text: string): Cell<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  // A decimal comma comes from Dutch spreadsheets; thousands separators are not guessed at.
  if (!/^-?\d+(?:[.,]\d+)?$/.test(trimmed)) return { error: t('data_errNotNumber', text) };
  // `1.000` is 1 with three decimals in one locale and a thousand in another: refuse to guess.
  if (/^-?[1-9]\d{0,2}[.,]\d{3}$/.test(trimmed)) {
    return { error: t('data_errAmbiguousNumber', [text.trim(), String(Number(trimmed.replace(',', '.'))), trimmed.replace(/[.,]/, '')]) };
  }
  return { value: Number(trimmed.replace(',', '.')) };
}

const ISO_START = /^\d{4}-\d{2}-\d{2}/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** ISO 8601; a date or time without an offset is local time, like the user's spreadsheet. */
function parseDate(text: string, keepDateOnly: boolean): Cell<string | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const date = ISO_START.test(trimmed) ? parseISO(trimmed) : new Date(NaN);
  if (!isValid(date)) return { error: t('data_errNotDate', text) };
  return { value: keepDateOnly && DATE_ONLY.test(trimmed) ? trimmed : date.toISOString() };
}

function parseCounters(text: string): Cell<Record<string, number>> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: {} };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (value && typeof value === 'object' && !Array.isArray(value)) return { value: value as Record<string, number> };
  } catch { /* reported below */ }
  return { error: t('data_errNotCounters', text) };
}

/** zod paths of the records, named as the file's columns. */
const COLUMN_OF_FIELD: Record<string, string> = { title: 'taskTitle', url: 'taskUrl', key: 'taskId', id: 'taskId' };

function reasonsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const field = i.path.length ? String(i.path[0]) : '';
    const column = COLUMN_OF_FIELD[field] ?? field;
    const rest = i.path.slice(1).map(String).join('.');
    return `${column}${rest ? `.${rest}` : ''}: ${i.message}`;
  });
}

export function decodeImportFile(bytes: ArrayBuffer | ArrayBufferView): { text: string; encoding: ImportEncoding } {
  const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = view.subarray(0, 2);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { text: new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), encoding: 'utf-16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Every byte is a character in Windows-1252, so this never fails and never invents U+FFFD.
    const text = new TextDecoder('windows-1252').decode(bytes).replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
    return { text, encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252's letters at 0x80–0x9F (€, ‘ ’, “ ”, Š, ž …). Browsers decode them; Node's
 * TextDecoder reads that label as Latin-1 and leaves control characters, so we map them here too.
 * Empty slots are bytes Windows-1252 leaves undefined.
 */
const CP1252_C1 = [...'€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ'];

/** Line numbers as an editor shows them: CRLF, LF and a lone CR (old Mac Excel) each end a line. */
function lineCounter(text: string) {
  let offset = 0;
  let line = 1;
  return (upTo: number) => {
    for (; offset < upTo; offset++) {
      const c = text.charCodeAt(offset);
      if (c === 10 || (c === 13 && text.charCodeAt(offset + 1) !== 10)) line++;
    }
    return line;
  };
}

/** Picks `,`, `;` or tab from the header line, which has no quoted delimiters in practice. */
function detectDelimiter(text: string): string {
  const first = text.slice(0, text.search(/[\r\n]|$/));
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** The header line's own line end, which papaparse then splits every record on. */
function detectNewline(text: string): '\n' | '\r\n' | '\r' {
  const at = text.search(/[\r\n]/);
  if (at === -1 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

/** Yields to the event loop once the current turn has worked for `budgetMs`, so the page stays responsive. */
function timeSlicer(budgetMs = 8) {
  let since = performance.now();
  return {
    due: () => performance.now() - since >= budgetMs,
    async yield() { await yieldToEventLoop(); since = performance.now(); },
  };
}

interface CsvRecord { line: number; lastLine: number; cells: string[]; error?: string }

/** Characters handed to papaparse at once: a few milliseconds of parsing. */
const PARSE_WINDOW = 1 << 18;
const LINE_BREAK = /[\r\n]/g;

/**
 * Splits the text into records with their line numbers, a window at a time so a large file does
 * not freeze the page. A record with a broken quote is reported on the line it starts on, and
 * reading goes on at the next line: an unterminated quote would otherwise make the rest of the
 * file one cell, and a stray one would swallow every line up to the next quote.
 */
async function readRecords(text: string, slicer: ReturnType<typeof timeSlicer>): Promise<CsvRecord[]> {
  const delimiter = detectDelimiter(text);
  const newline = detectNewline(text);
  const lineAt = lineCounter(text);
  const records: CsvRecord[] = [];
  let base = 0;
  let size = PARSE_WINDOW;
  while (base < text.length) {
    const end = Math.min(text.length, base + size);
    const final = end === text.length;
    const rows: { cells: string[]; end: number; quoteError: boolean }[] = [];
    // fastMode off: with no quote in the window it would split the whole text on every call.
    new Papa.Parser({
      delimiter, newline, fastMode: false,
      step: (r: Papa.ParseStepResult<string[][]>) => rows.push({ cells: r.data[0] ?? [], end: r.meta.cursor, quoteError: r.errors.length > 0 }),
    }).parse(text.slice(base, end), base, !final); // not final: the window's cut-off last record waits for the next
    if (rows.length === 0 && !final) { size *= 2; continue; } // one record longer than the window
    size = PARSE_WINDOW;

    let start = base;
    base = rows.at(-1)?.end ?? end;
    for (const row of rows) {
      const line = lineAt(start);
      const contentEnd = text.startsWith(newline, row.end - newline.length) ? row.end - newline.length : row.end;
      if (row.quoteError) {
        LINE_BREAK.lastIndex = start;
        const lineEnd = LINE_BREAK.exec(text)?.index ?? -1;
        if (lineEnd !== -1 && lineEnd < contentEnd) {
          records.push({ line, lastLine: line, cells: [], error: t('data_errQuote') });
          base = lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
          break;
        }
      }
      const lastLine = lineAt(contentEnd);
      start = row.end;
      if (row.cells.every((c) => c.trim() === '')) continue; // blank line
      records.push({ line, lastLine, cells: row.cells, ...(row.quoteError ? { error: t('data_errQuote') } : {}) });
    }
    if (slicer.due()) await slicer.yield();
  }
  return records;
}

/** Reads the file and checks every row; writes nothing. */
export async function previewImport(file: string | ArrayBuffer | ArrayBufferView, d: ScorecardDb = defaultDb): Promise<ImportPreview> {
  // A string is text already decoded (tests, a pasted file); bytes are decoded here.
  const decoded = typeof file === 'string' ? { text: file, encoding: 'utf-8' as const } : decodeImportFile(file);
  const text = decoded.text.startsWith(BOM) ? decoded.text.slice(BOM.length) : decoded.text;
  const preview: ImportPreview = {
    rows: [], problems: [], fileProblems: [], ignoredColumns: [], newVaNames: [], replacing: 0, encoding: decoded.encoding,
  };

  const slicer = timeSlicer();
  const records = await readRecords(text, slicer);
  const header = records.shift();
  if (!header) {
    preview.fileProblems.push(t('data_errFileEmpty'));
    return preview;
  }
  if (header.error) {
    preview.fileProblems.push(`${t('data_line', header.line)}: ${header.error}`);
    return preview;
  }
  const columns = header.cells.map((h) => HEADER_LOOKUP.get(normaliseHeader(h)) ?? null);
  preview.ignoredColumns = header.cells.filter((_, i) => columns[i] === null).map((h) => h.trim()).filter(Boolean);
  const duplicated = columns.filter((c, i) => c !== null && columns.indexOf(c) !== i);
  if (duplicated.length) preview.fileProblems.push(t('data_errDuplicateColumn', duplicated.join(', ')));
  const has = (c: RatingsCsvColumn) => columns.includes(c);
  if (!has('taskId')) preview.fileProblems.push(t('data_errNeedTaskId'));
  if (!has('platform') && !has('taskUrl')) preview.fileProblems.push(t('data_errNeedPlatform'));
  if (preview.fileProblems.length) return preview;
  const hasVaColumn = has('vaId') || has('vaName');

  const vas = await d.vas.toArray();
  const vaById = new Map(vas.map((v) => [v.id, v]));
  const vaByName = new Map(vas.map((v) => [v.name.trim().toLocaleLowerCase(), v]));

  // First pass: cells to typed values; the second checks the records against what is stored.
  const candidates: { row: ImportRow; lastLine: number; reasons: string[] }[] = [];
  const problem = (line: number, lastLine: number, reasons: string[]) => {
    preview.problems.push({ line, ...(lastLine > line ? { lastLine } : {}), reasons });
  };
  for (const record of records) {
    if (slicer.due()) await slicer.yield();
    const reasons: string[] = [];
    if (record.error) reasons.push(record.error);
    if (record.cells.length !== columns.length) {
      if (record.cells.length > 0) reasons.push(t('data_errCellCount', [record.cells.length, columns.length]));
      problem(record.line, record.lastLine, reasons);
      continue;
    }
    const cell = new Map<RatingsCsvColumn, string>();
    columns.forEach((c, i) => { if (c) cell.set(c, unneutraliseCell(record.cells[i] ?? '')); });
    const take = <T>(column: RatingsCsvColumn, parse: (text: string) => Cell<T>, apply: (value: T) => void) => {
      const text = cell.get(column);
      if (text === undefined) return;
      const parsed = parse(text);
      if ('error' in parsed) reasons.push(`${column}: ${parsed.error}`);
      else apply(parsed.value);
    };

    const url = cell.get('taskUrl')?.trim() ?? '';
    let platform = cell.get('platform')?.trim().toLowerCase() ?? '';
    // A link on another platform's host than the row's is refused by TaskRef's own check.
    if (!platform && url) platform = platformOfUrl(url) ?? '';
    if (!(PLATFORMS as readonly string[]).includes(platform)) {
      reasons.push(`platform: ${platform ? t('data_errPlatform', [platform, PLATFORMS.join(', ')]) : t('data_errMissing')}`);
    }
    const taskId = cell.get('taskId')?.trim() ?? '';
    if (!taskId) reasons.push(`taskId: ${t('data_errMissing')}`);
    // `a b` fails the key's pattern and an id like `<platform>:1` reads as another platform's key.
    else if (/[\s:]/.test(taskId)) reasons.push(`taskId: ${t('data_errTaskIdChars', taskId)}`);

    const row: ImportRow = {
      line: record.line, key: `${platform}:${taskId}`,
      task: { platform: platform as Platform, taskId }, rating: {},
      va: hasVaColumn ? { kind: 'none' } : { kind: 'keep' }, replaces: false,
    };
    if (cell.has('taskTitle')) row.task.title = cell.get('taskTitle')!; // as typed: spaces may matter to the owner
    if (url) row.task.url = url;
    take('dueAt', (v) => parseDate(v, true), (v) => { row.task.dueAt = v; });
    take('doneAt', (v) => parseDate(v, false), (v) => { row.task.doneAt = v; });
    take('category', (v) => ({ value: v.trim().toLowerCase() || 'other' }), (v) => { row.rating.category = v; });
    for (const c of ['estimateMinutes', 'actualMinutes', 'quality', 'remindersNeeded'] as const) {
      take(c, parseNumber, (v) => { row.rating[c] = v; });
    }
    for (const c of ['errorFree', 'followedBriefing', 'delaysFlagged', 'proactive'] as const) {
      take(c, parseBool, (v) => { row.rating[c] = v; });
    }
    take('note', (v) => ({ value: v }), (v) => { row.rating.note = v; });
    take('counters', parseCounters, (v) => { row.rating.counters = v; });

    // The VA: a known vaId wins, else the name (case-insensitive), else a new VA of that name.
    const vaId = cell.get('vaId')?.trim() ?? '';
    const vaName = cell.get('vaName')?.trim() ?? '';
    const byId = vaId ? vaById.get(vaId) : undefined;
    const byName = vaName ? vaByName.get(vaName.toLocaleLowerCase()) : undefined;
    if (byId) row.va = { kind: 'existing', id: byId.id, name: byId.name };
    else if (byName) row.va = { kind: 'existing', id: byName.id, name: byName.name };
    else if (vaName) {
      const name = Va.shape.name.safeParse(vaName);
      if (name.success) row.va = { kind: 'new', name: name.data };
      else reasons.push(`vaName: ${name.error.issues[0]?.message ?? ''}`);
    } else if (vaId) reasons.push(`vaId: ${t('data_errUnknownVaId', vaId)}`);
    candidates.push({ row, lastLine: record.lastLine, reasons });
  }

  const keys = candidates.map((c) => c.row.key);
  const [tasks, ratings] = await Promise.all([d.tasks.bulkGet(keys), d.ratings.bulkGet(keys)]);
  const firstLineOf = new Map<string, number>();
  const newVaNames = new Map<string, string>();
  const now = nowIso();
  for (const [i, { row, lastLine, reasons }] of candidates.entries()) {
    if (slicer.due()) await slicer.yield();
    if (reasons.length === 0) {
      const first = firstLineOf.get(row.key);
      if (first !== undefined) reasons.push(t('data_errDuplicateRow', [row.key, first]));
    }
    if (reasons.length === 0) {
      // Validate the records exactly as commit will build them, on top of what is stored.
      const vaId = row.va.kind === 'existing' ? row.va.id : row.va.kind === 'new' ? 'new-va' : null;
      const built = buildRecords(row, tasks[i], ratings[i], vaId, now);
      const taskResult = TaskRef.safeParse(built.task);
      const ratingResult = Rating.safeParse(built.rating);
      if (!taskResult.success) reasons.push(...reasonsOf(taskResult.error));
      if (!ratingResult.success) reasons.push(...reasonsOf(ratingResult.error));
    }
    if (reasons.length) {
      problem(row.line, lastLine, [...new Set(reasons)]);
      continue;
    }
    firstLineOf.set(row.key, row.line);
    row.replaces = ratings[i] !== undefined;
    if (row.replaces) preview.replacing++;
    if (row.va.kind === 'new') newVaNames.set(row.va.name.toLocaleLowerCase(), row.va.name);
    preview.rows.push(row);
  }
  preview.problems.sort((a, b) => a.line - b.line);
  preview.newVaNames = [...newVaNames.values()];
  return preview;
}
