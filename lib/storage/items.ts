// The typed storage items of the background and the extension's pages (WXT's storage.defineItem,
// as github-better-line-counts does): one per key of lib/storage/keys.ts.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS } from '../model/constants';
import type { Settings, Timer } from '../model';
import type { PageStatus } from './page-status';
import type { Platform } from '../platforms/registry';
import type { BoardCursor, BoardRef, SyncErrorKind } from '../sync/types';
import { STORAGE_KEYS } from './keys';

export const settingsItem = storage.defineItem<Settings>(`local:${STORAGE_KEYS.settings}`, { fallback: DEFAULT_SETTINGS });

export const timerItem = storage.defineItem<Timer | null>(`local:${STORAGE_KEYS.timer}`, { fallback: null });

export const remindersShownItem = storage.defineItem<Record<string, string>>(`local:${STORAGE_KEYS.remindersShown}`, { fallback: {} });

export const pageStatusItem = (tabId: number) =>
  storage.defineItem<PageStatus | null>(`session:${STORAGE_KEYS.pageStatus(tabId)}`, { fallback: null });

/** Only the background reads or writes a token (lib/background/sync.ts). */
export const tokenItem = (platform: Platform) => storage.defineItem<string | null>(`local:${STORAGE_KEYS.token(platform)}`, { fallback: null });

/** `last4` is null for a connection restored from a backup: this browser holds no token for it yet. */
export interface SyncConnection { account: string; last4: string | null; boards: BoardRef[]; connectedAt: string }
export type SyncConnections = Partial<Record<Platform, SyncConnection>>;
export const syncConnectionsItem = storage.defineItem<SyncConnections>(`local:${STORAGE_KEYS.syncConnections}`, { fallback: {} });

/**
 * Where a board's sync was before schema version 5 put cursors in the database (lib/db/sync.ts):
 * read once to move it there, and removed.
 */
export const legacySyncCursorItem = (platform: Platform, boardId: string) =>
  storage.defineItem<BoardCursor | null>(`local:${STORAGE_KEYS.syncCursor(platform, boardId)}`, { fallback: null });

/** Forgets every board's sync status and any cursor an older version left in storage (delete all). */
export async function forgetSyncProgress(): Promise<void> {
  const prefix = STORAGE_KEYS.syncCursor('', '').replace(/:+$/, ':');
  const keys = Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith(prefix));
  await Promise.all([browser.storage.local.remove(keys), syncStatusItem.removeValue()]);
}

export interface BoardStatus {
  running: boolean;
  pages: number;
  /** Tasks read by the running (or last) run. */
  tasks: number;
  fraction: number | null;
  lastSyncAt: string | null;
  /** Tasks of this board now stored. */
  stored: number;
  error: { kind: SyncErrorKind; detail: string } | null;
}
/** Keyed `platform:boardId`. */
export const syncStatusItem = storage.defineItem<Record<string, BoardStatus>>(`local:${STORAGE_KEYS.syncStatus}`, { fallback: {} });
