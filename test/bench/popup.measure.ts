// `npm run bench`: how long the popup takes to show KPI cards with 50,000 ratings stored
// (20 VAs, evenly over 24 months), and the one-off upgrade that builds the popup's done-days copy
// when such a database comes from version 1. Prints figures; asserts no times.
import { afterAll, expect, it } from 'vitest';
import { extensionUrl, launch, type Session } from '../e2e/harness';
import { seed } from '../e2e/seed';

let session: Session | undefined;
afterAll(() => session?.close());

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => sorted(xs)[Math.ceil(xs.length * 0.95) - 1]!;

it('popup with 50,000 ratings stored', async () => {
  session = await launch();
  const page = await session.context.newPage();
  // Timestamps taken in the page, from navigation start, when the first KPI card and the
  // first change against the previous period enter the DOM.
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, number>;
    new MutationObserver((_, obs) => {
      if (!w.kpisAt && document.querySelector('[data-testid=va-kpis]')) w.kpisAt = performance.now();
      if (!w.deltaAt && document.querySelector('[data-testid=va-kpis] .delta')) { w.deltaAt = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(extensionUrl(session, 'popup.html'));
  await page.getByTestId('popup-empty').waitFor();
  await seed(page, { count: 50_000, vaCount: 20, months: 24 });

  let upgradeAt = 0;
  const kpis: number[] = [];
  const deltas: number[] = [];
  for (let run = 0; run < 15; run++) {
    await page.reload();
    await page.locator('[data-testid=va-kpis] .delta').first().waitFor();
    const { kpisAt, deltaAt } = await page.evaluate(() => {
      const w = window as unknown as Record<string, number>;
      return { kpisAt: w.kpisAt!, deltaAt: w.deltaAt! };
    });
    if (run === 0) upgradeAt = kpisAt;
    if (run >= 3) { kpis.push(kpisAt); deltas.push(deltaAt); } // the first runs warm the disk cache
  }
  expect(await page.locator('[data-testid=va-kpis]').count()).toBe(20);
  console.log(`popup, 50,000 ratings / 20 VAs, from navigation start (n=${kpis.length}):`
    + ` KPIs visible median ${median(kpis).toFixed(0)} ms, p95 ${p95(kpis).toFixed(0)} ms;`
    + ` with previous-period changes median ${median(deltas).toFixed(0)} ms, p95 ${p95(deltas).toFixed(0)} ms;`
    + ` first open after the update from version 1 (builds the done-days copy) ${upgradeAt.toFixed(0)} ms`);
});
