// Trello's entry in the platform registry. URL shapes: shared/reference/dom-selectors.md.
import type { PlatformFacts } from '../facts';

export const TRELLO = {
  nameKey: 'platform_trello',
  appHosts: ['trello.com'],
  apiPatterns: ['https://api.trello.com/*'],
  taskUrl: (shortLink: string) => `https://trello.com/c/${encodeURIComponent(shortLink)}`,
} as const satisfies PlatformFacts;
