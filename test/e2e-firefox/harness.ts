// Starts Debian's firefox-esr with the production Firefox build (.output/firefox-mv2) installed,
// driven by puppeteer-core over WebDriver BiDi (no geckodriver, nothing downloaded), and gives the
// shared journeys their driver (test/journeys/driver.ts).
//
// Where Firefox differs from Chromium here, and what the harness does about it:
// - The build is MV2 with a background *page*, which WebDriver cannot reach (Chromium's tests
//   evaluate in the service worker). The database is read from a tab showing one of the
//   extension's own files (its icon): same origin, same IndexedDB, and none of its code runs.
// - Puppeteer installs the unpacked build as a temporary add-on (BiDi webExtension.install) at
//   every start, as `web-ext run` does. Its internal UUID, and so its origin and storage, are
//   fixed by the pref `extensions.webextensions.uuids`, as Firefox keeps them for an installed one.
// - A navigation to moz-extension:// never reports done over BiDi, so an extension page is
//   awaited by its document instead. Request interception covers the page's own requests.
// - Interception does not see a content script's own fetch (Trello's card read): in Firefox it
//   goes out under the extension's principal. All of Firefox's traffic therefore goes to a local
//   proxy that refuses it, so nothing reaches the internet; answered requests never get that far.
//   A content script's API call thus fails as a network error here, not as the descriptor's 401.
// - Downloads are read from a folder per session (Firefox's download prefs), as a user finds them.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Driver, FixtureSite, SavedFile, Tab } from '../journeys/driver';
import { readStore } from '../journeys/idb';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.resolve(process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2');
const FIXTURES_DIR = path.resolve('test/fixtures');
/** Any fixed UUID: Firefox gives each installed add-on one at random. */
const EXTENSION_UUID = '0b5e6a3c-1d2e-4f50-8a9b-7c6d5e4f3a21';
const ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function firefoxManifest() {
  const file = path.join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`No build in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as {
    manifest_version: number;
    browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
  };
}

/** A proxy on 127.0.0.1 that refuses every request and tunnel. */
async function refusingProxy() {
  const server = http.createServer((_, res) => { res.writeHead(502); res.end(); });
  server.on('connect', (_, socket) => socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function start(profileDir: string, downloadDir: string, proxyPort: number): Promise<Browser> {
  const { id } = firefoxManifest().browser_specific_settings.gecko;
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profileDir,
    // Lets a tab navigate to the extension's moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      'intl.locale.requested': 'en-US',
      'network.proxy.type': 1, // manual; localhost is never proxied
      'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': proxyPort,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== id) throw new Error(`Installed as ${installed}, the manifest says ${id}`);
  return browser;
}

async function until<T>(read: () => Promise<T | undefined> | T | undefined, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function tab(page: Page, downloadDir: string): Tab {
  const at = (selector: string, text?: string) => (text === undefined ? selector : `${selector}::-p-text(${JSON.stringify(text)})`);
  const click = (s: string, text?: string) => page.locator(at(s, text)).click();
  return {
    waitFor: async (s) => { await page.waitForSelector(s); },
    fill: (s, v) => page.locator(s).fill(v),
    click,
    value: (s) => page.$eval(s, (e) => (e as HTMLInputElement).value),
    checked: (s) => page.$eval(s, (e) => (e as HTMLInputElement).checked),
    text: (s) => page.$eval(s, (e) => e.textContent),
    texts: (s) => page.$$eval(s, (els) => els.map((e) => e.textContent ?? '')),
    attrs: (s, name) => page.$$eval(s, (els, n) => els.map((e) => e.getAttribute(n)), name),
    style: (s, property) => page.$eval(s, (e, p) => getComputedStyle(e).getPropertyValue(p), property),
    reload: async () => { await page.reload(); },
    async download(s, text): Promise<SavedFile> {
      const before = new Set(fs.readdirSync(downloadDir));
      await click(s, text);
      // Firefox writes under a temporary name (`<name>.part`, or a random `xxxxxxxx.csv` for a blob)
      // and renames it at the end, so a file may vanish between listing and reading. Take the new
      // file only once it is the one new file, not empty, and the folder has looked the same for
      // 300 ms.
      let last = '';
      let since = 0;
      const settled = () => {
        const added = fs.readdirSync(downloadDir).filter((f) => !before.has(f));
        const sizes = added.map((f) => [f, fs.statSync(path.join(downloadDir, f), { throwIfNoEntry: false })?.size ?? -1] as const);
        const seen = JSON.stringify(sizes);
        if (seen !== last) { last = seen; since = Date.now(); }
        const stable = Date.now() - since >= 300;
        // An empty file is Firefox's placeholder at the final name: not there yet.
        const busy = sizes.some(([f, size]) => f.endsWith('.part') || size <= 0);
        return stable && !busy && sizes.length === 1 ? sizes[0]![0] : undefined;
      };
      const filename = await until(settled, 'the download');
      return { filename, bytes: fs.readFileSync(path.join(downloadDir, filename)) };
    },
  };
}

export async function firefoxDriver(): Promise<Driver> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vasc-firefox-'));
  const downloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vasc-downloads-'));
  const proxy = await refusingProxy();
  let browser = await start(profileDir, downloadDir, proxy.port);
  let dbTab: Page | undefined;
  const sites: FixtureSite[] = [];
  const errors: string[] = [];

  async function newPage() {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
    return page;
  }
  async function openExtension(p: string) {
    const page = await newPage();
    const url = `${ORIGIN}/${p}`;
    page.goto(url).catch(() => {}); // never settles over BiDi (see the top); the document says when
    // page.url() stays at about:blank: ask the document itself.
    const loaded = () => page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false);
    await until(async () => (await loaded() === url) || undefined, url);
    return page;
  }
  async function read(store: string, key?: string) {
    dbTab ??= await openExtension('icon/16.png');
    return dbTab.evaluate(readStore, { store, key });
  }

  return {
    browser: 'firefox',
    async serve(site) { sites.push(site); },
    async open(url) {
      const page = await newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const u = request.url();
        if (sites.some((s) => s.refused?.some((prefix) => u.startsWith(prefix)))) {
          return request.respond({ status: 401, contentType: 'text/plain', body: 'unauthorized' });
        }
        const site = sites.find((s) => u.startsWith(s.origin));
        if (site) {
          return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: fs.readFileSync(path.join(FIXTURES_DIR, site.fixture), 'utf8') });
        }
        // Nothing in a test may reach the real internet.
        return /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u) ? request.continue() : request.abort();
      });
      await page.goto(url);
      return tab(page, downloadDir);
    },
    openExtensionPage: async (p) => tab(await openExtension(p), downloadDir),
    readRecord: (store, key) => read(store, key) as Promise<Record<string, any> | null>,
    readAll: (store) => read(store) as Promise<Record<string, any>[]>,
    async restart() {
      await browser.close();
      dbTab = undefined;
      browser = await start(profileDir, downloadDir, proxy.port);
    },
    pageErrors: () => [...errors],
    async close() {
      await browser.close();
      await proxy.close();
      for (const dir of [profileDir, downloadDir]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
