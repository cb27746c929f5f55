// Asana's entry in the platform registry; its adapter and selectors live beside it.
import type { PlatformFacts } from '../facts';

export const ASANA = {
  nameKey: 'platform_asana',
  appHosts: ['app.asana.com'],
  apiPatterns: ['https://app.asana.com/api/*'],
  // `/0/0/<gid>` needs no project: the app resolves it (as Harvest's permalinks do).
  taskUrl: (gid: string) => `https://app.asana.com/0/0/${encodeURIComponent(gid)}`,
} as const satisfies PlatformFacts;
