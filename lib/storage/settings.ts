// The owner's settings, kept in storage.local beside (never inside) the per-platform tokens,
// which live under `local:token:<platform>` so a backup of `settings` can never carry them.
import { DEFAULT_SETTINGS } from '../model/constants';
import type { Settings } from '../model';
import { settingsItem } from './items';

/**
 * The stored settings over the defaults. Every write is parsed with zod (saveSettings, restore),
 * so reading needs no zod, which the popup then never loads (~100 KB of start-up script). Only
 * known fields are taken, so nothing else (a token) can leak out through the settings; a field
 * added in a later version, or one of the wrong kind (a hand edit), gets its default. A change to
 * what a field means needs a `version` and a migration on the item.
 */
export async function getSettings(): Promise<Settings> {
  const stored: Partial<Record<string, unknown>> = (await settingsItem.getValue()) ?? {};
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    const value = stored[key];
    // An amount that is unset by default (null) may be a number.
    if (value !== undefined && (typeof value === typeof fallback || (fallback === null && typeof value === 'number'))) out[key] = value;
  }
  return out as Settings;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const { Settings } = await import('../model'); // see getSettings
  const next = Settings.parse({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}
