// Runs the real command line: lib/cli/build.mjs bundles it (as postinstall and prepack do)
// into a folder of this test file's own, and each test starts it as a child process with a clean
// environment (no tokens unless the test gives them, a fixed language and zone unless it says).
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createBackup } from '@/lib/files/backup';
import type { ScorecardDb } from '@/lib/db';

export async function buildBin(): Promise<{ bin: string; dir: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'va-cli-'));
  const bin = path.join(dir, 'va-scorecard.mjs');
  await promisify(execFile)(process.execPath, ['lib/cli/build.mjs', '--outfile', bin]);
  return { bin, dir };
}

export interface BinResult { code: number | null; stdout: Buffer; stderr: string }

export function runBin(bin: string, args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, bin, ...args], {
      env: { PATH: process.env.PATH ?? '', LANG: 'C', TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => { err += c.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
  });
}

/** The database as the extension's backup file, written where the CLI will read it. */
export async function writeBackup(d: ScorecardDb, file: string): Promise<string> {
  const text = JSON.stringify(await createBackup(d));
  await fs.writeFile(file, text);
  return text;
}
