// Bundles the command line (lib/cli/main.ts and the extension code it runs) into one ESM file,
// dist/va-scorecard.mjs, the package's `bin`. Run by `postinstall` in a checkout and by `prepack`
// before `npm pack` / `npm publish`, so the built file is never committed. Everything is bundled
// (Dexie, zod, fake-indexeddb, the locales): the tarball installs and runs with no dependencies.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// `--outfile PATH`: the tests build the same bundle into a folder of their own, so parallel
// test files never read a half-written bin.
const at = process.argv.indexOf('--outfile');
const outfile = at > 0 ? process.argv[at + 1] : `${root}dist/va-scorecard.mjs`;

await build({
  absWorkingDir: root,
  entryPoints: ['lib/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // Some bundled CommonJS (papaparse's optional Node streams) calls require(): give ESM one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  alias: { '@': root },
  legalComments: 'none',
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
