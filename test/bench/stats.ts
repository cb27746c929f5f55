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

/** The panel latencies a measure's init script collected in the page (`window.__panelMs`). */
export const panelLatencies = (page: Page) => page.evaluate(() => (window as unknown as { __panelMs: number[] }).__panelMs);

/**
 * A task opened by its URL `count` times, each in a fresh page (a link from a mail, a reload):
 * `instrument` installs the measure's init script, `open` loads the i-th task and waits for its
 * panel. Returns every latency collected.
 */
export async function freshPageLatencies(
  session: Session, count: number, instrument: (page: Page) => Promise<void>, open: (page: Page, i: number) => Promise<void>,
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
