// Puts data into the extension's IndexedDB the way a user of the previous version has it: the
// database is recreated with version 1's schema and records, and the extension's own upgrade
// builds what later versions derive from them (the done-days copy) when a page opens it again.
// Writing raw records into the current schema would skip that copy, which no real user has.
// Records are generated inside the page: passing 50,000 objects through Playwright's serializer
// takes about a minute.
import type { Page } from 'playwright-core';

export interface SeedSpec {
  count: number;
  vaCount: number;
  /** Ratings are done evenly over this many months before now. */
  months: number;
}

type Stores = Record<string, unknown[]>;

/** Replaces the database with version-1 data; reload the page (or open another) to upgrade it. */
async function writeVersion1(page: Page, input: { stores: Stores } | { spec: SeedSpec }) {
  await page.evaluate(async (input) => {
    function generate({ count, vaCount, months }: SeedSpec): Stores {
      const categories = ['email', 'social', 'admin', 'creative', 'other'];
      const now = new Date().toISOString();
      const end = Date.now();
      const span = months * 30 * 86_400_000;
      const vas = Array.from({ length: vaCount }, (_, i) => ({
        id: `va-${i}`, name: `VA ${String(i).padStart(2, '0')}`, hourlyRate: 20 + i, currency: 'EUR',
        identities: [], archived: false, createdAt: now, updatedAt: now,
      }));
      const ratings: unknown[] = [];
      const tasks: unknown[] = [];
      for (let i = 0; i < count; i++) {
        const done = end - Math.floor((i / count) * span);
        const estimate = 30 + (i % 8) * 15;
        const key = `trello:seed${i}`;
        ratings.push({
          id: key, platform: 'trello', taskId: `seed${i}`, vaId: vas[i % vaCount]!.id,
          category: categories[i % categories.length], estimateMinutes: estimate,
          actualMinutes: Math.round(estimate * (0.6 + ((i * 31) % 17) / 10)), quality: 1 + (i % 5),
          errorFree: i % 7 !== 0, followedBriefing: i % 9 !== 0, remindersNeeded: i % 4 === 0 ? 1 : 0,
          delaysFlagged: i % 3 === 0, proactive: i % 11 === 0, note: '', counters: {},
          dueAt: new Date(done + ((i % 5) - 2) * 86_400_000).toISOString(), doneAt: new Date(done).toISOString(),
          createdAt: now, updatedAt: now,
        });
        tasks.push({
          key, platform: 'trello', taskId: `seed${i}`, title: `Seeded task ${i}`, url: `https://trello.com/c/seed${i}`,
          board: 'Seed', assignees: [], dueAt: null, doneAt: null, nativeEstimateMinutes: null, nativeTrackedMinutes: null, updatedAt: now,
        });
      }
      return { vas, ratings, tasks };
    }

    // Version 1's schema as Dexie created it (Dexie version 1 = IndexedDB version 10).
    const V1: Record<string, { key: string; indexes: (string | string[])[] }> = {
      vas: { key: 'id', indexes: ['name'] },
      tasks: { key: 'key', indexes: ['platform', 'updatedAt'] },
      ratings: { key: 'id', indexes: [['vaId', 'doneAt'], 'doneAt', 'updatedAt'] },
      reviews: { key: 'id', indexes: [['vaId', 'periodStart'], 'nextCheckIn'] },
      impact: { key: 'id', indexes: [['metric', 'month'], 'month'] },
      targets: { key: 'id', indexes: ['kpi'] },
      categories: { key: 'id', indexes: [] },
    };
    const succeeded = (req: IDBRequest) => new Promise<void>((resolve, reject) => {
      req.onsuccess = () => resolve(); req.onerror = () => reject(req.error);
    });

    const stores = 'stores' in input ? input.stores : generate(input.spec);
    // The page's own connection closes on `versionchange` (Dexie does that), so the delete goes through.
    // Between the delete and the open, another connection (the page's or the background's Dexie,
    // opening on its next read) may create the current version again: then delete and open again.
    const openVersion1 = async (tries: number): Promise<IDBDatabase> => {
      await succeeded(indexedDB.deleteDatabase('va-scorecard'));
      const open = indexedDB.open('va-scorecard', 10);
      open.onupgradeneeded = () => {
        for (const [name, { key, indexes }] of Object.entries(V1)) {
          const store = open.result.createObjectStore(name, { keyPath: key });
          for (const index of indexes) store.createIndex(Array.isArray(index) ? `[${index.join('+')}]` : index, index);
        }
      };
      try {
        await succeeded(open);
        return open.result;
      } catch (e) {
        if ((e as DOMException | null)?.name !== 'VersionError' || tries <= 1) throw e;
        return openVersion1(tries - 1);
      }
    };
    const db = await openVersion1(5);
    const tx = db.transaction(Object.keys(stores), 'readwrite');
    for (const [name, records] of Object.entries(stores)) for (const r of records) tx.objectStore(name).put(r);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  }, input);
}

/** Realistic ratings of `vaCount` VAs, with their tasks. */
export const seed = (page: Page, spec: SeedSpec) => writeVersion1(page, { spec });

/** Explicit records per store. */
export const putRecords = (page: Page, stores: Stores) => writeVersion1(page, { stores });
