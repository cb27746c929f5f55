#!/usr/bin/env node
// `va-scorecard`: bundled by lib/cli/build.mjs into dist/va-scorecard.mjs (package.json `bin`).
// The Node stand-ins for the browser's APIs load first, before Dexie and WXT's storage look for them.
import './node-browser';
import { run } from './run';

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
