// The Trello fixture app and what the browser tests do on it: open cards, wait for saves, read
// the extension's database from its service worker.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { launch, panel, serveFixture } from './harness';

export { openByUrl, panel, readAll, readRecord, saved } from './harness';

export const CARD_A = 'https://trello.com/c/AbCd1234/12-offertes-opvolgen';
export const SANNE_ID = '5f0c1d2e3a4b5c6d7e8f9012';

/** What trello.com/1/cards/<shortLink> answers with the user's session, per card. */
const API_CARDS: Record<string, object> = {
  AbCd1234: {
    id: '6740a1b2c3d4e5f607182930', shortLink: 'AbCd1234', name: 'Offertes opvolgen', due: '2026-11-30T16:00:00.000Z',
    dueComplete: false, idMembers: [SANNE_ID], url: CARD_A,
    members: [{ id: SANNE_ID, fullName: 'Sanne de Vries', username: 'sannedevries' }], board: { id: 'b1', name: 'Kantoor' },
  },
  EfGh5678: {
    id: '6740a1b2c3d4e5f607182931', shortLink: 'EfGh5678', name: 'Inbox opruimen', due: null, dueComplete: false,
    idMembers: [SANNE_ID], url: 'https://trello.com/c/EfGh5678/13-inbox-opruimen',
    members: [{ id: SANNE_ID, fullName: 'Sanne de Vries', username: 'sannedevries' }], board: { id: 'b1', name: 'Kantoor' },
  },
};

/** Launches Chromium on the Trello fixture; the REST read of cards works or refuses. */
export async function startTrello(api: 'works' | 'refuses' = 'works') {
  const session = await launch();
  await serveFixture(session, 'https://trello.com/**', 'trello/board.html');
  const apiCalls: string[] = [];
  // Registered later, so it wins over the page route for the REST path.
  await session.context.route('https://trello.com/1/cards/**', (route) => {
    apiCalls.push(route.request().url());
    const shortLink = new URL(route.request().url()).pathname.split('/')[3]!;
    return api === 'works' && API_CARDS[shortLink]
      ? route.fulfill({ json: API_CARDS[shortLink] })
      : route.fulfill({ status: 401, contentType: 'text/plain', body: 'unauthorized card permission requested' });
  });
  return { session, apiCalls };
}


/** Opens a card from the board; with `key`, waits until the panel shows that task. */
export async function openByClick(page: Page, title: string, key?: string) {
  await page.locator('a[data-testid="card-name"]', { hasText: title }).click();
  if (key) await expect.poll(() => panel(page).getAttribute('data-task')).toBe(key);
  else await expect.poll(() => panel(page).getAttribute('data-task')).not.toBe(null);
}

export async function closeCard(page: Page) {
  await page.locator('[data-testid="card-back-close"]').click();
  await expect.poll(() => page.locator('[data-testid="card-back-name"]').count()).toBe(0);
}



