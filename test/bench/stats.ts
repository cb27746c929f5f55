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

/**
 * In the page's own world, before its scripts: the fixture marks (`performance.mark`) each moment
 * it shows a task view, with one of `marks`; this notes in `window.__panelMs` how long after the
 * latest mark <va-scorecard-panel> has its form in, for the task `shown` reads (any task when
 * null). `everyChange`: also count text and attribute changes (a view whose contents are rewritten).
 */
export const recordPanelLatency = (page: Page, options: { marks: string[]; shown: ShownTask | null; everyChange?: boolean }) =>
  page.addInitScript(({ marks, shown, everyChange }) => {
    const w = window as unknown as { __panelMs: number[] };
    w.__panelMs = [];
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
    }).observe(document, { childList: true, subtree: true, characterData: everyChange, attributes: everyChange });
  }, { ...options, everyChange: options.everyChange ?? false });

/** The panel latencies `recordPanelLatency` collected in the page. */
export const panelLatencies = (page: Page) => page.evaluate(() => (window as unknown as { __panelMs: number[] }).__panelMs);

/**
 * A task opened by its URL `count` times, each in a fresh page (a link from a mail, a reload):
 * `instrument` installs the measure's init script, `open` loads the i-th task and waits for its
 * panel. Returns every latency collected.
 */
export async function freshPageLatencies(
  session: Session, count: number, instrument: (page: Page) => Promise<unknown>, open: (page: Page, i: number) => Promise<void>,
): Promise<number[]> {
  const all: number[] = [];
  for (let i = 0; i < count; i++) {
    const page = await session.context.newPage();
    await instrument(page);
    await open(page, i);
    all.push(...await panelLatencies(page));
    await page.close();
  }
  return all;
}
