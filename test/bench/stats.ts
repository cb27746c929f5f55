// What every browser measurement shares: order statistics and the content scripts' size.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Platform } from '../../lib/platforms/registry';
import { EXTENSION_DIR, type Session } from '../e2e/harness';
import { record } from './results';

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
export const p95 = (xs: number[]) => sorted(xs)[Math.ceil(xs.length * 0.95) - 1]!;

/** Prints one content script's size against the 15 KB gzip budget; returns the gzip bytes. */
export function reportContentScriptSize(name: Platform): number {
  const raw = fs.readFileSync(path.join(EXTENSION_DIR, `content-scripts/${name}.js`));
  const gzip = zlib.gzipSync(raw).length;
  console.log(`content-scripts/${name}.js: ${raw.length} B raw, ${gzip} B gzip (${(gzip / 1024).toFixed(2)} KiB; budget 15 KB)`);
  record({ measure: 'content-script', platform: name, gzipBytes: gzip, rawBytes: raw.length });
  return gzip;
}

/** Which task the page shows, so only the panel of that very task counts. */
export interface ShownTask {
  selector: string;
  /** Read from this attribute; from the text when left out. */
  attribute?: string;
  /** The panel host's `data-task` is this prefix + the id read. */
  prefix: string;
}

/** What the page logs once `recordPanelLatency` has noted a panel. */
const PANEL_NOTED = 'va-scorecard-bench: panel noted';

/**
 * In the page's own world, before its scripts: the fixture marks (`performance.mark`) each moment
 * it shows a task view, with one of `marks`; this notes in `window.__panelMs` how long after the
 * latest mark <va-scorecard-panel> has its form in, for the task `shown` reads (any task when
 * null). `everyChange`: also count text and attribute changes (a view whose contents are rewritten).
 * `window.__wholeMs` gets, per panel, the frame by which the whole form (dates and ratings, drawn
 * after the first paint) is in: polled per frame, as a change inside the shadow root is not seen here.
 */
export const recordPanelLatency = (page: Page, options: { marks: string[]; shown: ShownTask | null; everyChange?: boolean }) =>
  page.addInitScript(({ marks, shown, everyChange, noted }) => {
    const w = window as unknown as { __panelMs: number[]; __wholeMs: number[] };
    w.__panelMs = [];
    w.__wholeMs = [];
    let seenFor: PerformanceEntry | undefined;
    new MutationObserver(() => {
      const mark = marks.flatMap((name) => performance.getEntriesByName(name)).sort((a, b) => a.startTime - b.startTime).at(-1);
      if (!mark || mark === seenFor) return;
      const host = document.querySelector('va-scorecard-panel');
      if (!host?.shadowRoot?.querySelector('form')) return;
      if (shown) {
        const view = document.querySelector(shown.selector);
        const id = shown.attribute ? view?.getAttribute(shown.attribute) : view?.textContent;
        if (!id || host.getAttribute('data-task') !== `${shown.prefix}${id}`) return;
      }
      seenFor = mark;
      w.__panelMs.push(performance.now() - mark.startTime);
      console.debug(noted);
      const root = host.shadowRoot;
      const whole = () => (root.querySelector('[name=note]') ? w.__wholeMs.push(performance.now() - mark.startTime) : requestAnimationFrame(whole));
      whole();
    }).observe(document, { childList: true, subtree: true, characterData: everyChange, attributes: everyChange });
  }, { ...options, everyChange: options.everyChange ?? false, noted: PANEL_NOTED });

/** The panel latencies `recordPanelLatency` collected in the page. */
export const panelLatencies = (page: Page) => page.evaluate(() => (window as unknown as { __panelMs: number[] }).__panelMs);

export const reportWhole = (wholeMs: number[]) => console.log(
  `  the whole form (dates and ratings, drawn after the first paint) by: median ${median(wholeMs).toFixed(1)} ms, p95 ${p95(wholeMs).toFixed(1)} ms`,
);

/** When the whole form was in, per panel `recordPanelLatency` saw (it comes a frame after the first fields). */
export async function wholeFormLatencies(page: Page) {
  await page.locator('va-scorecard-panel [name=note]').waitFor();
  return page.evaluate(() => (window as unknown as { __wholeMs: number[] }).__wholeMs);
}

/**
 * A task opened by its URL `count` times, each in a fresh page (a link from a mail, a reload):
 * `instrument` installs the measure's `recordPanelLatency`, `urlOf` names the i-th task's URL.
 * Each page is waited on until the latency is noted, with no command sent to it meanwhile: a
 * locator's wait would put Playwright's own script into the page while it loads, and on 2 cores
 * that work took turns with the panel's (Asana, one build: p95 6.8 ms with it, 5.1 without).
 * Returns every latency collected: to the usable form, and to the whole form.
 */
export async function freshPageLatencies(
  session: Session, count: number, instrument: (page: Page) => Promise<unknown>, urlOf: (i: number) => string,
): Promise<{ ms: number[]; wholeMs: number[] }> {
  const ms: number[] = [];
  const wholeMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const page = await session.context.newPage();
    await instrument(page);
    const noted = page.waitForEvent('console', { predicate: (m) => m.text() === PANEL_NOTED });
    await page.goto(urlOf(i), { waitUntil: 'commit' });
    await noted;
    ms.push(...await panelLatencies(page));
    wholeMs.push(...await wholeFormLatencies(page));
    await page.close();
  }
  return { ms, wholeMs };
}
