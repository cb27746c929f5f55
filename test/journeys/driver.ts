// What a journey asks of a browser. Written once, implemented twice: Playwright drives Chromium
// (test/e2e/driver.ts), Puppeteer drives Firefox over WebDriver BiDi (test/e2e-firefox/harness.ts).
// Selectors are CSS; `host >>> inner` reaches into an open shadow root (the panel's), which is
// Puppeteer's syntax: Playwright's CSS pierces open shadow roots anyway, so its driver drops `>>>`.

/** Fixture HTML served for every page of a site, at its real address, as the user's board is. */
export interface FixtureSite {
  /** e.g. `https://trello.com/`: every URL starting with it gets the fixture (or a refusal). */
  origin: string;
  /** Path under test/fixtures/. */
  fixture: string;
  /**
   * URL prefixes the page calls with the user's session (an API), refused, so the panel reads the
   * page: answered 401 in Chromium; in Firefox a content script's call fails at the harness's proxy.
   */
  refused?: string[];
}

export interface SavedFile {
  filename: string;
  bytes: Buffer;
}

export interface Tab {
  waitFor(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  /** Clicks the first match; with `text`, the first whose text contains it. */
  click(selector: string, text?: string): Promise<void>;
  value(selector: string): Promise<string>;
  checked(selector: string): Promise<boolean>;
  text(selector: string): Promise<string | null>;
  /** Text of every match, [] when none (no waiting). */
  texts(selector: string): Promise<string[]>;
  attrs(selector: string, name: string): Promise<(string | null)[]>;
  /** The computed value of a CSS property of the first match. */
  style(selector: string, property: string): Promise<string>;
  reload(): Promise<void>;
  /** Clicks (as `click`) and returns the file the browser saved. */
  download(selector: string, text?: string): Promise<SavedFile>;
}

export interface Driver {
  readonly browser: 'chromium' | 'firefox';
  /** Serves a fixture site to every tab opened from now on. */
  serve(site: FixtureSite): Promise<void>;
  /** A web page in a new tab, loaded. */
  open(url: string): Promise<Tab>;
  /** One of the extension's own pages (`popup.html`, `dashboard.html#data`) in a new tab. */
  openExtensionPage(path: string): Promise<Tab>;
  /** A record of the extension's IndexedDB, null when absent. */
  readRecord(store: string, key: string): Promise<Record<string, any> | null>;
  readAll(store: string): Promise<Record<string, any>[]>;
  /** Quits the browser and starts it again on the same profile, extension installed as before. */
  restart(): Promise<void>;
  /** Uncaught errors of every page opened, since the start. */
  pageErrors(): string[];
  close(): Promise<void>;
}

/** A selector inside the Scorecard panel's shadow root. */
export const inPanel = (selector: string) => `va-scorecard-panel >>> ${selector}`;
