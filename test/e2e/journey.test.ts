// The whole path an owner takes: rate a card on the board, see it in the popup, take it out as CSV.
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { extensionUrl, launch, openPage, serveFixture, type Session } from './harness';

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });

const panel = (page: Page, selector: string) => page.locator(`va-scorecard-panel ${selector}`);
const localNow = () => {
  const d = new Date(Date.now() - 60_000); // a minute ago: in this month, and not in the future
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

it('a card rated on Trello shows in the popup and in the exported CSV', async () => {
  session = await launch();
  await serveFixture(session, 'https://trello.com/**', 'trello/board.html');
  await session.context.route('https://trello.com/1/cards/**', (route) => route.fulfill({ status: 401, body: 'unauthorized' }));

  const board = await openPage(session, 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
  await panel(board, 'form').waitFor();
  await panel(board, '.map button').filter({ hasText: 'a new VA' }).click();
  await panel(board, '[name=estimateMinutes]').fill('60');
  await panel(board, '[name=actualMinutes]').fill('2h');
  await panel(board, '[name=quality][value="5"]').click();
  await panel(board, '[name=doneAt]').fill(localNow());
  await expect.poll(() => panel(board, '[data-testid=save-status]').textContent()).toBe('Saved');

  const popup = await openPage(session, extensionUrl(session, 'popup.html'));
  const card = popup.getByTestId('va-kpis');
  await expect.poll(() => card.locator('[data-kpi=estimateRatio] .kpi-value').textContent()).toBe('2×');
  expect(await card.locator('[data-kpi=qualityAvg] .kpi-value').textContent()).toBe('5');
  expect(await card.locator('[data-kpi=hoursFreed] .kpi-value').textContent()).toBe('2 h');
  expect(await card.getByRole('link', { name: 'Offertes opvolgen' }).getAttribute('href')).toBe('https://trello.com/c/AbCd1234');

  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Export ratings (CSV)' }).click(),
  ]);
  const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(data).toHaveLength(1);
  expect(data[0]).toMatchObject({
    platform: 'trello', taskId: 'AbCd1234', taskTitle: 'Offertes opvolgen', vaName: 'Sanne de Vries',
    estimateMinutes: '60', actualMinutes: '120', quality: '5',
  });
  expect(session.pageErrors).toEqual([]);
});
