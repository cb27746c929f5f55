// A sync failure as the words a person reads: the dashboard's Boards section (through the
// background) and the command line say the same.
import { SyncError } from '../sync/types';
import { t, type MessageKey } from './i18n';

/** A SyncError as one translated line, with the platform's own words when it gave any. */
export function describeSyncError(e: unknown): string {
  if (!(e instanceof SyncError)) return e instanceof Error ? e.message : String(e);
  const text = t(`sync_err_${e.kind}` as MessageKey);
  return e.detail ? `${text} (${e.detail})` : text;
}
