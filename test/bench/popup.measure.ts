// `npm run bench`: how long the popup takes to show KPI cards with 50,000 ratings stored.
// Prints figures; asserts no times (speed is reported, not tested).
import { afterAll, expect, it } from 'vitest';
import { extensionUrl, launch, type Session } from '../e2e/harness';
import { makeRatings, seed } from '../e2e/seed';

let session: Session | undefined;
afterAll(() => session?.close());

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

it('popup with 50,000 ratings stored', async () => {
  session = await launch();
  const page = await session.context.newPage();
  await page.goto(extensionUrl(session, 'popup.html'));
  await page.getByTestId('popup-empty').waitFor();
  await seed(page, makeRatings(50_000, 20));

  const times: number[] = [];
  for (let run = 0; run < 12; run++) {
    await page.reload();
    await page.locator('[data-testid=va-kpis]').first().waitFor();
    // Time from navigation start to the first KPI card in the DOM, taken inside the page.
    times.push(await page.evaluate(() => performance.now()));
  }
  const cards = await page.locator('[data-testid=va-kpis]').count();
  expect(cards).toBe(20);
  console.log(`popup KPIs visible with 50,000 ratings, 20 VAs: median ${median(times).toFixed(0)} ms, p95 ${p95(times).toFixed(0)} ms (n=${times.length}, upper bound: includes page load)`);
});
