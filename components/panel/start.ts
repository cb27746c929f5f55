// Starts the panels on a board page: one observer, one adapter, decided once per page.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchTaskViews } from '@/lib/content/mount';
import { send } from '@/lib/content/send';
import type { PlatformAdapter } from '@/lib/platforms/adapter';
import { messagingApi } from './api';
import { builtinCategories } from './categories';
import { panelRenderer } from './mount';

/** storage.local key of the panel's collapsed state, shared by all cards and platforms. */
const COLLAPSED_KEY = 'panelCollapsed';

export async function startPanels(ctx: ContentScriptContext, adapter: PlatformAdapter) {
  // Read before the first card opens, so mounting stays synchronous.
  let collapsed = (await browser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY] === true;
  if (ctx.isInvalid) return;
  const categories = builtinCategories();
  const watcher = watchTaskViews({
    adapter,
    render: panelRenderer({
      api: messagingApi,
      categories: () => categories,
      collapsed: () => collapsed,
      setCollapsed(value) {
        collapsed = value;
        void browser.storage.local.set({ [COLLAPSED_KEY]: value });
      },
    }),
    reportStatus(recognised) {
      send('page.status', { platform: adapter.platform, recognised }).catch(() => { /* background asleep or updated */ });
    },
    onLocationChange(cb) {
      // WXT's event comes from the Navigation API's `navigate` (before a back/forward traversal
      // has changed the URL, hence popstate too), or from polling where that API is missing.
      ctx.addEventListener(window, 'wxt:locationchange', cb);
      ctx.addEventListener(window, 'popstate', cb);
    },
    urlChangesAreInstant: typeof (globalThis as { navigation?: EventTarget }).navigation?.addEventListener === 'function',
  });
  ctx.onInvalidated(watcher.stop);
}
