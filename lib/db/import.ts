// Writes the valid rows of a CSV import preview (lib/files/import.ts), and the one rule both use
// for what a row becomes on top of what is stored, so the preview checks exactly what is written.
import { db as defaultDb, type ScorecardDb } from '.';
import { newId, nowIso, Rating, TaskRef, Va } from '../model';
import { PLATFORM_REGISTRY } from '../platforms/registry';
import { t } from '../text/i18n';
import { parseOrThrow } from './writes';

export type VaMatch =
  /** The file has no VA columns: an existing rating keeps its VA. */
  | { kind: 'keep' }
  | { kind: 'none' }
  | { kind: 'existing'; id: string; name: string }
  /** No VA has this name (case-insensitive): one is created on import. */
  | { kind: 'new'; name: string };

/** What one valid line will write. Only columns present in the file are set. */
export interface ImportRow {
  line: number;
  key: string;
  task: Partial<Pick<TaskRef, 'title' | 'url' | 'dueAt' | 'doneAt'>> & Pick<TaskRef, 'platform' | 'taskId'>;
  rating: Partial<Omit<Rating, 'id' | 'platform' | 'taskId' | 'vaId' | 'createdAt' | 'updatedAt'>>;
  va: VaMatch;
  /** A rating for this task exists and will be updated. */
  replaces: boolean;
}

/** The task and rating a row turns into, on top of what is stored (one code path for preview and commit). */
export function buildRecords(row: ImportRow, task: TaskRef | undefined, rating: Rating | undefined, vaId: string | null, now: string) {
  const dates = { ...('dueAt' in row.task ? { dueAt: row.task.dueAt } : {}), ...('doneAt' in row.task ? { doneAt: row.task.doneAt } : {}) };
  return {
    // A file without taskUrl keeps the stored URL (it may carry a slug), else gets the platform's.
    task: { title: '', ...task, ...row.task, url: row.task.url ?? task?.url ?? PLATFORM_REGISTRY[row.task.platform].taskUrl(row.task.taskId), key: row.key, updatedAt: now },
    rating: {
      dueAt: task?.dueAt ?? null,
      doneAt: task?.doneAt ?? null,
      ...rating,
      ...row.rating,
      ...dates,
      vaId: row.va.kind === 'keep' ? rating?.vaId ?? null : vaId,
      id: row.key,
      platform: row.task.platform,
      taskId: row.task.taskId,
      createdAt: rating?.createdAt ?? now,
      updatedAt: now,
    },
  };
}

/** Decodes the file: UTF-8 (BOM or not), UTF-16 with its BOM, else Windows-1252. */
export interface ImportResult { imported: number; createdVas: number }

/**
 * Writes the valid rows of a preview: VAs to create, tasks and ratings, all in one
 * transaction, so a failure imports nothing. Matching is redone inside it, so a VA added
 * since the preview is reused rather than duplicated.
 */
export async function commitImport(rows: readonly ImportRow[], d: ScorecardDb = defaultDb): Promise<ImportResult> {
  return d.transaction('rw', d.vas, d.tasks, d.ratings, async () => {
    const now = nowIso();
    const byName = new Map((await d.vas.toArray()).map((v) => [v.name.trim().toLocaleLowerCase(), v.id]));
    let createdVas = 0;
    for (const row of rows) {
      if (row.va.kind !== 'new' || byName.has(row.va.name.toLocaleLowerCase())) continue;
      const va = parseOrThrow(Va, { id: newId(), name: row.va.name, createdAt: now, updatedAt: now }, 'VA');
      await d.vas.add(va);
      byName.set(va.name.toLocaleLowerCase(), va.id);
      createdVas++;
    }
    const keys = rows.map((r) => r.key);
    const [tasks, ratings] = await Promise.all([d.tasks.bulkGet(keys), d.ratings.bulkGet(keys)]);
    const built = rows.map((row, i) => {
      const vaId = row.va.kind === 'existing' ? row.va.id : row.va.kind === 'new' ? byName.get(row.va.name.toLocaleLowerCase())! : null;
      const { task, rating } = buildRecords(row, tasks[i], ratings[i], vaId, now);
      return {
        task: parseOrThrow(TaskRef, task, t('data_line', row.line)),
        rating: parseOrThrow(Rating, rating, t('data_line', row.line)),
      };
    });
    await d.tasks.bulkPut(built.map((b) => b.task));
    await d.ratings.bulkPut(built.map((b) => b.rating));
    return { imported: built.length, createdVas };
  });
}
