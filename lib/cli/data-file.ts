// The command line's data file is the extension's own JSON backup (lib/files/backup.ts), so data
// moves both ways: restore it in the extension, or hand the CLI a backup made there. It is read
// with the restore's parser (the same per-record messages), loaded into the in-memory database
// with the restore itself, and written back, when a command changes it, through a temporary file
// and a rename: an interrupted write never leaves half a file, and a refused file is never touched.
import fs from 'node:fs/promises';
import path from 'node:path';
import { db, type ScorecardDb } from '../db';
import { restoreBackup } from '../db/restore';
import { createBackup, parseBackup, type BackupProblem } from '../files/backup';
import { t } from '../text/i18n';
import { CliError } from './errors';

/** One problem as one line: where, which record, what. */
export function problemLine(p: BackupProblem): string {
  const where = [p.path, p.record ? `(${p.record})` : ''].filter(Boolean).join(' ');
  return where ? `  ${where}: ${p.message}` : `  ${p.message}`;
}

/** Reads and validates the file, then loads it into the database (replacing whatever was there). */
export async function loadDataFile(file: string, d: ScorecardDb = db): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(t('cli_errReadFile', [file, (e as NodeJS.ErrnoException).code ?? String(e)]));
  }
  const parsed = parseBackup(text);
  if (!parsed.ok) {
    throw new CliError([t('cli_errDataRefused', file), ...parsed.problems.map(problemLine)].join('\n'));
  }
  await restoreBackup(parsed.backup, 'replace', d);
}

/** Writes `text` to `file` whole or not at all: a temporary file beside it, flushed, then renamed over it. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  // The file keeps who may read it; a new one is the owner's only (it holds everything but tokens).
  const mode = await fs.stat(file).then((s) => s.mode & 0o777, () => 0o600);
  const handle = await fs.open(temp, 'w', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}

/** The database as a backup, written over the data file. */
export async function saveDataFile(file: string, d: ScorecardDb = db): Promise<void> {
  await writeAtomically(file, JSON.stringify(await createBackup(d)));
}
