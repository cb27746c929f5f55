// The one list of board platforms: ids, the hosts their task pages live on, and a task's URL
// from its id alone (an import file without links). Everything else that names a platform (the
// model's enum, the host checks of messages, import and restore) derives from it. Zod-free and
// tiny: content scripts may import it. URL shapes: shared/reference/dom-selectors.md.
interface PlatformFacts {
  readonly appHosts: readonly string[];
  taskUrl(taskId: string): string;
}

export const PLATFORM_REGISTRY = {
  trello: { appHosts: ['trello.com'], taskUrl: (shortLink: string) => `https://trello.com/c/${encodeURIComponent(shortLink)}` },
  // `/0/0/<gid>` needs no project: the app resolves it (as Harvest's permalinks do).
  asana: { appHosts: ['app.asana.com'], taskUrl: (gid: string) => `https://app.asana.com/0/0/${encodeURIComponent(gid)}` },
  clickup: { appHosts: ['app.clickup.com'], taskUrl: (id: string) => `https://app.clickup.com/t/${encodeURIComponent(id)}` },
} as const satisfies Record<string, PlatformFacts>;

export type Platform = keyof typeof PLATFORM_REGISTRY;
export const PLATFORMS = Object.keys(PLATFORM_REGISTRY) as [Platform, ...Platform[]];

/** The platform whose task pages live on `url`'s host, or null (also for a URL that is no URL). */
export function platformOfUrl(url: string): Platform | null {
  let host: string;
  try { host = new URL(url).hostname; } catch { return null; }
  return PLATFORMS.find((p) => (PLATFORM_REGISTRY[p].appHosts as readonly string[]).includes(host)) ?? null;
}
