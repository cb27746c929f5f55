// The Trello implementation of PlatformAdapter: page.ts reads the DOM, card-api.ts the REST read.
import type { PlatformAdapter, TaskSnapshot } from '../adapter';
import { fetchCard, mergeCard } from './card-api';
import { cardMountPoint, findCardView, matchCardUrl, readCard, SELECTORS, type CardSnapshot } from './page';

/**
 * Trello keeps no completion time, only a "complete" flag: the moment this page first sees a card
 * complete stands in as its done time (the owner can correct it in the panel). Unchecked, it is
 * forgotten, so a card completed again gets the new moment.
 */
const firstSeenComplete = new Map<string, string>();

function withDoneTime({ task, complete }: CardSnapshot, now = () => new Date().toISOString()): TaskSnapshot {
  if (!complete) {
    firstSeenComplete.delete(task.taskId);
    return { task };
  }
  let seen = firstSeenComplete.get(task.taskId);
  if (!seen) firstSeenComplete.set(task.taskId, (seen = now()));
  return { task: { ...task, doneAt: task.doneAt ?? seen } };
}

export const trelloAdapter: PlatformAdapter = {
  platform: 'trello',
  taskViewSelector: SELECTORS.cardView,
  darkThemeSelector: SELECTORS.darkTheme,
  matchTaskUrl: matchCardUrl,
  findTaskView: findCardView,
  readTask(view, url) {
    const shortLink = matchCardUrl(url);
    const card = shortLink ? readCard(view, shortLink) : null;
    return card && withDoneTime(card);
  },
  mountPoint: cardMountPoint,
  async enrich(snapshot, signal) {
    const facts = await fetchCard(snapshot.task.taskId, signal);
    return facts ? withDoneTime(mergeCard(snapshot, facts)) : null;
  },
};
