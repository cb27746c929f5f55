// CSV writing shared by every export: RFC 4180, UTF-8 with BOM (so Excel picks UTF-8), CRLF,
// formula-injection neutralising, and a chunked builder that keeps the page responsive and
// memory bounded for 100,000 rows. Reading CSV (import, tests) uses papaparse.
import { uiLanguage } from '../text/i18n';
import type { Settings } from '../model';

export const BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';
export const CSV_MIME = 'text/csv;charset=utf-8';

export type Delimiter = ',' | ';';
/**
 * Dutch / Belgian Excel expects `;` because `,` is its decimal separator, so numbers written
 * for it use a decimal comma; a comma file keeps the decimal point.
 */
export interface CsvFormat { delimiter: Delimiter; decimal: '.' | ',' }

export function resolveDelimiter(setting: Settings['csvDelimiter'], lang: 'en' | 'nl' = uiLanguage()): Delimiter {
  if (setting === ',' || setting === ';') return setting;
  return lang === 'nl' ? ';' : ',';
}

export function csvFormat(delimiter: Delimiter): CsvFormat {
  return { delimiter, decimal: delimiter === ';' ? ',' : '.' };
}

// OWASP "CSV injection": a spreadsheet runs a cell starting with = + - @, and some drop
// leading whitespace and invisible characters first. A file may be opened with the other
// separator (a `,` file in Dutch Excel, a `;` file elsewhere) or as tab-separated, and a
// reader whose quotes get out of step with ours breaks rows at newlines inside cells: so any
// part of a cell after `,` `;` tab CR or LF can become a cell of its own. Each such part, and
// the cell's start, gets a `'` when it could start a formula; quote characters count as
// leading too, as a reader may drop them. Leading apostrophes are counted, so an
// already-escaped text gets one more and `unneutraliseCell` undoes exactly one per part:
// the round trip stays lossless.
const LEAD = '[\\0-\\x08\\x0B\\x0C\\x0E-\\x20\\x7F-\\xA0\\xAD\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u3000\\uFEFF"]';
// The start also counts a tab or CR of its own (OWASP), not only before a formula character.
const NEEDS_NEUTRALISING = new RegExp(`^'*${LEAD}*[=+\\-@\\t\\r]`);
const NEUTRALISED = new RegExp(`^'+${LEAD}*[=+\\-@\\t\\r]`);
const BREAK = /[,;\t\r\n]/;
const INNER = new RegExp(`([,;\\t\\r\\n])(?='*${LEAD}*[=+\\-@])`, 'g');
const INNER_NEUTRALISED = new RegExp(`([,;\\t\\r\\n])'(?='*${LEAD}*[=+\\-@])`, 'g');
// A plain negative number (-5, -0.25, -0,2500) is read as a number, not run: left as it is,
// a spreadsheet still sums it. Its parts after a decimal comma are digits, so never changed.
const PLAIN_NEGATIVE = /^-\d+(?:[.,]\d+)?$/;

/** Makes a cell inert for spreadsheets by a `'` before each part that could start a formula. */
export function neutraliseCell(value: string): string {
  const start = NEEDS_NEUTRALISING.test(value) && !PLAIN_NEGATIVE.test(value);
  const inner = BREAK.test(value) ? value.replace(INNER, "$1'") : value;
  return start ? `'${inner}` : inner;
}

/** Undoes `neutraliseCell` when reading our own (or an OWASP-escaped) CSV back. */
export function unneutraliseCell(value: string): string {
  if (!value.includes("'")) return value;
  // Inner parts first: the start's test then sees the text exactly as `neutraliseCell` did.
  const inner = BREAK.test(value) ? value.replace(INNER_NEUTRALISED, '$1') : value;
  return NEUTRALISED.test(inner) && !PLAIN_NEGATIVE.test(inner.slice(1)) ? inner.slice(1) : inner;
}

/** A number as CSV text in the file's decimal style; `decimals` fixes the places shown. */
export function formatNumber(value: number | null | undefined, format: CsvFormat, decimals?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  let text = decimals === undefined ? String(value) : value.toFixed(decimals);
  // String() switches to exponent notation for tiny values; spreadsheets then read text.
  if (text.includes('e')) text = value.toFixed(6).replace(/\.?0+$/, '');
  return format.decimal === ',' ? text.replace('.', ',') : text;
}

export function formatBoolean(value: boolean | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

// Quoting as papaparse's `unparse` does (a quote, CR, LF, BOM inside, or a space at either
// end) and also for either separator or a tab, whichever this file uses: a reader told to
// split on both (LibreOffice allows it) or on tabs keeps such a cell whole. A test holds this
// equal to `unparse`. Written by hand because `unparse` scans each cell about eight times:
// 2.8x slower on the 100,000-row export (bench figures).
const NEEDS_QUOTES = /["\r\n\uFEFF,;\t]|^ | $/;

/** One cell as CSV text: `neutraliseCell`, then quotes if needed; inlined so one scan serves both. */
function csvCell(value: string): string {
  // Most cells start with a letter or digit and hold nothing special: one char test and one
  // scan, no rewriting. Every leading-space, invisible, quote and formula character is <= 34,
  // one of ' + - = @, or >= 127.
  const first = value.charCodeAt(0);
  const suspect = first <= 34 || first === 39 || first === 43 || first === 45 || first === 61 || first === 64 || first >= 127;
  const special = NEEDS_QUOTES.test(value);
  if (!suspect && !special) return value;
  // Every separator or line break is one `special` already found. An added `'` changes the
  // need for quotes only when it goes in front of a leading space.
  let cell = special ? value.replace(INNER, "$1'") : value;
  if (suspect && NEEDS_NEUTRALISING.test(value) && !PLAIN_NEGATIVE.test(value)) {
    cell = `'${cell}`;
    if (special && first === 32) return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return special ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows as RFC 4180 text, each ending in CRLF; cells are neutralised here, once, for all. */
export function csvLines(rows: readonly (readonly string[])[], delimiter: Delimiter): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out += delimiter;
      out += csvCell(row[i]!);
    }
    out += CSV_NEWLINE;
  }
  return out;
}

/** A whole small CSV file (BOM, header, rows), e.g. the KPI summary. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[], delimiter: Delimiter): string {
  return BOM + csvLines([header, ...rows], delimiter);
}

/**
 * Lets the page paint and handle input between chunks. `scheduler.yield` (Chromium) resumes
 * ahead of other tasks; nested `setTimeout(0)` would be clamped to 4 ms per chunk.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Rows per text chunk of a large export: its string stays small (see `csvBlob`). */
export const TEXT_CHUNK_ROWS = 100;

/**
 * Collects CSV chunks into one Blob, memory bounded: each chunk is encoded as UTF-8 into one
 * reused 1 MB buffer, and every full buffer becomes a Blob part, whose bytes leave the JS heap
 * (the browser keeps blob data outside it). A Blob part per text chunk instead made V8 flatten
 * each chunk into a string of megabytes, which lives in the large-object space until a full
 * GC (in a profile of the 100,000-row export, GC took more main-thread time than reading).
 * Chunks end at row ends, so no surrogate pair is split.
 */
export async function csvBlob(chunks: AsyncIterable<string>): Promise<Blob> {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(1 << 20);
  const parts: Blob[] = [];
  let used = 0;
  const flush = () => {
    if (used > 0) parts.push(new Blob([buffer.subarray(0, used)])); // copies: the buffer is reused
    used = 0;
  };
  for await (const chunk of chunks) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (chunk.length * 3 > buffer.length - used) flush();
    if (chunk.length * 3 > buffer.length) parts.push(new Blob([chunk]));
    else used += encoder.encodeInto(chunk, buffer.subarray(used)).written;
  }
  flush();
  return new Blob(parts, { type: CSV_MIME });
}
