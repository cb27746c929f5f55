import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  BOM, csvBlob, csvLines, formatNumber, neutraliseCell, resolveDelimiter, unneutraliseCell, csvFormat, yieldToEventLoop, type Delimiter,
} from '@/lib/files/csv';
import { formulaCellsInAnyReading, OTHER_SEPARATOR_TEXTS, spreadsheetRunsFormula, TRICKY_TEXTS } from '../../dataset';

const parse = (text: string, delimiter: string) => Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });

describe('formula injection', () => {
  it('neutralises every cell a spreadsheet would run, and only those', () => {
    for (const cell of ['=1+1', '+31 6', '-2 reminders', '@SUM(A1)', ' =spaced', "'=x", "''+x"]) {
      expect(spreadsheetRunsFormula(cell.replace(/^'+/, ''))).toBe(true);
      const safe = neutraliseCell(cell);
      expect(safe).toBe(`'${cell}`);
      expect(spreadsheetRunsFormula(safe)).toBe(false);
    }
    for (const cell of ['', 'plain', "'quoted", '12', '2026-11-03', ' spaced', 'a=b', '{"a":1}']) expect(neutraliseCell(cell)).toBe(cell);
  });

  it('counts invisible characters and quotes before = + - @ as leading, and a leading tab or CR', () => {
    for (const cell of ['\u00A0=1+1', '\uFEFF+1', '\u200B-1+1', '\u200C=1', '\u200D@x', '\u2060=1', '\u180E=1', '\u2003=1',
      '\u3000=1', '\u202F=1', '\u200B\u00A0 =1', '"=1', '\tplain', '\rplain']) {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    }
  });

  it('neutralises each part of a cell after a , ; tab or line break that could start a formula', () => {
    expect(neutraliseCell('hello;=HYPERLINK("https://evil.example","klik")')).toBe(`hello;'=HYPERLINK("https://evil.example","klik")`);
    expect(neutraliseCell('a, =1+1')).toBe("a,' =1+1");
    expect(neutraliseCell('x;"=1')).toBe(`x;'"=1`);
    expect(neutraliseCell('line\r\n-2+3')).toBe("line\r\n'-2+3");
    expect(neutraliseCell('\t=1+1')).toBe("'\t'=1+1");
    expect(neutraliseCell('=1;@x')).toBe("'=1;'@x");
    expect(neutraliseCell('a; b, c')).toBe('a; b, c');
  });

  it('leaves a plain negative number a number, but not a text that starts like one', () => {
    for (const cell of ['-5', '-0.25', '-0,2500', '-12,5']) expect(neutraliseCell(cell)).toBe(cell);
    for (const cell of ['-5 done', '-5+cmd', '-', '-1e5', '-0,25;=1']) expect(neutraliseCell(cell)).toMatch(/^'/);
    expect(unneutraliseCell("'-5")).toBe("'-5"); // someone's own apostrophe, not ours
  });

  it('undoes exactly what it added, so a round trip keeps the text', () => {
    for (const cell of [...TRICKY_TEXTS, ...OTHER_SEPARATOR_TEXTS, "'", "'=", "''=x", "' =x", "'hello", '=', '-', ' ',
      "'-5", "''-5", '-5', "a;'", "a;'b", "a,'=1", "'\t'=1", "\t'=1", "'\u00A0=1"]) {
      expect(unneutraliseCell(neutraliseCell(cell))).toBe(cell);
    }
  });

  it('for every short text of tricky characters, no part starts a formula and the text comes back', () => {
    const alphabet = ["'", '=', '-', '@', ';', ',', '\t', '\n', ' ', '"', '\u00A0', '\u200B', 'a', '1', '.'];
    let texts = [''];
    const lost: string[] = [];
    const runs: string[] = [];
    for (let length = 1; length <= 4; length++) {
      texts = texts.flatMap((text) => alphabet.map((c) => text + c));
      for (const text of texts) {
        const safe = neutraliseCell(text);
        if (unneutraliseCell(safe) !== text) lost.push(text);
        // Every part a reader could make a cell of, trimmed as a spreadsheet may trim it.
        for (const part of safe.split(/[,;\t\r\n]/)) {
          const lead = part.replace(/^[\s\u200B"]+/, '');
          if (/^[=+\-@]/.test(lead) && !/^-\d+(?:[.,]\d+)?$/.test(lead)) runs.push(text);
        }
      }
    }
    expect(lost).toEqual([]);
    expect(runs).toEqual([]);
  });
});

describe('opening the file with the other separator', () => {
  const rows = OTHER_SEPARATOR_TEXTS.map((text, i) => [text, String(i), text, '-0,25', text]);

  for (const delimiter of [',', ';'] as const) {
    it(`lets no cell start a formula whichever separator reads a ${delimiter} file, and reads back as written`, () => {
      const text = csvLines([['a', 'b', 'c', 'd', 'e'], ...rows], delimiter);
      expect(formulaCellsInAnyReading(text)).toEqual([]);
      const parsed = parse(text, delimiter);
      expect(parsed.errors).toEqual([]);
      expect(parsed.data.slice(1).map((r) => r.map(unneutraliseCell))).toEqual(rows);
    });
  }
});

describe('delimiter and numbers', () => {
  it('picks ; for Dutch and , otherwise, unless the user chose one', () => {
    expect(resolveDelimiter('auto', 'nl')).toBe(';');
    expect(resolveDelimiter('auto', 'en')).toBe(',');
    expect(resolveDelimiter(',', 'nl')).toBe(',');
    expect(resolveDelimiter(';', 'en')).toBe(';');
  });

  it('writes a decimal comma for semicolon files (Dutch Excel) and a point otherwise', () => {
    expect(formatNumber(1.5, csvFormat(';'))).toBe('1,5');
    expect(formatNumber(1.5, csvFormat(','))).toBe('1.5');
    expect(formatNumber(0.9, csvFormat(','), 4)).toBe('0.9000');
    expect(formatNumber(1e-7, csvFormat(','))).toBe('0');
    expect(formatNumber(null, csvFormat(','))).toBe('');
  });
});

describe('chunked CSV builder', () => {
  const header = ['a', 'b', 'c'];
  const rows = TRICKY_TEXTS.map((text, i) => [text, String(i), `${text}|${i}`]);
  /** The pieces the ratings export hands csvBlob: BOM + header, then a few rows at a time. */
  async function* chunks(delimiter: Delimiter, size: number) {
    yield BOM + csvLines([header], delimiter);
    for (let i = 0; i < rows.length; i += size) yield csvLines(rows.slice(i, i + size), delimiter);
  }

  for (const delimiter of [',', ';'] as const) {
    it(`writes RFC 4180 that papaparse reads back unchanged (delimiter ${delimiter})`, async () => {
      const blob = await csvBlob(chunks(delimiter, 4));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
      expect(blob.type).toBe('text/csv;charset=utf-8');
      const text = new TextDecoder().decode(bytes); // drops the BOM, as a spreadsheet does
      expect(text.split('\r\n')[0]).toBe(header.join(delimiter));
      const parsed = parse(text, delimiter);
      expect(parsed.errors).toEqual([]);
      expect(parsed.data).toEqual([header, ...rows.map((r) => r.map(neutraliseCell))]);
      expect(parsed.data.flat().filter(spreadsheetRunsFormula)).toEqual([]);
      expect(parsed.data.slice(1).map((r) => r.map(unneutraliseCell))).toEqual(rows);
    });
  }

  it('quotes as papaparse unparse does, and also a cell holding either separator or a tab', () => {
    const cells = [...TRICKY_TEXTS, ...OTHER_SEPARATOR_TEXTS, 'x,y', 'x;y', 'tab\tinside', 'trail ', ' lead', ' =lead', ' =x;y',
      ' =x ', '\uFEFFbom', '"', 'plain', '-0,25', '-5'];
    for (const delimiter of [',', ';'] as const) {
      const rows = [cells, ['', 'a', ''], [...cells].reverse()];
      const safe = rows.map((row) => row.map(neutraliseCell));
      const quotes = (cell: string) => /[,;\t]/.test(cell);
      expect(csvLines(rows, delimiter)).toBe(`${Papa.unparse(safe, { delimiter, newline: '\r\n', quotes })}\r\n`);
    }
  });

  it('hands the page back to the event loop where the export waits between pages', async () => {
    const events: string[] = [];
    setTimeout(() => events.push('timer'), 0);
    await yieldToEventLoop();
    events.push('after');
    // A timer queued before the wait ran during it: the page could paint and take input.
    expect(events).toEqual(['timer', 'after']);
  });
});
