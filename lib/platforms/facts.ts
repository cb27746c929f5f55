// What every platform tells the registry about itself (lib/platforms/<id>/facts.ts). Type-only.
import type { MessageKey } from '../text/i18n';

export interface PlatformFacts {
  /** Message key of the name shown to the owner. */
  readonly nameKey: MessageKey;
  /** Hosts of the task pages, where the panel runs (host permissions, content-script matches). */
  readonly appHosts: readonly string[];
  /** Match patterns of the REST API, asked for only when the owner connects a board for sync. */
  readonly apiPatterns: readonly string[];
  /** A task's URL from its id alone (an import file without links). */
  taskUrl(taskId: string): string;
}

/** Match patterns of a platform's task pages (`https://trello.com/*`). */
export const appMatches = (facts: PlatformFacts): string[] => facts.appHosts.map((h) => `https://${h}/*`);
