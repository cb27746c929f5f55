// ClickUp's entry in the platform registry; its panel (adapter, page.ts) is issue #12.
import type { PlatformFacts } from '../facts';

export const CLICKUP = {
  nameKey: 'platform_clickup',
  appHosts: ['app.clickup.com'],
  apiPatterns: ['https://api.clickup.com/*'],
  taskUrl: (id: string) => `https://app.clickup.com/t/${encodeURIComponent(id)}`,
} as const satisfies PlatformFacts;
