// The table `npm run bench` prints: every budget of the design with its figure, met / not met,
// and "not measured" where no measure recorded a figure (never a number made up).
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@/lib/platforms/registry';
import { buildTable, formatTable } from './table';

const rowsOf = (rows: ReturnType<typeof buildTable>, budget: RegExp, platform = '') =>
  rows.filter((r) => budget.test(r.budget) && r.platform === platform);
const only = (rows: ReturnType<typeof buildTable>, budget: RegExp, platform = '') => {
  const found = rowsOf(rows, budget, platform);
  expect(found, `${budget} ${platform}`).toHaveLength(1);
  return found[0]!;
};

describe('the bench table', () => {
  it('lists every budget, per platform where it applies, as not measured when nothing was recorded', () => {
    const rows = buildTable([]);
    for (const platform of PLATFORMS) {
      expect(only(rows, /content script/, platform).verdict).toBe('not measured');
      expect(only(rows, /panel.*from the board/, platform).verdict).toBe('not measured');
      expect(only(rows, /panel.*by URL/, platform).verdict).toBe('not measured');
      for (const sync of [/full sync/, /incremental/, /rate limit/]) expect(only(rows, sync, platform).verdict).toBe('not measured');
    }
    for (const budget of [/observer/, /KPIs for 100,000/, /popup/, /CSV export.*floor/, /longest main-thread task/, /review agenda/, /trends/]) {
      expect(rowsOf(rows, budget).length, String(budget)).toBeGreaterThan(0);
      for (const row of rowsOf(rows, budget)) expect(row.verdict).toBe('not measured');
    }
    for (const row of rows) {
      expect(row.figure).toBe('not measured');
      expect(row.limit).not.toBe('');
      expect(row.limit, row.budget).not.toMatch(/\b0 per\b/); // no made-up limit for a platform not measured
    }
  });

  it('judges content-script size against 15 KB gzip per platform', () => {
    const [small, big] = PLATFORMS;
    const rows = buildTable([
      { measure: 'content-script', platform: small, gzipBytes: 15_104, rawBytes: 50_000 },
      { measure: 'content-script', platform: big!, gzipBytes: 15_361, rawBytes: 51_000 },
    ]);
    expect(only(rows, /content script/, small)).toMatchObject({ verdict: 'met', figure: expect.stringContaining('15,104 B') });
    expect(only(rows, /content script/, big)).toMatchObject({ verdict: 'not met', figure: expect.stringContaining('15,361 B') });
    for (const other of PLATFORMS.slice(2)) expect(only(rows, /content script/, other).verdict).toBe('not measured');
  });

  it('judges panel latency on the median and the p95 of the recorded samples', () => {
    const [p] = PLATFORMS;
    const steady = [1, 1.5, 2, 2, 2.5, 2, 1.8, 2.2, 2.1, 1.9];
    const spiky = [1, 1.5, 2, 2, 2.5, 2, 1.8, 2.2, 2.1, 9];
    const rows = buildTable([
      { measure: 'panel', platform: p, how: 'board', ms: steady },
      { measure: 'panel', platform: p, how: 'url', ms: spiky },
    ]);
    const board = only(rows, /panel.*from the board/, p);
    expect(board.verdict).toBe('met');
    expect(board.figure).toContain('median 2.00 ms');
    expect(board.figure).toContain('p95 2.50 ms');
    expect(board.figure).toContain('n=10');
    const byUrl = only(rows, /panel.*by URL/, p);
    expect(byUrl.verdict).toBe('not met'); // median 2 ms is within, the p95 of 9 ms is not
    expect(byUrl.figure).toContain('p95 9.00 ms');
  });

  it('judges the export against the floor of the same run, and the longest task on its own', () => {
    const rows = buildTable([{ measure: 'export', ms: [2_700, 2_600, 2_500], floorMs: [1_170], longestTaskMs: 38, heapMb: 12 }]);
    const time = only(rows, /CSV export.*floor/);
    expect(time.verdict).toBe('not met'); // 2,600 ms median is 2.22 × the 1,170 ms floor
    expect(time.figure).toContain('2,600 ms');
    expect(time.figure).toContain('2.22 ×');
    expect(time.beside).toContain('1,170 ms');
    expect(only(rows, /longest main-thread task/).verdict).toBe('met');
    expect(buildTable([{ measure: 'export', ms: [1_400, 1_500, 1_450], floorMs: [1_200, 1_160, 1_180], longestTaskMs: 51, heapMb: 12 }])
      .filter((r) => /CSV export.*floor|longest/.test(r.budget)).map((r) => r.verdict)).toEqual(['met', 'not met']);
  });

  it('judges the popup, the review page, the KPI engine and the page observer on their medians', () => {
    const rows = buildTable([
      { measure: 'popup', kpisMs: [140, 160, 145, 150, 170] },
      { measure: 'review', agendaMs: [280, 290, 310], trendsMs: [320, 330, 305], vaListMs: [90, 95, 100] },
      { measure: 'kpi', medianMs: 51.3, samples: 60 },
      { measure: 'observer', page: 'board', withMs: [104, 103, 105], withoutMs: [100, 100, 101], sampledExtensionMs: 0.4, sampledPageMs: 100 },
    ]);
    expect(only(rows, /popup/)).toMatchObject({ verdict: 'met', figure: expect.stringContaining('median 150 ms') });
    expect(only(rows, /review agenda/)).toMatchObject({ verdict: 'met', beside: expect.stringContaining('95 ms') });
    expect(only(rows, /trends/).verdict).toBe('not met');
    expect(only(rows, /KPIs for 100,000/)).toMatchObject({ verdict: 'not met', figure: expect.stringContaining('51.3 ms') });
    const board = only(rows, /observer.*\(board\)/);
    expect(board.verdict).toBe('met'); // 0.4 % of the page's own scripting
    expect(board.beside).toContain('+4.0 %'); // the timed with / without difference, shown beside
    expect(only(rows, /observer.*card open/).verdict).toBe('not measured');
  });

  it('judges sync on requests against pages, one request per board, and the rate limit', () => {
    const [a, b, c] = PLATFORMS;
    const rows = buildTable([
      { measure: 'sync', platform: a, fullRequests: 12, pages: 11, incrementalRequests: 1, boards: 1, peak: 90, limit: 100, windowMs: 10_000 },
      { measure: 'sync', platform: b!, fullRequests: 200, pages: 100, incrementalRequests: 2, boards: 1, peak: 151, limit: 150, windowMs: 60_000 },
    ]);
    expect([/full sync/, /incremental/, /rate limit/].map((x) => only(rows, x, a).verdict)).toEqual(['met', 'met', 'met']);
    expect([/full sync/, /incremental/, /rate limit/].map((x) => only(rows, x, b).verdict)).toEqual(['not met', 'not met', 'not met']);
    if (c) expect(only(rows, /full sync/, c).verdict).toBe('not measured');
  });

  it('lets the last figure of a measure win when it was recorded twice', () => {
    const [p] = PLATFORMS;
    const rows = buildTable([
      { measure: 'content-script', platform: p, gzipBytes: 20_000, rawBytes: 1 },
      { measure: 'content-script', platform: p, gzipBytes: 14_000, rawBytes: 1 },
    ]);
    expect(only(rows, /content script/, p).verdict).toBe('met');
  });

  it('prints one Markdown table with a line per budget row', () => {
    const rows = buildTable([{ measure: 'popup', kpisMs: [120] }]);
    const lines = formatTable(rows).trim().split('\n');
    expect(lines[0]).toMatch(/^\| budget \| platform \| figure \| limit \| beside it, same run \| verdict \|$/);
    expect(lines[1]).toMatch(/^\|(---\|)+$/);
    expect(lines).toHaveLength(rows.length + 2);
    expect(lines.find((l) => l.includes('popup'))).toMatch(/\| met \|$/);
    expect(lines.filter((l) => l.endsWith('| not measured |')).length).toBe(rows.length - 1);
  });
});
