// `postinstall`: in a checkout, WXT's types (`wxt prepare`) and the command line's bundle
// (lib/cli/build.mjs), so `npx va-scorecard` works right after `npm ci`. In a package
// installed from the tarball there is no source and no dev tooling (the bundle is already in
// it): nothing to do, and nothing here may fail that install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (existsSync(`${root}wxt.config.ts`) && existsSync(`${root}node_modules/wxt`)) {
  execFileSync(process.execPath, [`${root}node_modules/wxt/bin/wxt.mjs`, 'prepare'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [`${root}lib/cli/build.mjs`], { cwd: root, stdio: 'inherit' });
}
