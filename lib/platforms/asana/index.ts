// The Asana implementation of PlatformAdapter: page.ts reads the task pane. No REST read: the
// pane shows everything the panel proposes, and the API needs a token a content script never gets.
import type { PlatformAdapter, TaskSnapshot } from '../adapter';
import { findTaskPane, matchTaskUrl, paneMountPoint, readPane, SELECTORS, type PaneSnapshot } from './page';

/**
 * The pane shows a pressed "complete" toggle but not since when (the time is only in the
 * activity feed, worded per language): the moment this page first sees a task complete stands in
 * as its done time (a flag-only platform's rule); the owner can correct it in the panel. Reopened, it is forgotten.
 */
const firstSeenComplete = new Map<string, string>();

function withDoneTime({ task, complete }: PaneSnapshot, now = () => new Date().toISOString()): TaskSnapshot {
  if (!complete) {
    firstSeenComplete.delete(task.taskId);
    return { task };
  }
  let seen = firstSeenComplete.get(task.taskId);
  if (!seen) firstSeenComplete.set(task.taskId, (seen = now()));
  return { task: { ...task, doneAt: task.doneAt ?? seen } };
}

export const asanaAdapter: PlatformAdapter = {
  platform: 'asana',
  taskViewSelector: SELECTORS.taskPane,
  darkThemeSelector: SELECTORS.darkTheme,
  matchTaskUrl,
  findTaskView: findTaskPane,
  readTask(view, url) {
    const pane = readPane(view, url);
    return pane && withDoneTime(pane);
  },
  mountPoint: paneMountPoint,
};
