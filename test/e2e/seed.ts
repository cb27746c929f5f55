// Writes realistic ratings straight into the extension's IndexedDB from one of its own pages,
// the way a long-time user's data would sit there. The records are generated inside the page:
// passing 50,000 objects through Playwright's serializer takes about a minute.
import type { Page } from 'playwright-core';

export interface SeedSpec {
  count: number;
  vaCount: number;
  /** Ratings are done evenly over this many months before now. */
  months: number;
}

/** Seeds into the existing `va-scorecard` database (the page must have opened it once). */
export async function seed(page: Page, spec: SeedSpec) {
  await page.evaluate(async ({ count, vaCount, months }) => {
    const categories = ['email', 'social', 'admin', 'creative', 'other'];
    const now = new Date().toISOString();
    const end = Date.now();
    const span = months * 30 * 86_400_000;
    const vas = Array.from({ length: vaCount }, (_, i) => ({
      id: `va-${i}`, name: `VA ${String(i).padStart(2, '0')}`, hourlyRate: 20 + i, currency: 'EUR',
      identities: [], archived: false, createdAt: now, updatedAt: now,
    }));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('va-scorecard');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['vas', 'ratings', 'tasks'], 'readwrite');
      for (const va of vas) tx.objectStore('vas').put(va);
      for (let i = 0; i < count; i++) {
        const done = end - Math.floor((i / count) * span);
        const estimate = 30 + (i % 8) * 15;
        const key = `trello:seed${i}`;
        tx.objectStore('ratings').put({
          id: key, platform: 'trello', taskId: `seed${i}`, vaId: vas[i % vaCount]!.id,
          category: categories[i % categories.length], estimateMinutes: estimate,
          actualMinutes: Math.round(estimate * (0.6 + ((i * 31) % 17) / 10)), quality: 1 + (i % 5),
          errorFree: i % 7 !== 0, followedBriefing: i % 9 !== 0, remindersNeeded: i % 4 === 0 ? 1 : 0,
          delaysFlagged: i % 3 === 0, proactive: i % 11 === 0, note: '', counters: {},
          dueAt: new Date(done + ((i % 5) - 2) * 86_400_000).toISOString(), doneAt: new Date(done).toISOString(),
          createdAt: now, updatedAt: now,
        });
        tx.objectStore('tasks').put({
          key, platform: 'trello', taskId: `seed${i}`, title: `Seeded task ${i}`, url: `https://trello.com/c/seed${i}`,
          board: 'Seed', assignees: [], dueAt: null, doneAt: null, nativeEstimateMinutes: null, nativeTrackedMinutes: null, updatedAt: now,
        });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, spec);
}

/** Puts explicit records into the named stores, in one transaction. */
export async function putRecords(page: Page, stores: Record<string, unknown[]>) {
  await page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('va-scorecard');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(Object.keys(stores), 'readwrite');
      for (const [name, records] of Object.entries(stores)) for (const r of records) tx.objectStore(name).put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, stores);
}
