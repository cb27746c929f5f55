// `npm run bench`: how long the review page takes to show its agenda, and the trends section its
// five charts, with 50,000 ratings stored (20 VAs, evenly over 24 months). Prints figures;
// asserts no times.
import { afterAll, expect, it } from 'vitest';
import { extensionUrl, launch, type Session } from '../e2e/harness';
import { seed } from '../e2e/seed';
import { record } from './results';
import { median, p95 } from './stats';

let session: Session | undefined;
afterAll(() => session?.close());


it('review page and trends with 50,000 ratings stored', async () => {
  session = await launch();
  const page = await session.context.newPage();
  // Timestamps taken in the page from navigation start, when what the owner waits for is in the
  // DOM: the review's agenda with its KPI rows, or all five trend charts drawn. They leave as a
  // console message, so no Playwright script runs in the page while it loads (as popup.measure.ts).
  await page.addInitScript(() => {
    // The review shows its agenda first and its tasks still open right after: both are timed.
    let first = 0;
    const review = location.hash.startsWith('#review');
    const shown = () => (review ? document.querySelector('[data-testid=review-agenda] [data-kpi]') !== null
      : location.hash.startsWith('#trends') ? document.querySelectorAll('[data-testid=trend-charts] .uplot canvas').length === 5
      : document.querySelector('[data-testid=va-list] li') !== null);
    const done = () => !review || document.querySelector('[data-testid=review-open][aria-busy=false]') !== null;
    new MutationObserver((_, obs) => {
      if (!first && shown()) first = performance.now();
      if (first && done()) { obs.disconnect(); console.debug(`vasc-bench ${first} ${performance.now()}`); }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
  await page.goto(extensionUrl(session, 'dashboard.html'));
  await page.locator('main h2').waitFor();
  await seed(page, { count: 50_000, vaCount: 20, months: 24 });
  const month = new Date().toLocaleDateString('sv').slice(0, 7);

  const RUNS = Number(process.env.RUNS ?? 15);
  async function measure(hash: string, then: number[] = []): Promise<number[]> {
    const times: number[] = [];
    for (let run = 0; run < RUNS + 3; run++) {
      const shown = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('vasc-bench '), timeout: 60_000 });
      await page.goto('about:blank');
      await page.goto(extensionUrl(session!, `dashboard.html${hash}`));
      const [at, after] = (await shown).text().split(' ').slice(1).map(Number) as [number, number];
      if (run >= 3) { times.push(at); then.push(after); } // the first runs upgrade the database and warm the disk cache
    }
    return times;
  }
  // For scale: the dashboard's first section (the VA list) on the same database.
  const start = await measure('#vas');
  const open: number[] = [];
  const review = await measure(`#review?va=va-7&period=${month}`, open);
  expect(await page.locator('[data-testid=review-agenda] [data-kpi]').count()).toBeGreaterThan(0);
  const trends = await measure('#trends');
  expect(await page.locator('[data-testid=trend-table] tbody tr').count()).toBe(13);
  record({ measure: 'review', agendaMs: review, trendsMs: trends, vaListMs: start });
  console.log(`dashboard, 50,000 ratings / 20 VAs over 24 months, from navigation start (n=${review.length} each):`
    + ` VA list (the dashboard's start, for scale) median ${median(start).toFixed(0)} ms;`
    + ` review agenda shown median ${median(review).toFixed(0)} ms, p95 ${p95(review).toFixed(0)} ms,`
    + ` with its tasks still open median ${median(open).toFixed(0)} ms, p95 ${p95(open).toFixed(0)} ms;`
    + ` trends, 5 charts drawn, median ${median(trends).toFixed(0)} ms, p95 ${p95(trends).toFixed(0)} ms`);
});
