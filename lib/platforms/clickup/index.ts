// The ClickUp implementation of PlatformAdapter; page.ts reads the task view.
import type { PlatformAdapter, TaskSnapshot } from '../adapter';
import { findTaskView, matchTaskUrl, readTask, SELECTORS, taskMountPoint, type ClickUpSnapshot } from './page';

/**
 * The task view shows a closed status but not when it was closed: the moment this page first
 * sees the task closed stands in (the owner can correct it in the panel), forgotten if reopened.
 * The REST API's `date_closed` (sync) is the exact time.
 */
const closedSeen = new Map<string, string>();

function withDoneTime({ task, complete, urlId }: ClickUpSnapshot): TaskSnapshot {
  if (!complete) closedSeen.delete(task.taskId);
  else if (!closedSeen.has(task.taskId)) closedSeen.set(task.taskId, new Date().toISOString());
  const doneAt = closedSeen.get(task.taskId) ?? null;
  return { task: { ...task, doneAt }, ...(urlId && { urlId }) };
}

export const clickupAdapter: PlatformAdapter = {
  platform: 'clickup',
  taskViewSelector: SELECTORS.taskView,
  darkThemeSelector: SELECTORS.darkTheme,
  matchTaskUrl,
  findTaskView,
  readTask(view, url) {
    const id = matchTaskUrl(url);
    const snapshot = id ? readTask(view, id) : null;
    return snapshot && withDoneTime(snapshot);
  },
  mountPoint: taskMountPoint,
};
