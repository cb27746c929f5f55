// The one list of board platforms. Everything else that names a platform derives from it: the
// model's enum, the host checks of messages, import and restore, the manifest's host permissions,
// and the name the UI shows. Each platform's facts come from its own folder
// (lib/platforms/<id>/facts.ts), beside its selectors, URL rules and REST shapes. Zod-free.
import { ASANA } from './asana/facts';
import { CLICKUP } from './clickup/facts';
import type { PlatformFacts } from './facts';
import { TRELLO } from './trello/facts';

export { appMatches } from './facts';

export const PLATFORM_REGISTRY = { trello: TRELLO, asana: ASANA, clickup: CLICKUP } as const satisfies Record<string, PlatformFacts>;

export type Platform = keyof typeof PLATFORM_REGISTRY;
export const PLATFORMS = Object.keys(PLATFORM_REGISTRY) as [Platform, ...Platform[]];

/** The platform whose task pages live on `url`'s host, or null (also for a URL that is no URL). */
export function platformOfUrl(url: string): Platform | null {
  let host: string;
  try { host = new URL(url).hostname; } catch { return null; }
  return PLATFORMS.find((p) => (PLATFORM_REGISTRY[p].appHosts as readonly string[]).includes(host)) ?? null;
}
