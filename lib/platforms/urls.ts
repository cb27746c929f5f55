// Where each platform's tasks live on the web: the one list of task-page hosts, and how a task's
// URL is built from its id alone (an import file without a taskUrl column). Shapes from
// shared/reference/dom-selectors.md; Trello's builder is its page module's own.
import type { Platform } from '../model';
import { cardUrl } from './trello/page';

export const PLATFORM_HOSTS: Readonly<Record<Platform, string>> = {
  trello: 'trello.com',
  asana: 'app.asana.com',
  clickup: 'app.clickup.com',
};

/** The platform whose task pages are served from `hostname`, or null. */
export function platformOfHost(hostname: string): Platform | null {
  const entry = Object.entries(PLATFORM_HOSTS).find(([, host]) => host === hostname);
  return entry ? (entry[0] as Platform) : null;
}

/**
 * A URL that opens the task. Asana's `/0/0/<gid>` needs no project (the app resolves it, as the
 * Harvest permalink does); ClickUp's `/t/<id>` is the task view itself.
 */
export const TASK_URL: Readonly<Record<Platform, (taskId: string) => string>> = {
  trello: (shortLink) => cardUrl(encodeURIComponent(shortLink)),
  asana: (gid) => `https://${PLATFORM_HOSTS.asana}/0/0/${encodeURIComponent(gid)}`,
  clickup: (id) => `https://${PLATFORM_HOSTS.clickup}/t/${encodeURIComponent(id)}`,
};
