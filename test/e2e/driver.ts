// The journeys' driver (test/journeys/driver.ts) for Chromium, on Playwright and this harness.
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import type { Driver, FixtureSite, Tab } from '../journeys/driver';
import { readStore } from '../journeys/idb';
import { extensionUrl, FIXTURES_DIR, launch, newProfileDir, type Session } from './harness';
import path from 'node:path';

// Playwright's CSS pierces open shadow roots: `host >>> inner` is `host inner` here.
const css = (selector: string) => selector.replaceAll(' >>> ', ' ');

function tab(page: Page): Tab {
  const at = (selector: string, text?: string) => {
    const all = page.locator(css(selector));
    return (text === undefined ? all : all.filter({ hasText: text })).first();
  };
  return {
    waitFor: (s) => at(s).waitFor(),
    fill: (s, v) => at(s).fill(v),
    click: (s, text) => at(s, text).click(),
    value: (s) => at(s).inputValue(),
    checked: (s) => at(s).isChecked(),
    text: (s) => at(s).textContent(),
    texts: (s) => page.locator(css(s)).allTextContents(),
    attrs: (s, name) => page.locator(css(s)).evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name),
    style: (s, property) => at(s).evaluate((e, p) => getComputedStyle(e).getPropertyValue(p), property),
    reload: async () => { await page.reload(); },
    async download(s, text) {
      const [file] = await Promise.all([page.waitForEvent('download'), at(s, text).click()]);
      return { filename: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
    },
  };
}

export async function chromiumDriver(): Promise<Driver> {
  const profileDir = newProfileDir();
  let session: Session = await launch(profileDir);
  const sites: FixtureSite[] = [];
  const errors: Error[] = [];
  const track = (s: Session) => s.context.on('page', (p) => p.on('pageerror', (e) => errors.push(e)));
  const route = async (s: Session, site: FixtureSite) => {
    const body = fs.readFileSync(path.join(FIXTURES_DIR, site.fixture), 'utf8');
    await s.context.route((url) => url.href.startsWith(site.origin), (r) => r.fulfill({ body, contentType: 'text/html; charset=utf-8' }));
    // Registered later, so it wins for the API paths.
    for (const prefix of site.refused ?? []) {
      await s.context.route((url) => url.href.startsWith(prefix), (r) => r.fulfill({ status: 401, contentType: 'text/plain', body: 'unauthorized' }));
    }
  };
  track(session);
  return {
    browser: 'chromium',
    async serve(site) { sites.push(site); await route(session, site); },
    async open(url) {
      const page = await session.context.newPage();
      await page.goto(url);
      return tab(page);
    },
    async openExtensionPage(p) {
      const page = await session.context.newPage();
      await page.goto(extensionUrl(session, p));
      return tab(page);
    },
    readRecord: (store, key) => session.worker.evaluate(readStore, { store, key }) as Promise<Record<string, any> | null>,
    readAll: (store) => session.worker.evaluate(readStore, { store }) as Promise<Record<string, any>[]>,
    async restart() {
      await session.context.close();
      session = await launch(profileDir);
      track(session);
      for (const site of sites) await route(session, site);
    },
    pageErrors: () => errors.map((e) => e.message),
    async close() {
      await session.context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
