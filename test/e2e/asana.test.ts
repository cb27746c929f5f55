// The Scorecard panel in Asana's task pane, in real Chromium with the production build. Asana is
// the fixture app in test/fixtures/asana/, served at https://app.asana.com/ by request routing.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expectPageNotRecognised, launch, readAll, readRecord, serveFixture, type Session, openByUrl, panel, saved } from './harness';

// The extension APIs inside worker.evaluate (run in the service worker, not typed here).
declare const chrome: any;

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });

const A = '1200000000000101';
const B = '1200000000000102';
const V0 = (task: string) => `https://app.asana.com/0/1200000000000001/${task}`;

async function asana(file = 'asana/app.html') {
  session = await launch();
  await serveFixture(session, 'https://app.asana.com/**', file);
  return session;
}
/** Clicks a task in the list (or in the pane: subtasks) and waits for its panel. */
async function openByClick(page: Page, gid: string, within = '#view') {
  await page.locator(`${within} a[data-task-id="${gid}"]`).click();
  await expect.poll(() => panel(page).getAttribute('data-task')).toBe(`asana:${gid}`);
  await panel(page, 'form').waitFor();
}

describe('rating Asana tasks in the reused task pane', () => {
  it('keeps each task\'s rating through a switch in the same pane, back, and a reload', async () => {
    const s = await asana();
    const page = await openByUrl(s, V0(A));
    expect(await page.locator('.TaskPane va-scorecard-panel').count()).toBe(1);
    await panel(page, '.map button').filter({ hasText: 'a new VA' }).click();
    await expect.poll(() => panel(page, 'select[name=vaId] option:checked').textContent()).toBe('Sanne de Vries');
    await panel(page, '[name=estimateMinutes]').fill('60');
    await panel(page, '[name=quality][value="4"]').click();
    await saved(page);

    await openByClick(page, B);
    expect(await panel(page).count()).toBe(1);
    expect(await panel(page, '.task').textContent()).toBe('Inbox opruimen');
    await expect.poll(() => panel(page, '[name=estimateMinutes]').inputValue()).toBe('');
    expect(await panel(page, '[name=quality]:checked').count()).toBe(0);
    // Sanne is the assignee here too: proposed through her identity, not typed again.
    await expect.poll(() => panel(page, 'select[name=vaId] option:checked').textContent()).toBe('Sanne de Vries');
    await panel(page, '[name=estimateMinutes]').fill('30');
    await panel(page, '[name=quality][value="2"]').click();
    await saved(page);

    await page.goBack();
    await expect.poll(() => panel(page).getAttribute('data-task')).toBe(`asana:${A}`);
    await expect.poll(() => panel(page, '[name=estimateMinutes]').inputValue()).toBe('1:00');
    expect(await panel(page, '[name=quality][value="4"]').isChecked()).toBe(true);

    await page.reload();
    await panel(page, 'form').waitFor();
    await expect.poll(() => panel(page, '[name=estimateMinutes]').inputValue()).toBe('1:00');
    expect(await panel(page, '[name=quality][value="4"]').isChecked()).toBe(true);

    const [va] = await readAll(s.worker, 'vas');
    expect(va!.identities).toEqual([{ platform: 'asana', memberId: null, name: 'Sanne de Vries' }]);
    expect(await readRecord(s.worker, 'ratings', `asana:${A}`)).toMatchObject({ vaId: va!.id, estimateMinutes: 60, quality: 4 });
    expect(await readRecord(s.worker, 'ratings', `asana:${B}`)).toMatchObject({ vaId: va!.id, estimateMinutes: 30, quality: 2 });
    expect(await readRecord(s.worker, 'tasks', `asana:${A}`)).toMatchObject({
      title: 'Offertes opvolgen', url: `https://app.asana.com/0/0/${A}`, board: 'Kantoor', dueAt: expect.stringMatching(/^2026-11-30T/),
    });
    expect(s.pageErrors).toEqual([]);
  });

  it('never shows one task\'s panel over another in any frame, whether the pane or the URL moves first', async () => {
    const s = await asana();
    const page = await s.context.newPage();
    // In the page's world, every frame: the task the pane shows against the panel's task.
    await page.addInitScript(() => {
      const w = window as unknown as { __wrongFrames: string[] };
      w.__wrongFrames = [];
      const frame = () => {
        const pane = document.querySelector('.TaskPane');
        const host = document.querySelector('va-scorecard-panel');
        const shown = pane && `asana:${pane.getAttribute('data-task-id')}`;
        if (host && host.getAttribute('data-task') !== shown) w.__wrongFrames.push(`${host.getAttribute('data-task')} in ${shown}`);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(V0(A));
    await panel(page, 'form').waitFor();
    const order: [number, boolean][] = [[0, false], [80, false], [80, true], [0, true]];
    const tasks = [B, '1200000000000104', A, B];
    for (const [i, [paneLagMs, domFirst]] of order.entries()) {
      await page.evaluate((t) => { (window as any).__asanaTiming = t; }, { paneLagMs, domFirst });
      await openByClick(page, tasks[i]!);
      await page.waitForTimeout(150);
    }
    expect(await page.evaluate(() => (window as any).__wrongFrames)).toEqual([]);
  });

  it('keeps a note typed just before switching tasks with the task it was typed on', async () => {
    const s = await asana();
    const page = await openByUrl(s, V0(A));
    await panel(page, '[name=note]').fill('Klant teruggebeld');
    await page.evaluate(() => { (window as any).__asanaTiming = { paneLagMs: 0, domFirst: true }; });
    await openByClick(page, B); // within the autosave pause
    expect(await panel(page, '[name=note]').inputValue()).toBe('');
    await expect.poll(async () => (await readRecord(s.worker, 'ratings', `asana:${A}`))?.note).toBe('Klant teruggebeld');
    await page.waitForTimeout(500);
    expect((await readRecord(s.worker, 'ratings', `asana:${B}`))?.note ?? '').toBe('');
    await openByClick(page, A);
    await expect.poll(() => panel(page, '[name=note]').inputValue()).toBe('Klant teruggebeld');
  });

  it('keeps typed keys from the pane\'s shortcuts', async () => {
    const s = await asana();
    const page = await openByUrl(s, V0(A));
    const note = panel(page, '[name=note]');
    await note.click();
    await page.keyboard.type('Checked: all good.');
    await page.keyboard.press('Escape');
    expect(await note.inputValue()).toBe('Checked: all good.');
    await panel(page, '[name=estimateMinutes]').click();
    await page.keyboard.type('1.5h');
    expect(await page.locator('.TaskPane').count()).toBe(1);
    expect(await page.evaluate(() => (window as any).__asanaShortcuts)).toEqual([]);
    await saved(page);
    expect(await readRecord(s.worker, 'ratings', `asana:${A}`)).toMatchObject({ note: 'Checked: all good.', estimateMinutes: 90 });
  });

  it('rates a subtask on its own, and a completed task without assignee or due date by a V1 URL, title as text', async () => {
    const s = await asana();
    const page = await openByUrl(s, V0(A));
    await openByClick(page, '1200000000000111', '.TaskPane');
    expect(page.url()).toBe(`${V0(A)}?child=1200000000000111`);
    await panel(page, '[name=remindersNeeded]').fill('1');
    await saved(page);
    expect(await readRecord(s.worker, 'ratings', 'asana:1200000000000111')).toMatchObject({ remindersNeeded: 1 });
    expect(await readRecord(s.worker, 'ratings', `asana:${A}`)).toBeNull();

    const done = await openByUrl(s, 'https://app.asana.com/1/1100000000000000/project/1200000000000001/task/1200000000000103');
    expect(await panel(done, '.task').textContent()).toBe('<img src=x onerror=alert(1)> Café ☕ 日本語 “offerte” & <b>vet</b>');
    expect(await panel(done, 'img, b').count()).toBe(0);
    // Completed, no time shown: the moment first seen complete is proposed as the done time.
    await expect.poll(() => panel(done, '[name=doneAt]').inputValue()).not.toBe('');
    expect(await panel(done, '[name=dueAt]').inputValue()).toBe('');
    expect(s.pageErrors).toEqual([]);
  });

  it('follows Asana\'s dark theme', async () => {
    const s = await asana();
    const page = await openByUrl(s, V0(A));
    expect(await panel(page).getAttribute('data-theme')).toBe('light');
    await page.evaluate(() => (window as any).__asanaDark(true));
    await expect.poll(() => panel(page).getAttribute('data-theme')).toBe('dark');
  });
});

describe('accessibility of the panel in the host page', () => {
  async function seriousInPanel(page: Page) {
    const { violations } = await new AxeBuilder({ page }).include('va-scorecard-panel').analyze();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  }

  it('has no serious or critical violation in Asana\'s pane, light and dark', async () => {
    const s = await asana();
    const page = await openByUrl(s, V0(A));
    await panel(page, '.map button').first().waitFor();
    expect(await seriousInPanel(page)).toEqual([]);
    await page.evaluate(() => (window as any).__asanaDark(true));
    await expect.poll(() => panel(page).getAttribute('data-theme')).toBe('dark');
    expect(await seriousInPanel(page)).toEqual([]);
  });

  it('has no serious or critical violation in Trello\'s card, light and dark', async () => {
    session = await launch();
    await serveFixture(session, 'https://trello.com/**', 'trello/board.html');
    const page = await openByUrl(session, 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    await panel(page, '.map button').first().waitFor();
    expect(await seriousInPanel(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.setAttribute('data-color-mode', 'dark'));
    await expect.poll(() => panel(page).getAttribute('data-theme')).toBe('dark');
    expect(await seriousInPanel(page)).toEqual([]);
  });
});

describe('an Asana page we do not recognise', () => {
  it('raises no page error, injects nothing, and the popup says "Asana page not recognised"', async () => {
    const s = await asana('asana/changed.html');
    await expectPageNotRecognised(s, { url: V0(A), view: '.TaskPane', platform: 'asana', name: 'Asana' });
  });
});
