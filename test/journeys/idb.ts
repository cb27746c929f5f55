// Reads the extension's IndexedDB from inside a document or worker of the extension's origin.
// Self-contained: the drivers send its source to the browser (Playwright's and Puppeteer's evaluate).
export async function readStore({ store, key }: { store: string; key?: string }): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('va-scorecard');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const objects = db.transaction(store).objectStore(store);
      const req: IDBRequest = key === undefined ? objects.getAll() : objects.get(key);
      req.onsuccess = () => resolve(req.result ?? null);
      req.onerror = () => reject(req.error);
    });
  } finally { db.close(); }
}
