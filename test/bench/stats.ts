// What every browser measurement shares: order statistics and the content scripts' size.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Platform } from '../../lib/platforms/registry';
import { EXTENSION_DIR } from '../e2e/harness';
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
