// Starts the panels on a board page: one observer, one adapter, decided once per page.
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../messages/send';
import type { PlatformAdapter } from '../platforms/adapter';
import { STORAGE_KEYS } from '../storage/keys';
import { watchTaskViews, type RenderPanel } from './observer';
import { messagingApi, type PanelApi } from './panel-api';

/** What the content script needs from the UI (components/panel/render.tsx): a renderer per page. */
export type PanelRendererFactory = (deps: {
  api: PanelApi;
  collapsed(): boolean;
  setCollapsed(collapsed: boolean): void;
}) => RenderPanel;

const COLLAPSED_KEY = STORAGE_KEYS.panelCollapsed;

// Counts the copies of this script started in this content-script world (a page script cannot
// see or touch it). Module scope runs before WXT makes the copy's context, so a newer copy has
// counted itself by the time its start-up event reaches an older one.
const COPIES = '__vaScorecardCopies';
const scope = globalThis as { [COPIES]?: number };
const copy = scope[COPIES] = (scope[COPIES] ?? 0) + 1;

export async function startPanels(first: ContentScriptContext, adapter: PlatformAdapter, panelRenderer: PanelRendererFactory) {
  // The name WXT gave this content script's context (its entrypoint's), for a fresh context.
  const name = import.meta.env.ENTRYPOINT;
  let ctx = first;
  let watcher: { stop(): void } | undefined;
  let onLocation: (() => void) | undefined;
  const listen = () => {
    if (!onLocation) return;
    // WXT's event comes from the Navigation API's `navigate` (before a back/forward traversal
    // has changed the URL, hence popstate too), or from polling where that API is missing.
    ctx.addEventListener(window, 'wxt:locationchange', onLocation);
    ctx.addEventListener(window, 'popstate', onLocation);
  };
  // WXT ends a context on a start-up event sent on `document`, which any page script can send.
  // Only two ends are real: the extension was updated or reloaded (this copy's runtime is gone),
  // or a newer copy of this script runs in this world. Otherwise carry on with a fresh context,
  // the panel and what is typed in it untouched.
  const follow = () => ctx.onInvalidated(() => {
    if (browser.runtime?.id == null || scope[COPIES] !== copy) return watcher?.stop();
    ctx = new ContentScriptContext(name, ctx.options);
    follow();
    listen();
  });
  follow();
  let collapsed = false;
  let chosen = false;
  // The read goes out first; the renderer warms up while the browser answers.
  const stored = browser.storage.local.get(COLLAPSED_KEY);
  const render = panelRenderer({
    api: messagingApi,
    collapsed: () => collapsed,
    setCollapsed(value) {
      collapsed = value;
      chosen = true;
      void browser.storage.local.set({ [COLLAPSED_KEY]: value });
    },
  });
  // Watching starts now, not after the read: a busy browser took up to 160 ms to answer, and a
  // task view shown meanwhile waited for it. A panel drawn before the answer follows it then.
  const w = watcher = watchTaskViews({
    adapter,
    render,
    reportStatus(recognised) {
      send('page.status', { platform: adapter.platform, recognised }).catch(() => { /* background asleep or updated */ });
    },
    onLocationChange(cb) {
      onLocation = cb;
      listen();
    },
    urlChangesAreInstant: typeof (globalThis as { navigation?: EventTarget }).navigation?.addEventListener === 'function',
  });
  const saved = (await stored)[COLLAPSED_KEY] === true;
  if (chosen || saved === collapsed) return;
  collapsed = saved;
  w.redraw();
}
