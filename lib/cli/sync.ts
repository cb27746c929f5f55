// `va-scorecard sync`: the extension's sync engine (lib/sync/engine.ts) with Node's fetch, clock
// and timers, writing through the same lib/db/sync.ts as the background, on the boards named in
// the data file's board connections. Tokens come from the environment only (lib/cli/tokens.ts).
// The file is written back after each board, every half minute during a long one, and when the
// run is stopped (Ctrl-C, SIGTERM), so the next run resumes where this one got to.
import { db } from '../db';
import { PLATFORM_REGISTRY, PLATFORMS, type Platform } from '../platforms/registry';
import { SYNC_SOURCES } from '../platforms/sync-sources';
import { createSyncStore } from '../db/sync';
import { syncBoard } from '../sync/engine';
import { runtimeDeps } from '../sync/http';
import type { Progress, SyncStore } from '../sync/types';
import { syncConnectionsItem } from '../storage/items';
import { t } from '../text/i18n';
import { describeSyncError } from '../text/sync-error';
import type { Values } from './args';
import type { Planned } from './commands';
import { saveDataFile } from './data-file';
import { CliError } from './errors';
import type { CliIo } from './run';
import { tokenFromEnv } from './tokens';

const SAVE_EVERY_MS = 30_000;

const platformName = (p: Platform) => t(PLATFORM_REGISTRY[p].nameKey);

/** A bar redrawn in place on a terminal; one plain line per page when stderr is a file or a pipe. */
function progressWriter(io: CliIo) {
  const tty = io.stderr.isTTY === true;
  return {
    page(p: Progress) {
      const line = t('cli_syncProgress', [platformName(p.board.platform), p.board.name, p.pages, p.tasks]);
      if (!tty) { io.stderr.write(`${line}\n`); return; }
      const width = 24;
      const filled = p.fraction === null ? 0 : Math.round(p.fraction * width);
      const bar = p.fraction === null ? '·'.repeat(width) : `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      io.stderr.write(`\r\x1b[2K${bar} ${line}`);
    },
    line(text: string) { io.stderr.write(`${tty ? '\r\x1b[2K' : ''}${text}\n`); },
  };
}

export function planSync(file: string, values: Values, io: CliIo): Planned {
  const full = values.full === true;
  return async () => {
    const connections = await syncConnectionsItem.getValue();
    const work = PLATFORMS.flatMap((platform) => {
      const boards = connections[platform]?.boards ?? [];
      return boards.length ? [{ platform, boards }] : [];
    });
    if (work.length === 0) throw new CliError(t('cli_errNoBoards'));
    // Every token first: a missing one stops the run before any request, with the file untouched.
    const tokens = new Map<Platform, string>();
    const missing: string[] = [];
    for (const { platform } of work) {
      const found = tokenFromEnv(platform, io.env);
      if ('token' in found) tokens.set(platform, found.token);
      else missing.push(t('cli_errMissingToken', [platformName(platform), found.missing.join(', ')]));
    }
    if (missing.length) throw new CliError(missing.join('\n'));

    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const progress = progressWriter(io);
    let lastSave = Date.now();
    const save = async () => { await saveDataFile(file, db); lastSave = Date.now(); };
    // The extension's store (each page with its cursor in one transaction), and the file saved
    // between pages now and then, so a killed run loses at most half a minute.
    const pages = createSyncStore(db);
    const store: SyncStore = {
      getCursor: (board) => pages.getCursor(board),
      async commitPage(board, page, cursor) {
        await pages.commitPage(board, page, cursor);
        if (Date.now() - lastSave >= SAVE_EVERY_MS) await save();
      },
    };
    let failed = 0;
    let total = 0;
    try {
      for (const { platform, boards } of work) {
        for (const board of boards) {
          total++;
          if (stop.signal.aborted) { failed++; continue; }
          try {
            const outcome = await syncBoard({
              source: SYNC_SOURCES[platform], board, token: tokens.get(platform)!, store, deps: runtimeDeps, full,
              signal: stop.signal, onProgress: (p) => { if (!p.done) progress.page(p); },
            });
            progress.line(t('cli_syncBoardDone', [platformName(platform), board.name, outcome.tasks, outcome.requests]));
          } catch (e) {
            failed++;
            progress.line(t('cli_syncBoardFailed', [platformName(platform), board.name, describeSyncError(e)]));
          }
          await save();
        }
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    progress.line(t('cli_saved', file));
    if (failed) throw new CliError(t('cli_syncFailed', [failed, total]));
  };
}

