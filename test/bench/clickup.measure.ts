// `npm run bench`: the ClickUp content script's size, and how long after the task view enters the
// DOM (opened from the list, switched inside the kept modal, opened by URL on a fresh page) the
// panel of that task is there with its form rendered. Prints figures; asserts no times.
import os from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { launch, serveFixture, type Session } from '../e2e/harness';
import { record } from './results';
import { freshPageLatencies, recordPanelLatency, median, p95, panelLatencies, reportContentScriptSize, reportWhole } from './stats';

let session: Session | undefined;
afterAll(() => session?.close());

const OPENS = Number(process.env.OPENS ?? 40);
const LIST = 'https://app.clickup.com/9012345678/v/li/901200001111';
const TASKS = ['86c1abcd2', '86c1efgh5', '86c1ijkl9', '86c1mnop3'];

const report = (what: string, times: number[]) => console.log(
  `ClickUp panel with form after the task view ${what}: median ${median(times).toFixed(2)} ms, p95 ${p95(times).toFixed(2)} ms over ${times.length}`
  + ` (first ${times[0]!.toFixed(2)} ms, fastest ${Math.min(...times).toFixed(2)} ms); budget ≤ 3 ms median, ≤ 6 ms p95;`
  + ` load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
);

/**
 * The fixture marks when it inserts a task view or rewrites the kept one for the next task; the
 * panel of the task the view's id label shows counts.
 */
const timed = (page: Page) => recordPanelLatency(page, {
  marks: ['task-view-inserted', 'task-view-switched'],
  shown: { selector: '[data-test="cu-task-view-task-label__task-id"]', prefix: 'clickup:' }, everyChange: true,
});
const panelFor = (page: Page, id: string) => page.locator(`va-scorecard-panel[data-task="clickup:${id}"] form`).waitFor();

it('ClickUp content script size', () => {
  expect(reportContentScriptSize('clickup')).toBeGreaterThan(0);
});

it(`panel after the task view, opened from the list and switched in the modal, ${OPENS} times each`, async () => {
  session = await launch();
  await serveFixture(session, 'https://app.clickup.com/**', 'clickup/app.html');
  const page = await session.context.newPage();
  await timed(page);
  await page.goto(LIST);
  await page.locator('a.cu-task-row-main__link').first().waitFor();
  for (let i = 0; i < OPENS; i++) {
    await page.locator('a.cu-task-row-main__link').nth(i % TASKS.length).click();
    await panelFor(page, TASKS[i % TASKS.length]!);
    await page.locator('[data-test="task-view-header__close"]').click();
    await page.locator('.cu-task-view__container').waitFor({ state: 'detached' });
  }
  const opened = await panelLatencies(page);
  expect(opened).toHaveLength(OPENS);
  report('opened from the list (modal inserted)', opened);
  record({ measure: 'panel', platform: 'clickup', how: 'board', ms: opened });

  await page.locator('a.cu-task-row-main__link').first().click();
  await panelFor(page, TASKS[0]!);
  const before = (await panelLatencies(page)).length;
  for (let i = 1; i <= OPENS; i++) {
    await page.locator('[data-test="task-view-header__next"]').click();
    await panelFor(page, TASKS[i % TASKS.length]!);
  }
  const switched = (await panelLatencies(page)).slice(before);
  expect(switched).toHaveLength(OPENS);
  report('switched in the kept modal (contents rewritten)', switched);
  record({ measure: 'panel', platform: 'clickup', how: 'switch', ms: switched });
});

it(`panel after the task view, opened by URL on a fresh page, ${OPENS} times`, async () => {
  session ??= await launch();
  await serveFixture(session, 'https://app.clickup.com/**', 'clickup/app.html');
  const { ms: byUrl, wholeMs } = await freshPageLatencies(session, OPENS, timed, (i) => `https://app.clickup.com/t/${TASKS[i % TASKS.length]}`);
  report('opened by URL (fresh page, content script starting)', byUrl);
  reportWhole(wholeMs);
  record({ measure: 'panel', platform: 'clickup', how: 'url', ms: byUrl, wholeMs });
});
