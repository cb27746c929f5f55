// The Trello implementation of PlatformAdapter: page.ts reads the DOM, card-api.ts the REST read.
import type { PlatformAdapter } from '../adapter';
import { fetchCard, mergeCard } from './card-api';
import { cardMountPoint, findCardView, matchCardUrl, readCard, SELECTORS } from './page';

export const trelloAdapter: PlatformAdapter = {
  platform: 'trello',
  taskViewSelector: SELECTORS.cardView,
  matchTaskUrl: matchCardUrl,
  findTaskView: findCardView,
  readTask(view, url) {
    const shortLink = matchCardUrl(url);
    return shortLink ? readCard(view, shortLink) : null;
  },
  mountPoint: cardMountPoint,
  async enrich(snapshot, signal) {
    const facts = await fetchCard(snapshot.task.taskId, signal);
    return facts ? mergeCard(snapshot, facts) : null;
  },
};
