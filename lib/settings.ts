// The owner's settings, kept in storage.local beside (never inside) the per-platform tokens,
// which live under `local:token:<platform>` so a backup of `settings` can never carry them.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS } from './constants';
import type { Settings } from './model';

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

/** The stored settings, parsed: an older or hand-edited value gets defaults, not a crash. */
export async function getSettings(): Promise<Settings> {
  // zod loads on demand: the popup asks for settings alongside its database reads, so parsing
  // costs nothing on the way to its first KPIs, and its start-up skips ~100 KB of script.
  const [stored, { Settings }] = await Promise.all([settingsItem.getValue(), import('./model')]);
  const parsed = Settings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const { Settings } = await import('./model');
  const next = Settings.parse({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}
