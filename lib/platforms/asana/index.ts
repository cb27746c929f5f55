// The Asana implementation of PlatformAdapter: page.ts reads the task pane. No REST read: the
// pane shows everything the panel proposes, and the API needs a token a content script never gets.
import type { PlatformAdapter } from '../adapter';
import { firstSeenComplete, withFirstSeenDone } from '../completion';
import { findTaskPane, matchTaskUrl, paneMountPoint, readPane, SELECTORS } from './page';

/**
 * The pane shows a pressed "complete" toggle but not since when (the time is only in the
 * activity feed, worded per language).
 */
const withDoneTime = withFirstSeenDone(firstSeenComplete());

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
