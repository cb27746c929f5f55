// The Scorecard panel on ClickUp, in real Chromium with the production build. ClickUp is the
// fixture app in test/fixtures/clickup/, served at https://app.clickup.com/ by request routing.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expectPageNotRecognised, launch, readAll, readRecord, serveFixture, type Session, openByUrl, panel, saved } from './harness';

declare const chrome: any;

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });

const LIST = 'https://app.clickup.com/9012345678/v/li/901200001111';
const TASK_A = 'https://app.clickup.com/t/86c1abcd2';

async function clickup(file = 'clickup/app.html') {
  session = await launch();
  await serveFixture(session, 'https://app.clickup.com/**', file);
  return session;
}
async function openFromList(page: Page, title: string, key: string) {
  await page.locator('a.cu-task-row-main__link', { hasText: title }).click();
  await expect.poll(() => panel(page).getAttribute('data-task')).toBe(key);
}
async function nextTask(page: Page, key: string) {
  await page.locator('[data-test="task-view-header__next"]').click();
  await expect.poll(() => panel(page).getAttribute('data-task')).toBe(key);
}

describe('rating a ClickUp task', () => {
  it('rates a task in the modal over the list, switches to the next task in the same modal, and keeps both across a reload', async () => {
    const s = await clickup();
    const page = await s.context.newPage();
    await page.goto(LIST);
    await openFromList(page, 'Offertes opvolgen', 'clickup:86c1abcd2');
    expect(await page.locator('.cu-modal .cu-task-view__container va-scorecard-panel').count()).toBe(1);
    await panel(page, '.map button').filter({ hasText: 'a new VA' }).click();
    await expect.poll(() => panel(page, 'select[name=vaId] option:checked').textContent()).toBe('Sanne de Vries');
    await panel(page, '[name=actualMinutes]').fill('1:10');
    await panel(page, '[name=quality][value="4"]').click();
    await saved(page);

    // The modal stays; its contents become the next task's. The panel follows, empty for it.
    await nextTask(page, 'clickup:86c1efgh5');
    expect(await page.locator('va-scorecard-panel').count()).toBe(1);
    expect(await panel(page, '.task').textContent()).toBe('Inbox opruimen');
    await expect.poll(() => panel(page, '[name=actualMinutes]').inputValue()).toBe('');
    expect(await panel(page, '[name=quality]:checked').count()).toBe(0);
    await panel(page, '[name=note]').fill('Alles beantwoord');
    await saved(page);

    await page.reload(); // now the full-page task of the second one
    await panel(page, 'form').waitFor();
    expect(await page.locator('main .cu-task-view__container va-scorecard-panel').count()).toBe(1);
    await expect.poll(() => panel(page, '[name=note]').inputValue()).toBe('Alles beantwoord');
    expect(await panel(page, '[name=actualMinutes]').inputValue()).toBe('');

    const first = await openByUrl(s, TASK_A);
    await expect.poll(() => panel(first, '[name=actualMinutes]').inputValue()).toBe('1:10');
    expect(await panel(first, '[name=quality][value="4"]').isChecked()).toBe(true);

    const [va] = await readAll(s.worker, 'vas');
    expect(va!.identities).toEqual([{ platform: 'clickup', memberId: null, name: 'Sanne de Vries' }]);
    expect(await readRecord(s.worker, 'ratings', 'clickup:86c1abcd2')).toMatchObject({ vaId: va!.id, actualMinutes: 70, quality: 4, note: '' });
    expect(await readRecord(s.worker, 'ratings', 'clickup:86c1efgh5')).toMatchObject({ vaId: va!.id, actualMinutes: null, quality: null, note: 'Alles beantwoord' });
    expect(await readRecord(s.worker, 'tasks', 'clickup:86c1abcd2')).toMatchObject({
      title: 'Offertes opvolgen', board: 'Klanten', dueAt: '2026-11-30', nativeEstimateMinutes: 150, url: TASK_A,
    });
    expect(s.pageErrors).toEqual([]);
  });

  it('proposes ClickUp\'s estimate and tracked time, takes one with a click, and never replaces a typed value', async () => {
    const s = await clickup();
    const page = await openByUrl(s, 'https://app.clickup.com/t/86c1efgh5');
    const offers = panel(page, 'button.proposed');
    await expect.poll(() => offers.allTextContents()).toEqual(['Use 0:45 from the board', 'Use 0:20 from the board']);
    expect(await panel(page, '[name=estimateMinutes]').inputValue()).toBe('');
    await offers.first().click();
    expect(await panel(page, '[name=estimateMinutes]').inputValue()).toBe('0:45');
    await panel(page, '[name=actualMinutes]').fill('35');
    await saved(page);
    expect(await offers.count()).toBe(0);
    expect(await readRecord(s.worker, 'ratings', 'clickup:86c1efgh5')).toMatchObject({ estimateMinutes: 45, actualMinutes: 35 });

    await page.reload();
    await panel(page, 'form').waitFor();
    await expect.poll(() => panel(page, '[name=actualMinutes]').inputValue()).toBe('0:35');
    expect(await panel(page, '[name=estimateMinutes]').inputValue()).toBe('0:45');
    expect(await offers.count()).toBe(0);
  });

  it('keys a task opened by its custom id by the real task id, with its closed status as done', async () => {
    const s = await clickup();
    const page = await openByUrl(s, 'https://app.clickup.com/t/9012345678/DEV-42');
    expect(await panel(page).getAttribute('data-task')).toBe('clickup:86c1mnop3');
    expect(await panel(page, '[name=doneAt]').inputValue()).not.toBe('');
    await expect.poll(() => panel(page, 'button.proposed').allTextContents()).toEqual(['Use 3:00 from the board', 'Use 2:30 from the board']);
    await panel(page, 'button.proposed').last().click();
    await saved(page);
    const rating = await readRecord(s.worker, 'ratings', 'clickup:86c1mnop3');
    expect(rating).toMatchObject({ taskId: '86c1mnop3', actualMinutes: 150, estimateMinutes: null });
    expect(Date.parse(rating!.doneAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await readRecord(s.worker, 'tasks', 'clickup:86c1mnop3')).toMatchObject({ url: 'https://app.clickup.com/t/86c1mnop3', nativeTrackedMinutes: 150 });
    expect((await readAll(s.worker, 'ratings')).map((r) => r.id)).toEqual(['clickup:86c1mnop3']);

    // The same task by its real id shows the same rating.
    const byId = await openByUrl(s, 'https://app.clickup.com/t/86c1mnop3');
    await expect.poll(() => panel(byId, '[name=actualMinutes]').inputValue()).toBe('2:30');
  });

  it('keeps typing in the panel despite ClickUp\'s shortcuts, and Escape does not close the task', async () => {
    const s = await clickup();
    const page = await s.context.newPage();
    await page.goto(LIST);
    await openFromList(page, 'Offertes opvolgen', 'clickup:86c1abcd2');
    await panel(page, '[name=note]').click();
    await page.keyboard.type('Klant gebeld, offerte verstuurd.');
    await page.keyboard.press('Escape');
    expect(await panel(page, '[name=note]').inputValue()).toBe('Klant gebeld, offerte verstuurd.');
    await panel(page, '[name=quality][value="1"]').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await panel(page, '[name=quality]:checked').getAttribute('value')).toBe('2');
    expect(await page.locator('.cu-modal').count()).toBe(1);
    expect(await page.evaluate(() => (window as any).__clickupShortcuts)).toEqual([]);
    await saved(page);
    expect(await readRecord(s.worker, 'ratings', 'clickup:86c1abcd2')).toMatchObject({ note: 'Klant gebeld, offerte verstuurd.', quality: 2 });
  });

  it('shows a title with markup as text and follows ClickUp\'s dark theme', async () => {
    const s = await clickup();
    const dialogs: string[] = [];
    s.context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); }));
    const page = await openByUrl(s, 'https://app.clickup.com/t/86c1ijkl9?theme=dark');
    expect(await panel(page, '.task').textContent()).toBe('<img src=x onerror=alert(1)> Café ☕ 日本語 “offerte” & <b>vet</b>');
    expect(await panel(page, 'img, b').count()).toBe(0);
    expect(await panel(page).getAttribute('data-theme')).toBe('dark');
    await page.evaluate(() => document.body.classList.remove('dark-theme'));
    await expect.poll(() => panel(page).getAttribute('data-theme')).toBe('light');
    expect(dialogs).toEqual([]);
  });

  it('has no serious or critical accessibility problem in the panel, light or dark', async () => {
    const s = await clickup();
    for (const url of [TASK_A, `${TASK_A}?theme=dark`]) {
      const page = await openByUrl(s, url);
      await expect.poll(() => panel(page, 'button.proposed').count()).toBe(1);
      const { violations } = await new AxeBuilder({ page }).include('va-scorecard-panel').analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`), url).toEqual([]);
    }
  });
});

describe('a ClickUp page we do not recognise', () => {
  it('raises no page error, injects nothing, and tells the popup', async () => {
    const s = await clickup('clickup/changed.html');
    await expectPageNotRecognised(s, { url: TASK_A, view: '.cu-task-view__container', platform: 'clickup', name: 'ClickUp' });
  });
});
