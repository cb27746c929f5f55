// The owner's settings, kept in storage.local beside (never inside) the per-platform tokens,
// which live under `local:token:<platform>` so a backup of `settings` can never carry them.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, Settings } from './model';

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

/** The stored settings, parsed: an older or hand-edited value gets defaults, not a crash. */
export async function getSettings(): Promise<Settings> {
  const parsed = Settings.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}
