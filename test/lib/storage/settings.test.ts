import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/model/constants';
import { getSettings, saveSettings } from '@/lib/storage/settings';

describe('settings', () => {
  it('are the defaults until the owner saves some, then what was saved', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ tolerance: 0.3, ownerHourlyValue: 80 });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, tolerance: 0.3, ownerHourlyValue: 80 });
  });

  it('refuses to save a value outside its range and keeps the stored one', async () => {
    await saveSettings({ tolerance: 0.3 });
    await expect(saveSettings({ tolerance: -1 })).rejects.toThrow(/tolerance/);
    expect((await getSettings()).tolerance).toBe(0.3);
  });

  it('fill a field missing from an older value, or of the wrong kind, with its default and drop unknown fields', async () => {
    await fakeBrowser.storage.local.set({ settings: { tolerance: 'lots', currency: 'USD', trelloToken: 'SECRET' } });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, currency: 'USD' });
  });
});
