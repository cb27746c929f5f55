// The Trello implementation of PlatformAdapter: page.ts reads the DOM, card-api.ts the REST read.
import type { PlatformAdapter, TaskSnapshot } from '../adapter';
import { firstSeenComplete } from '../completion';
import { fetchCard, mergeCard } from './card-api';
import { cardMountPoint, findCardView, matchCardUrl, readCard, SELECTORS, type CardSnapshot } from './page';

/** Trello keeps no completion time, only a "complete" flag. */
const doneTime = firstSeenComplete();

function withDoneTime({ task, complete }: CardSnapshot): TaskSnapshot {
  const seen = doneTime(task.taskId, complete);
  return { task: complete ? { ...task, doneAt: task.doneAt ?? seen } : task };
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
