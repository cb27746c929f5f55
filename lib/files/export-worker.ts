// The ratings CSV built in a dedicated worker (started by exportRatingsCsvOffThread): reading
// and decoding 100,000 records and the GC that follows then never hold up the dashboard's
// main thread. Dexie opens the same database here (a worker shares its page's origin).
import { exportRatingsCsv, type RatingsFilter } from './export';
import type { Delimiter } from './csv';

export interface ExportRequest { filter: RatingsFilter; delimiter: Delimiter }
export type ExportReply =
  | { type: 'progress'; rows: number }
  | { type: 'done'; blob: Blob; rows: number }
  | { type: 'failed'; message: string };

const post = (reply: ExportReply) => postMessage(reply);

addEventListener('message', async (e: MessageEvent<ExportRequest>) => {
  try {
    // Pages of 2,500 here (1,000 on a page's thread, where each page is one task): fewer read
    // transactions; no page's work can freeze the dashboard from this thread.
    const { blob, rows } = await exportRatingsCsv(e.data.filter, {
      delimiter: e.data.delimiter, onProgress: (n) => post({ type: 'progress', rows: n }), yieldPerPage: false, pageSize: 2_500,
    });
    post({ type: 'done', blob, rows }); // a Blob is passed by reference: its bytes are not copied
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
});
