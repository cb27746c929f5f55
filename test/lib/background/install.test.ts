import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { upgradeDatabaseOnInstall } from '@/lib/background/install';
import { ScorecardDb } from '@/lib/db';
import { realisticData } from '../../dataset';

describe('on install or update', () => {
  it('upgrades an older database right away, so the popup finds its done-days copy built', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ ratings: 'id, [vaId+doneAt], doneAt, updatedAt' });
    await v1.table('ratings').bulkPut(realisticData().ratings);
    v1.close();

    const d = new ScorecardDb(name);
    upgradeDatabaseOnInstall(d);
    expect(d.isOpen()).toBe(false);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    await expect.poll(() => d.isOpen()).toBe(true);
    // Read straight from IndexedDB, as the popup would find it.
    const raw = new Dexie(name);
    await raw.open();
    expect(await raw.table('doneDays').count()).toBeGreaterThan(10);
    raw.close();
  });
});
