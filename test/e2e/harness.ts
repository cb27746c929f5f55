// Starts Debian's Chromium with the production build loaded, as a user would have it.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import fs from 'node:fs';
import { expect } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { readStore } from '../journeys/idb';

// The extension APIs inside worker.evaluate (run in the service worker, not typed here).
declare const chrome: any;

// EXTENSION_DIR lets a comparison run two builds side by side without sharing .output/.
export const EXTENSION_DIR = path.resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
export const FIXTURES_DIR = path.resolve('test/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  /** Page errors seen on any page: a test can assert the host page stayed clean. */
  pageErrors: Error[];
  close(): Promise<void>;
}

export function newProfileDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'vasc-profile-'));
}

/** Launches on `profileDir` (kept for a restart test) or on a fresh profile removed on close. */
export async function launch(keptProfile?: string): Promise<Session> {
  const profileDir = keptProfile ?? newProfileDir();
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build in ${EXTENSION_DIR}: run "npm run build" first`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
      '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--lang=en-US',
    ],
  });
  // Nothing in a test may reach the real internet: unrouted requests fail fast.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  const pageErrors: Error[] = [];
  context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e)));
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return {
    context, worker, extensionId, profileDir, pageErrors,
    close: async () => {
      await context.close();
      if (!keptProfile) fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export function extensionUrl(s: Session, page: string) {
  return `chrome-extension://${s.extensionId}/${page}`;
}

/** Serves `test/fixtures/<file>` for every URL matching `pattern`, at the real host. */
export async function serveFixture(s: Session, pattern: string | RegExp, file: string) {
  const body = fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8');
  await s.context.route(pattern, (route) => route.fulfill({ body, contentType: 'text/html; charset=utf-8' }));
}

/** The Scorecard panel on a page, or a control inside it (locators pierce its open shadow root). */
export const panel = (page: Page, selector = '') => page.locator(`va-scorecard-panel ${selector}`.trim());
export const saved = (page: Page) => expect.poll(() => panel(page, '[data-testid=save-status]').textContent()).toBe('Saved');

/** A task opened by its URL in a new tab, once its panel's form is there. */
export async function openByUrl(s: Session, url: string) {
  const page = await s.context.newPage();
  await page.goto(url);
  await panel(page, 'form').waitFor();
  return page;
}

export async function openPage(s: Session, url: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(url);
  return page;
}

/** Reads one record of the extension's database from its service worker. */
export function readRecord(worker: Worker, store: string, key: string) {
  return worker.evaluate(readStore, { store, key }) as Promise<Record<string, any> | null>;
}

export function readAll(worker: Worker, store: string) {
  return worker.evaluate(readStore, { store }) as Promise<Record<string, any>[]>;
}

/**
 * A platform page whose DOM we do not know: the task view at `url` appears, no panel is injected,
 * the page raises no error, and the popup (opened in a background tab, so the board stays the
 * window's active tab) says "<name> page not recognised".
 */
export async function expectPageNotRecognised(s: Session, o: { url: string; view: string; platform: string; name: string }) {
  const page = await s.context.newPage();
  await page.goto(o.url);
  await page.locator(o.view).waitFor();
  const status = () => s.worker.evaluate(async (origin: string) => {
    const [tab] = await chrome.tabs.query({ url: `${origin}/*` });
    return tab?.id === undefined ? null : (await chrome.storage.session.get(`pageStatus:${tab.id}`))[`pageStatus:${tab.id}`] ?? null;
  }, new URL(o.url).origin);
  await expect.poll(status, { timeout: 10_000 }).toMatchObject({ platform: o.platform, recognised: false });
  expect(await page.locator('va-scorecard-panel').count()).toBe(0);
  expect(s.pageErrors).toEqual([]);
  const popupOpened = s.context.waitForEvent('page', (p) => p.url().endsWith('/popup.html'));
  await s.worker.evaluate(() => chrome.tabs.create({ url: chrome.runtime.getURL('/popup.html'), active: false }));
  const popup = await popupOpened;
  await expect.poll(() => popup.getByTestId('page-status').textContent()).toContain(`${o.name} page not recognised`);
}
