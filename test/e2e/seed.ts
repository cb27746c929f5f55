// Builds realistic ratings and writes them straight into the extension's IndexedDB from one of
// its own pages, the way a long-time user's data would sit there.
import type { Page } from 'playwright-core';
import type { Rating, Va } from '@/lib/model';

const CATEGORIES = ['email', 'social', 'admin', 'creative', 'other'];

/** `count` ratings over `vaCount` VAs, done over the `months` months before `end`. */
export function makeRatings(count: number, vaCount: number, end = new Date(), months = 24) {
  const now = new Date().toISOString();
  const vas: Va[] = Array.from({ length: vaCount }, (_, i) => ({
    id: `va-${i}`, name: `VA ${String(i).padStart(2, '0')}`, hourlyRate: 20 + i, currency: 'EUR',
    identities: [], archived: false, createdAt: now, updatedAt: now,
  }));
  const span = months * 30 * 86_400_000;
  const ratings: Rating[] = Array.from({ length: count }, (_, i) => {
    const done = new Date(end.getTime() - Math.floor((i / count) * span)); // evenly over the months
    const estimate = 30 + (i % 8) * 15;
    return {
      id: `trello:seed${i}`, platform: 'trello', taskId: `seed${i}`, vaId: vas[i % vaCount]!.id,
      category: CATEGORIES[i % CATEGORIES.length]!, estimateMinutes: estimate,
      actualMinutes: Math.round(estimate * (0.6 + ((i * 31) % 17) / 10)), quality: 1 + (i % 5),
      errorFree: i % 7 !== 0, followedBriefing: i % 9 !== 0, remindersNeeded: i % 4 === 0 ? 1 : 0,
      delaysFlagged: i % 3 === 0, proactive: i % 11 === 0, note: '', counters: {},
      dueAt: new Date(done.getTime() + ((i % 5) - 2) * 86_400_000).toISOString(), doneAt: done.toISOString(),
      createdAt: now, updatedAt: now,
    };
  });
  return { vas, ratings };
}

/** Writes into the existing `va-scorecard` database (the page must have opened it once). */
export async function seed(page: Page, data: { vas: Va[]; ratings: Rating[] }) {
  await page.evaluate(async ({ vas, ratings }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('va-scorecard');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['vas', 'ratings'], 'readwrite');
      for (const va of vas) tx.objectStore('vas').put(va);
      for (const r of ratings) tx.objectStore('ratings').put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, data);
}
