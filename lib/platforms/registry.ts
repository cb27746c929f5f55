// The one list of board platforms: ids and the hosts their task pages live on. Everything else
// that names a platform (the model's enum, the host checks of messages, import and restore)
// derives from it. Zod-free and tiny: content scripts may import it.
export const PLATFORM_REGISTRY = {
  trello: { appHosts: ['trello.com'] },
  asana: { appHosts: ['app.asana.com'] },
  clickup: { appHosts: ['app.clickup.com'] },
} as const satisfies Record<string, { appHosts: readonly string[] }>;

export type Platform = keyof typeof PLATFORM_REGISTRY;
export const PLATFORMS = Object.keys(PLATFORM_REGISTRY) as [Platform, ...Platform[]];

/** The platform whose task pages live on `url`'s host, or null (also for a URL that is no URL). */
export function platformOfUrl(url: string): Platform | null {
  let host: string;
  try { host = new URL(url).hostname; } catch { return null; }
  return PLATFORMS.find((p) => (PLATFORM_REGISTRY[p].appHosts as readonly string[]).includes(host)) ?? null;
}
