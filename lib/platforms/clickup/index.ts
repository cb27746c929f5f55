// The ClickUp implementation of PlatformAdapter; page.ts reads the task view.
import type { PlatformAdapter } from '../adapter';
import { firstSeenComplete, withFirstSeenDone } from '../completion';
import { findTaskView, matchTaskUrl, readTask, SELECTORS, taskMountPoint } from './page';

/**
 * The task view shows a closed status but not when it was closed (the REST API's `date_closed`,
 * read by the sync, is the exact time).
 */
const withDoneTime = withFirstSeenDone(firstSeenComplete());

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
