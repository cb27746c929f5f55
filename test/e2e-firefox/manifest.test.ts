// The Firefox package as AMO and Firefox read it: a stable add-on id (storage and updates follow
// it) and, as the lowest Firefox it installs on, the version these journeys prove it works in.
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { FIREFOX, firefoxManifest } from './harness';

it('declares a stable gecko id and, as its minimum version, the Firefox ESR the journeys run on', () => {
  const manifest = firefoxManifest();
  expect(manifest.manifest_version).toBe(2);
  const { id, strict_min_version } = manifest.browser_specific_settings.gecko;
  expect(id).toBe('va-scorecard@example.org');
  // "Mozilla Firefox 153.8.0esr": the journeys prove this major version, not an older one. When
  // Debian's ESR moves on, this fails: the minimum then goes up with the tested version.
  const tested = /Firefox (\d+)\./.exec(execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }))?.[1];
  expect(strict_min_version).toBe(`${tested}.0`);
});
