// Whether the board page in a tab was recognised: the content script reports it, the background
// stores it per tab in session storage (pageStatusItem), the popup shows it.
import type { Platform } from '../model';

export interface PageStatus { platform: Platform; recognised: boolean; url: string | null }

/**
 * A stored status still describes the tab only while the tab is on the same site: once it has
 * left (its URL is then unknown to us, or another origin) the notice would be stale.
 */
export function statusApplies(status: PageStatus | null, tabUrl: string | undefined): status is PageStatus {
  if (!status || !status.url || !tabUrl) return false;
  return new URL(status.url).origin === new URL(tabUrl).origin;
}
