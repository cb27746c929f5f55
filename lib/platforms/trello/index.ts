// The Trello implementation of PlatformAdapter: page.ts reads the DOM, card-api.ts the REST read.
import type { PlatformAdapter } from '../adapter';
import { firstSeenComplete, withFirstSeenDone } from '../completion';
import { fetchCard, mergeCard } from './card-api';
import { cardMountPoint, findCardView, matchCardUrl, readCard, SELECTORS } from './page';

/** Trello keeps no completion time, only a "complete" flag. */
const withDoneTime = withFirstSeenDone(firstSeenComplete());

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
