// Runs the ratings CSV export in a worker where there is one (extension pages in Chrome and
// Firefox), and on this thread where there is none (happy-dom in unit tests) or it fails to start.
import { exportRatingsCsv, type RatingsExportOptions, type RatingsFilter } from './export';
import type { ExportReply, ExportRequest } from './export-worker';
import ExportWorker from './export-worker?worker';

export function exportRatingsCsvOffThread(filter: RatingsFilter, options: RatingsExportOptions): Promise<{ blob: Blob; rows: number }> {
  if (typeof Worker === 'undefined') return exportRatingsCsv(filter, options);
  return new Promise((resolve, reject) => {
    const worker: Worker = new ExportWorker();
    let started = false;
    worker.onmessage = (e: MessageEvent<ExportReply>) => {
      const reply = e.data;
      started = true;
      if (reply.type === 'progress') { options.onProgress?.(reply.rows); return; }
      worker.terminate();
      if (reply.type === 'done') resolve({ blob: reply.blob, rows: reply.rows });
      else reject(new Error(reply.message));
    };
    // The worker's script did not load or run (no progress came): export here instead.
    worker.onerror = (e) => {
      worker.terminate();
      if (started) reject(new Error(e.message));
      else exportRatingsCsv(filter, options).then(resolve, reject);
    };
    worker.postMessage({ filter, delimiter: options.delimiter } satisfies ExportRequest);
  });
}
