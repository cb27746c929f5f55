// The Scorecard panel on Trello, in real Chromium with the production build. Trello is the
// fixture app in test/fixtures/trello/, served at https://trello.com/ by request routing.
import { afterEach, describe, expect, it } from 'vitest';
import { expectPageNotRecognised, launch, serveFixture, type Session } from './harness';
import { CARD_A, closeCard, openByClick, openByUrl, panel, readAll, readRecord, SANNE_ID, saved, startTrello } from './trello-page';

// The extension APIs inside worker.evaluate (run in the service worker, not typed here).
declare const chrome: any;

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });
/** Trello with its REST read answering (or refusing); closed after each test. */
async function trello(api: 'works' | 'refuses' = 'works') {
  const started = await startTrello(api);
  session = started.session;
  return started;
}

describe('rating a Trello card', () => {
  it('keeps VA, estimate, actual and quality across a reload, shows the next card empty, and stores 90 minutes', async () => {
    const { session: s } = await trello();
    const page = await openByUrl(s, CARD_A);
    expect(await panel(page).count()).toBe(1);
    expect(await page.locator('[data-testid="card-back-name"] va-scorecard-panel').count()).toBe(1);

    // First time: the card member is not a VA yet; one click makes her one.
    await panel(page, '.map button', ).filter({ hasText: 'a new VA' }).click();
    await expect.poll(() => panel(page, 'select[name=vaId] option:checked').textContent()).toBe('Sanne de Vries');
    await panel(page, '[name=estimateMinutes]').fill('60');
    await panel(page, '[name=actualMinutes]').fill('1:30');
    await panel(page, '[name=quality][value="4"]').click();
    await saved(page);

    await page.reload();
    await panel(page, 'form').waitFor();
    await expect.poll(() => panel(page, '[name=estimateMinutes]').inputValue()).toBe('1:00');
    expect(await panel(page, '[name=actualMinutes]').inputValue()).toBe('1:30');
    expect(await panel(page, '[name=quality][value="4"]').isChecked()).toBe(true);
    expect(await panel(page, 'select[name=vaId] option:checked').textContent()).toBe('Sanne de Vries');

    await closeCard(page);
    expect(await panel(page).count()).toBe(0);
    await openByClick(page, 'Inbox opruimen');
    expect(await panel(page).count()).toBe(1);
    expect(await panel(page).getAttribute('data-task')).toBe('trello:EfGh5678');
    expect(await panel(page, '.task').textContent()).toBe('Inbox opruimen');
    await expect.poll(() => panel(page, '[name=estimateMinutes]').inputValue()).toBe('');
    expect(await panel(page, '[name=actualMinutes]').inputValue()).toBe('');
    expect(await panel(page, '[name=quality]:checked').count()).toBe(0);
    // Sanne is on this card too: the VA is proposed, not typed again.
    await expect.poll(() => panel(page, 'select[name=vaId] option:checked').textContent()).toBe('Sanne de Vries');

    const [va] = await readAll(s.worker, 'vas');
    expect(await readRecord(s.worker, 'ratings', 'trello:AbCd1234')).toMatchObject({
      vaId: va!.id, estimateMinutes: 60, actualMinutes: 90, quality: 4,
    });
    expect(await readRecord(s.worker, 'ratings', 'trello:EfGh5678')).toBeNull();
    expect(s.pageErrors).toEqual([]);
  });

  it('reads member ids and the due time over trello.com/1/cards with the session', async () => {
    const { session: s, apiCalls } = await trello('works');
    const page = await openByUrl(s, CARD_A);
    await panel(page, '.map button').filter({ hasText: 'a new VA' }).click();
    await saved(page);
    expect(apiCalls[0]).toMatch(/^https:\/\/trello\.com\/1\/cards\/AbCd1234\?fields=/);
    const [va] = await readAll(s.worker, 'vas');
    expect(va!.identities).toEqual([{ platform: 'trello', memberId: SANNE_ID, name: 'Sanne de Vries' }]);
    expect(await readRecord(s.worker, 'tasks', 'trello:AbCd1234')).toMatchObject({
      dueAt: '2026-11-30T16:00:00.000Z', assignees: [{ id: SANNE_ID, name: 'Sanne de Vries' }], board: 'Kantoor',
    });
  });

  it('falls back to the page when trello.com/1/cards refuses', async () => {
    const { session: s, apiCalls } = await trello('refuses');
    const page = await openByUrl(s, CARD_A);
    await panel(page, '.map button').filter({ hasText: 'a new VA' }).click();
    await saved(page);
    expect(apiCalls.length).toBeGreaterThan(0);
    const [va] = await readAll(s.worker, 'vas');
    expect(va!.identities).toEqual([{ platform: 'trello', memberId: null, name: 'Sanne de Vries' }]);
    expect(await readRecord(s.worker, 'tasks', 'trello:AbCd1234')).toMatchObject({
      title: 'Offertes opvolgen', dueAt: '2026-11-30', assignees: [{ id: null, name: 'Sanne de Vries' }],
    });
    expect(s.pageErrors).toEqual([]);
  });

  it('keeps a note typed just before the card is closed', async () => {
    const { session: s } = await trello();
    const page = await openByUrl(s, CARD_A);
    await panel(page, '[name=note]').fill('Nette mails');
    await closeCard(page); // within the autosave pause
    await openByClick(page, 'Offertes opvolgen');
    await expect.poll(() => panel(page, '[name=note]').inputValue()).toBe('Nette mails');
    expect((await readRecord(s.worker, 'ratings', 'trello:AbCd1234'))?.note).toBe('Nette mails');
  });

  it('keeps typing and clicks in the panel, despite the card dialog\'s focus lock and shortcuts', async () => {
    const { session: s } = await trello();
    const page = await openByUrl(s, CARD_A);
    const note = panel(page, '[name=note]');
    await note.click();
    await page.keyboard.type('Checked the design: all good, escalated nothing.');
    await page.keyboard.press('Escape');
    expect(await note.inputValue()).toBe('Checked the design: all good, escalated nothing.');
    expect(await note.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await panel(page, '[name=errorFree][value="true"]').click();
    await panel(page, '[name=estimateMinutes]').click();
    await page.keyboard.type('1.5h');
    expect(await page.locator('[data-testid="card-back-name"]').count()).toBe(1);
    expect(await page.evaluate(() => (window as any).__trelloShortcuts)).toEqual([]);
    expect(await page.evaluate(() => (window as any).__focusStolen ?? 0)).toBe(0);
    await saved(page);
    expect(await readRecord(s.worker, 'ratings', 'trello:AbCd1234')).toMatchObject({ errorFree: true, estimateMinutes: 90 });
  });

  it('sets quality with the keyboard', async () => {
    const { session: s } = await trello();
    const page = await openByUrl(s, CARD_A);
    await panel(page, '[name=quality][value="1"]').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await panel(page, '[name=quality]:checked').getAttribute('value')).toBe('3');
    await saved(page);
    expect((await readRecord(s.worker, 'ratings', 'trello:AbCd1234'))?.quality).toBe(3);
  });

  it('follows the browser\'s back and forward buttons between board and card', async () => {
    const { session: s } = await trello();
    const page = await s.context.newPage();
    await page.goto('https://trello.com/b/Qx7Kp2Lm/kantoor');
    await openByClick(page, 'Facturen maken');
    await closeCard(page);
    await page.goBack(); // to the card URL: the fixture reopens the dialog on popstate
    await expect.poll(() => panel(page).getAttribute('data-task')).toBe('trello:MnOp3456');
    await page.goForward(); // to the board
    await expect.poll(() => panel(page).count()).toBe(0);
    await page.goBack();
    await expect.poll(() => panel(page).getAttribute('data-task')).toBe('trello:MnOp3456');
    expect(await panel(page).count()).toBe(1);
  });

  it('stays collapsed across cards and reloads once collapsed', async () => {
    const { session: s } = await trello();
    const page = await openByUrl(s, CARD_A);
    await panel(page, 'button.toggle').click();
    expect(await panel(page, 'form').isHidden()).toBe(true);
    await closeCard(page);
    await openByClick(page, 'Inbox opruimen');
    expect(await panel(page, 'button.toggle').getAttribute('aria-expanded')).toBe('false');
    await page.reload();
    await panel(page, 'button.toggle').waitFor();
    expect(await panel(page, 'form').isHidden()).toBe(true);
    await panel(page, 'button.toggle').click();
    expect(await panel(page, 'form').isVisible()).toBe(true);
  });

  it('shows a title with markup as text', async () => {
    const { session: s } = await trello();
    const dialogs: string[] = [];
    s.context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); }));
    const page = await openByUrl(s, 'https://trello.com/c/IjKl9012/14-caf');
    expect(await panel(page, '.task').textContent()).toBe('<img src=x onerror=alert(1)> Café ☕ 日本語 “offerte” & <b>vet</b>');
    expect(await panel(page, 'img, b').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

describe('saving over time', () => {
  // A second sitting after a save and a reload is a shared journey (test/journeys/), in both browsers.
  it('two tabs on one card saving different fields keep both', async () => {
    const { session: s } = await trello();
    const first = await openByUrl(s, CARD_A);
    const second = await openByUrl(s, CARD_A);
    await panel(first, '[name=estimateMinutes]').fill('45');
    await saved(first);
    // The second tab loaded before that save and never saw it.
    await panel(second, '[name=remindersNeeded]').fill('2');
    await saved(second);
    expect(await readRecord(s.worker, 'ratings', 'trello:AbCd1234')).toMatchObject({ estimateMinutes: 45, remindersNeeded: 2 });

    await second.reload();
    await panel(second, 'form').waitFor();
    await expect.poll(() => panel(second, '[name=estimateMinutes]').inputValue()).toBe('0:45');
    expect(await panel(second, '[name=remindersNeeded]').inputValue()).toBe('2');
  });
});

describe('the timer', () => {
  it('keeps running across a reload and another card, with the minutes on the toolbar badge', async () => {
    const { session: s } = await trello();
    const page = await openByUrl(s, CARD_A);
    await panel(page, 'button.timer').click();
    await expect.poll(() => panel(page, 'button.timer').textContent()).toBe('Stop timer');
    await expect.poll(() => s.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('0m');

    await page.reload();
    await panel(page, 'form').waitFor();
    await expect.poll(() => panel(page, 'button.timer').textContent()).toBe('Stop timer');
    expect(await panel(page, '[data-testid=timer-elapsed]').textContent()).toMatch(/^Timer running: 0:\d\d$/);

    await closeCard(page);
    await openByClick(page, 'Inbox opruimen');
    await expect.poll(() => panel(page, 'section').textContent()).toContain('A timer runs on another card');
    expect(await panel(page, 'button.timer').textContent()).toBe('Start timer');
    expect(await s.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('0m');
  });

  it('adds the timed minutes to the actual time when stopped', async () => {
    const { session: s } = await trello();
    const page = await openByUrl(s, CARD_A);
    await panel(page, '[name=actualMinutes]').fill('30');
    await panel(page, 'button.timer').click();
    await expect.poll(() => panel(page, 'button.timer').textContent()).toBe('Stop timer');
    // Seven minutes ago, as far as the background is concerned.
    await s.worker.evaluate(async () => {
      const { timer } = await chrome.storage.local.get('timer') as { timer: { taskKey: string; startedAt: string } };
      await chrome.storage.local.set({ timer: { ...timer, startedAt: new Date(Date.now() - 7 * 60_000).toISOString() } });
    });
    await panel(page, 'button.timer').click();
    await expect.poll(() => panel(page, '[name=actualMinutes]').inputValue()).toBe('0:37');
    expect((await readRecord(s.worker, 'ratings', 'trello:AbCd1234'))?.actualMinutes).toBe(37);
    await expect.poll(() => s.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  });
});

describe('a Trello page we do not recognise', () => {
  it('raises no page error, injects nothing, and tells the popup', async () => {
    session = await launch();
    await serveFixture(session, 'https://trello.com/**', 'trello/changed.html');
    await expectPageNotRecognised(session, { url: CARD_A, view: '[data-testid="card-back-name"]', platform: 'trello', name: 'Trello' });
  });
});
