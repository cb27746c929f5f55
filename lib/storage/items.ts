// The typed storage items of the background and the extension's pages (WXT's storage.defineItem,
// as github-better-line-counts does): one per key of lib/storage/keys.ts.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS } from '../model/constants';
import type { Settings, Timer } from '../model';
import type { PageStatus } from './page-status';
import { STORAGE_KEYS } from './keys';

export const settingsItem = storage.defineItem<Settings>(`local:${STORAGE_KEYS.settings}`, { fallback: DEFAULT_SETTINGS });

export const timerItem = storage.defineItem<Timer | null>(`local:${STORAGE_KEYS.timer}`, { fallback: null });

export const remindersShownItem = storage.defineItem<Record<string, string>>(`local:${STORAGE_KEYS.remindersShown}`, { fallback: {} });

export const pageStatusItem = (tabId: number) =>
  storage.defineItem<PageStatus | null>(`session:${STORAGE_KEYS.pageStatus(tabId)}`, { fallback: null });
