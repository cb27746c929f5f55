// For platforms whose page shows only that a task is complete, not when: the moment this page
// first sees it complete stands in as its done time (the owner can correct it in the panel).
// Once seen open again it is forgotten, so a task completed again gets the new moment.
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
