import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  batchesOf, csvBlob, csvChunks, csvLines, formatNumber, neutraliseCell, resolveDelimiter, unneutraliseCell, csvFormat,
} from '@/lib/csv';
import { spreadsheetRunsFormula, TRICKY_TEXTS } from '../dataset';

const parse = (text: string, delimiter: string) => Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });

describe('formula injection', () => {
  it('neutralises every cell a spreadsheet would run, and only those', () => {
    for (const cell of ['=1+1', '+31 6', '-2', '@SUM(A1)', '\t=1+1', '\r=1+1', ' =spaced', '\n@x', "'=x", "''+x"]) {
      expect(spreadsheetRunsFormula(cell.replace(/^'+/, ''))).toBe(true);
      const safe = neutraliseCell(cell);
      expect(safe).toBe(`'${cell}`);
      expect(spreadsheetRunsFormula(safe)).toBe(false);
    }
    for (const cell of ['', 'plain', "'quoted", '12', '2026-11-03', ' spaced', 'a=b', '{"a":1}']) expect(neutraliseCell(cell)).toBe(cell);
  });

  it('undoes exactly what it added, so a round trip keeps the text', () => {
    for (const cell of [...TRICKY_TEXTS, "'", "'=", "''=x", "' =x", "'hello", '=', '-', ' ']) {
      expect(unneutraliseCell(neutraliseCell(cell))).toBe(cell);
    }
  });
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

  for (const delimiter of [',', ';'] as const) {
    it(`writes RFC 4180 that papaparse reads back unchanged (delimiter ${delimiter})`, async () => {
      const blob = await csvBlob(csvChunks(header, batchesOf(rows, 4), delimiter));
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

  it('quotes exactly as papaparse unparse does', () => {
    const cells = [...TRICKY_TEXTS, 'x,y', 'x;y', 'tab\tinside', 'trail ', ' lead', '\uFEFFbom', '"', 'plain'];
    for (const delimiter of [',', ';'] as const) {
      const rows = [cells, ['', 'a', ''], [...cells].reverse()];
      const safe = rows.map((row) => row.map(neutraliseCell));
      expect(csvLines(rows, delimiter)).toBe(`${Papa.unparse(safe, { delimiter, newline: '\r\n' })}\r\n`);
    }
  });

  it('hands the page back to the event loop between batches', async () => {
    const events: string[] = [];
    let batch = 0;
    for await (const _chunk of csvChunks(header, batchesOf(rows, 2), ',')) {
      events.push(`chunk${batch++}`);
      if (batch === 2) setTimeout(() => events.push('timer'), 0);
    }
    // A timer queued while building ran before the last batch was written.
    expect(events.indexOf('timer')).toBeGreaterThan(0);
    expect(events.indexOf('timer')).toBeLessThan(events.length - 1);
  });
});
