// The one table `npm run bench` prints: every budget of the design ("Performance budgets") with its
// figure, its limit, the floor or baseline of the same run beside it, and met / not met. Pure: the
// measures' recorded figures in, rows out. A budget nobody recorded a figure for is "not measured".
import { PLATFORMS, type Platform } from '../../lib/platforms/registry'; // relative: the measure project has no @/ alias
import { median, p95 } from './stats';

/** What each measure records (test/bench/results.ts `record`), raw samples so medians are made here. */
export type Figure =
  | { measure: 'content-script'; platform: Platform; gzipBytes: number; rawBytes: number }
  /** `board`: opened from the board / list; `switch`: another task in the open view; `url`: a fresh page. */
  /** `wholeMs`: when the rest of the form (dates, ratings), drawn on the frame after, was in. */
  | { measure: 'panel'; platform: Platform; how: 'board' | 'switch' | 'url'; ms: number[]; wholeMs?: number[] }
  | { measure: 'observer'; page: 'board' | 'card'; withMs: number[]; withoutMs: number[]; sampledExtensionMs: number; sampledPageMs: number }
  | { measure: 'kpi'; medianMs: number; samples: number }
  | { measure: 'popup'; kpisMs: number[] }
  | { measure: 'export'; ms: number[]; floorMs: number[]; longestTaskMs: number; heapMb: number }
  | { measure: 'review'; agendaMs: number[]; trendsMs: number[]; vaListMs: number[] }
  | { measure: 'sync'; platform: Platform; fullRequests: number; pages: number; incrementalRequests: number; boards: number; peak: number; limit: number; windowMs: number };

export type Verdict = 'met' | 'not met' | 'not measured' | 'not judged';
export interface Row { budget: string; platform: string; figure: string; limit: string; beside: string; verdict: Verdict }

const CONTENT_SCRIPT_BYTES = 15 * 1024;
const PANEL_MEDIAN_MS = 3;
const PANEL_P95_MS = 6;
const OBSERVER_SHARE = 0.05;
const KPI_MS = 50;
const POPUP_MS = 150;
const EXPORT_FLOOR_RATIO = 1.3;
const EXPORT_TASK_MS = 50;
const REVIEW_MS = 300;
/** "pages + O(1)": read as at most this many requests beyond the pages. */
const SYNC_EXTRA_REQUESTS = 2;

const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number, digits = 0) => `${digits ? n.toFixed(digits) : int(n)} ms`;
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
const signed = (n: number) => `${n >= 0 ? '+' : ''}${pct(n)}`;
const timing = (xs: number[], digits = 0) => `median ${ms(median(xs), digits)}, p95 ${ms(p95(xs), digits)} (n=${xs.length})`;
const judged = (ok: boolean): Verdict => (ok ? 'met' : 'not met');

export function buildTable(figures: readonly Figure[]): Row[] {
  // The last record of a measure wins: a rerun of one measure replaces its figures.
  const last = <M extends Figure['measure']>(measure: M, match: (f: Extract<Figure, { measure: M }>) => boolean = () => true) =>
    figures.filter((f): f is Extract<Figure, { measure: M }> => f.measure === measure).filter(match).at(-1);
  const rows: Row[] = [];
  const row = (budget: string, platform: string, limit: string, found: Omit<Row, 'budget' | 'platform' | 'limit'> | undefined) =>
    rows.push({ budget, platform, limit, ...(found ?? { figure: 'not measured', beside: '—', verdict: 'not measured' }) });

  for (const p of PLATFORMS) {
    const f = last('content-script', (x) => x.platform === p);
    row('content script, gzip', p, `≤ ${int(CONTENT_SCRIPT_BYTES)} B (15 KB)`, f && {
      figure: `${int(f.gzipBytes)} B (${int(f.rawBytes)} B raw)`, beside: '—', verdict: judged(f.gzipBytes <= CONTENT_SCRIPT_BYTES),
    });
  }
  const panelLimit = `≤ ${PANEL_MEDIAN_MS} ms median, ≤ ${PANEL_P95_MS} ms p95`;
  const panelHow = { board: 'opened from the board', switch: 'switched in the open task view', url: 'opened by URL (fresh page)' } as const;
  for (const p of PLATFORMS) {
    for (const how of ['board', 'switch', 'url'] as const) {
      const f = last('panel', (x) => x.platform === p && x.how === how);
      if (how === 'switch' && !f) continue; // not every platform keeps its task view open between tasks
      row(`panel usable after the task view enters the DOM, ${panelHow[how]}`, p, panelLimit, f && {
        figure: timing(f.ms, 2),
        beside: f.wholeMs?.length ? `whole form (dates, ratings: next frame) median ${ms(median(f.wholeMs), 1)}` : '—',
        verdict: judged(median(f.ms) <= PANEL_MEDIAN_MS && p95(f.ms) <= PANEL_P95_MS),
      });
    }
  }
  for (const page of ['board', 'card'] as const) {
    const f = last('observer', (x) => x.page === page);
    const what = page === 'board' ? 'board' : 'card open over the board';
    // Judged on profiler samples (who ran), which machine load does not skew; the timed with /
    // without difference of the same run is shown beside it.
    const share = f && f.sampledExtensionMs / f.sampledPageMs;
    row(`page observer, 2,000-card board under churn (${what}): extra scripting`, '', `≤ ${pct(OBSERVER_SHARE)}`, f && {
      figure: `content script ${pct(share!)} of the page's own scripting (sampled)`,
      beside: `timed: ${ms(median(f.withoutMs), 1)} without, ${ms(median(f.withMs), 1)} with`
        + ` (${signed(median(f.withMs) / median(f.withoutMs) - 1)}, medians of ${f.withMs.length})`,
      verdict: judged(share! <= OBSERVER_SHARE),
    });
  }
  const kpi = last('kpi');
  row('KPIs for 100,000 ratings (pure function, Node)', '', `≤ ${ms(KPI_MS)}`, kpi && {
    figure: `median ${ms(kpi.medianMs, 1)} (n=${kpi.samples})`, beside: '—', verdict: judged(kpi.medianMs <= KPI_MS),
  });
  const popup = last('popup');
  row('popup shows KPIs with 50,000 ratings stored', '', `≤ ${ms(POPUP_MS)}`, popup && {
    figure: timing(popup.kpisMs), beside: '—', verdict: judged(median(popup.kpisMs) <= POPUP_MS),
  });
  const exp = last('export');
  const ratio = exp && median(exp.ms) / median(exp.floorMs);
  row('CSV export of 100,000 ratings against the floor (bare IndexedDB read, same run)', '', `≤ ${EXPORT_FLOOR_RATIO} × floor`, exp && {
    figure: `median ${ms(median(exp.ms))} (n=${exp.ms.length}), ${ratio!.toFixed(2)} × floor`,
    beside: `floor ${ms(median(exp.floorMs))} (median of ${exp.floorMs.length})`, verdict: judged(ratio! <= EXPORT_FLOOR_RATIO),
  });
  row('CSV export of 100,000 ratings: longest main-thread task', '', `≤ ${ms(EXPORT_TASK_MS)}`, exp && {
    figure: ms(exp.longestTaskMs), beside: '—', verdict: judged(exp.longestTaskMs <= EXPORT_TASK_MS),
  });
  // "Memory bounded" has no number; one size cannot show whether the heap grows with the count.
  row('CSV export of 100,000 ratings: memory', '', 'bounded', exp && {
    figure: `page JS heap peak +${exp.heapMb.toFixed(1)} MB (not the worker's)`, beside: '—', verdict: 'not judged',
  });
  const review = last('review');
  row('review agenda with 50,000 ratings stored', '', `≤ ${ms(REVIEW_MS)}`, review && {
    figure: timing(review.agendaMs), beside: `VA list (dashboard start) median ${ms(median(review.vaListMs))}`, verdict: judged(median(review.agendaMs) <= REVIEW_MS),
  });
  row('trends, five charts drawn, with 50,000 ratings stored', '', `≤ ${ms(REVIEW_MS)}`, review && {
    figure: timing(review.trendsMs), beside: `VA list (dashboard start) median ${ms(median(review.vaListMs))}`, verdict: judged(median(review.trendsMs) <= REVIEW_MS),
  });
  for (const p of PLATFORMS) {
    const f = last('sync', (x) => x.platform === p);
    row('full sync of a 10,000-task list: requests', p, `pages + O(1) (≤ pages + ${SYNC_EXTRA_REQUESTS})`, f && {
      figure: `${int(f.fullRequests)} requests`, beside: `${int(f.pages)} pages`, verdict: judged(f.fullRequests <= f.pages + SYNC_EXTRA_REQUESTS),
    });
    row('incremental sync with no changes: requests', p, '1 per board', f && {
      figure: `${int(f.incrementalRequests)} request${f.incrementalRequests === 1 ? '' : 's'}`, beside: `${f.boards} board${f.boards === 1 ? '' : 's'}`,
      verdict: judged(f.incrementalRequests <= f.boards),
    });
    row('sync never over the platform\'s rate limit', p, f ? `≤ ${int(f.limit)} per ${f.windowMs / 1000} s` : '≤ the limit per window', f && {
      figure: `peak ${int(f.peak)} requests per ${f.windowMs / 1000} s`, beside: '—', verdict: judged(f.peak <= f.limit),
    });
  }
  return rows;
}

/** The rows as one Markdown table: readable in a terminal, pasted as is into the README. */
export function formatTable(rows: readonly Row[]): string {
  const cells = (xs: string[]) => `| ${xs.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    cells(['budget', 'platform', 'figure', 'limit', 'beside it, same run', 'verdict']),
    `|${'---|'.repeat(6)}`,
    ...rows.map((r) => cells([r.budget, r.platform, r.figure, r.limit, r.beside, r.verdict])),
  ].join('\n') + '\n';
}
