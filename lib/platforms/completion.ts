// For platforms whose page shows only that a task is complete, not when: the moment this page
// first sees it complete stands in as its done time (the owner can correct it in the panel).
// Once seen open again it is forgotten, so a task completed again gets the new moment.
import type { TaskSnapshot } from './adapter';

export function firstSeenComplete(now = () => new Date().toISOString()) {
  const seen = new Map<string, string>();
  return (taskId: string, complete: boolean): string | null => {
    if (!complete) {
      seen.delete(taskId);
      return null;
    }
    let at = seen.get(taskId);
    if (!at) seen.set(taskId, (at = now()));
    return at;
  };
}

/** A snapshot from a page that knows only the flag, with the first-seen moment as its done time. */
export function withFirstSeenDone(doneTime: ReturnType<typeof firstSeenComplete>) {
  return <S extends TaskSnapshot & { complete: boolean }>({ complete, ...snapshot }: S): Omit<S, 'complete'> => {
    const seen = doneTime(snapshot.task.taskId, complete);
    return complete ? { ...snapshot, task: { ...snapshot.task, doneAt: snapshot.task.doneAt ?? seen } } : snapshot;
  };
}
