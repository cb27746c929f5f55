// The ClickUp implementation of PlatformAdapter; page.ts reads the task view.
import type { PlatformAdapter, TaskSnapshot } from '../adapter';
import { firstSeenComplete } from '../completion';
import { findTaskView, matchTaskUrl, readTask, SELECTORS, taskMountPoint, type ClickUpSnapshot } from './page';

/**
 * The task view shows a closed status but not when it was closed (the REST API's `date_closed`,
 * read by the sync, is the exact time).
 */
const doneTime = firstSeenComplete();

function withDoneTime({ task, complete, urlId }: ClickUpSnapshot): TaskSnapshot {
  return { task: { ...task, doneAt: doneTime(task.taskId, complete) }, ...(urlId && { urlId }) };
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
