// What a hostile or clumsy host page can do to the panel through WXT's content-script start-up
// signal: learn our extension id from the `postMessage` WXT sends, and replay the start-up event
// that tells an older copy of a content script to stop. The page scripts here run in the page's
// main world (addInitScript), as Trello's own code or anything it loads would.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type Session } from './harness';
import { CARD_A, closeCard, openByClick, panel, readRecord, saved, startTrello } from './trello-page';

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });

async function trello() {
  const started = await startTrello('refuses'); // the REST read is not what these tests are about
  session = started.session;
  return session;
}

/**
 * Runs the built content script once more in the extension's isolated world of the page's main
 * frame — what a second injection of our own script does (e.g. scripting.executeScript).
 */
async function injectOurScriptAgain(s: Session, page: Page) {
  const cdp = await s.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${s.extensionId}`);
  expect(ours, 'the content script\'s isolated world').toBeDefined();
  const source = fs.readFileSync(path.join(EXTENSION_DIR, 'content-scripts/trello.js'), 'utf8');
  const result = await cdp.send('Runtime.evaluate', { expression: source, contextId: ours!.id });
  expect(result.exceptionDetails).toBeUndefined();
  await cdp.detach();
}

describe('the host page and the content script\'s start-up signal', () => {
  it('is not told our extension id, and replaying what it hears does not remove the panel', async () => {
    const s = await trello();
    await s.context.addInitScript(() => {
      const w = window as any;
      w.__heard = [];
      w.__replayed = 0;
      window.addEventListener('message', (e) => {
        let text: string;
        try { text = JSON.stringify(e.data); } catch { text = String(e.data); }
        w.__heard.push(text);
        const d = e.data;
        if (d && typeof d.type === 'string' && d.type.endsWith(':wxt:content-script-started')) {
          // The event name and script name it just learnt, with a message id of its own.
          w.__replayed++;
          setTimeout(() => document.dispatchEvent(new CustomEvent(d.type, {
            detail: { contentScriptName: d.contentScriptName, messageId: 'page' },
          })), 0);
        }
      });
    });
    const page = await s.context.newPage();
    await page.goto(CARD_A);
    await panel(page, 'form').waitFor({ timeout: 10_000 });
    await panel(page, '[name=note]').fill('Eerst de offerte van Jansen');
    await saved(page);
    await closeCard(page);
    await openByClick(page, 'Inbox opruimen', 'trello:EfGh5678');
    await panel(page, '[name=estimateMinutes]').fill('45');
    await saved(page);

    expect((await readRecord(s.worker, 'ratings', 'trello:AbCd1234'))?.note).toBe('Eerst de offerte van Jansen');
    expect((await readRecord(s.worker, 'ratings', 'trello:EfGh5678'))?.estimateMinutes).toBe(45);
    const heard: string[] = await page.evaluate(() => (window as any).__heard);
    expect(heard.filter((m) => m.includes(s.extensionId))).toEqual([]);
    expect(await page.evaluate(() => (window as any).__replayed)).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });

  it('keeps the panel and what is typed while the page sends the start-up event built from our public id, and a real second copy of our script still leaves one panel', async () => {
    const s = await trello();
    // Store installs have a public id, so a page can build the event name without being told.
    await s.context.addInitScript((name) => {
      const spoof = () => document.dispatchEvent(new CustomEvent(name, {
        detail: { contentScriptName: 'trello', messageId: 'page' },
      }));
      (window as any).__spoof = spoof;
      setInterval(spoof, 25);
    }, `${s.extensionId}:trello:wxt:content-script-started`);
    const page = await s.context.newPage();
    await page.goto(CARD_A);
    await panel(page, 'form').waitFor({ timeout: 10_000 });

    // Spoofed between keystrokes: the panel, its field and the focus stay.
    const note = panel(page, '[name=note]');
    await note.click();
    await page.keyboard.type('Bel ');
    await page.evaluate(() => (window as any).__spoof());
    await page.keyboard.type('Jansen terug');
    expect(await note.inputValue()).toBe('Bel Jansen terug');
    expect(await panel(page).count()).toBe(1);
    await saved(page);
    expect((await readRecord(s.worker, 'ratings', 'trello:AbCd1234'))?.note).toBe('Bel Jansen terug');

    // Client-side navigation is still followed after the spoofs.
    await closeCard(page);
    await openByClick(page, 'Facturen maken', 'trello:MnOp3456');
    await panel(page, '[name=estimateMinutes]').fill('30');
    await saved(page);
    expect((await readRecord(s.worker, 'ratings', 'trello:MnOp3456'))?.estimateMinutes).toBe(30);

    // Our own script once more in the same world: the newer copy takes over, one panel, and it saves.
    await page.evaluate(() => {
      const w = window as any;
      w.__panelsAdded = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if ((n as Element).localName === 'va-scorecard-panel') w.__panelsAdded++;
      }).observe(document, { childList: true, subtree: true });
    });
    await injectOurScriptAgain(s, page);
    await page.waitForTimeout(300); // spoofs keep coming meanwhile
    // The newer copy's panel, once: two live copies would keep taking the panel from each other.
    expect(await page.evaluate(() => (window as any).__panelsAdded)).toBe(1);
    expect(await panel(page).count()).toBe(1);
    expect(await panel(page).getAttribute('data-task')).toBe('trello:MnOp3456');
    await expect.poll(() => panel(page, '[name=estimateMinutes]').inputValue()).toBe('0:30');
    await panel(page, '[name=actualMinutes]').fill('40');
    await saved(page);
    expect(await panel(page).count()).toBe(1);
    expect((await readRecord(s.worker, 'ratings', 'trello:MnOp3456'))?.actualMinutes).toBe(40);
    await closeCard(page);
    await openByClick(page, 'Inbox opruimen', 'trello:EfGh5678');
    expect(await panel(page).count()).toBe(1);
    expect(s.pageErrors).toEqual([]);
  });
});
