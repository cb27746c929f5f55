import { panelRenderer } from '@/components/panel/render';
import { startPanels } from '@/lib/content/start';
import { appMatches } from '@/lib/platforms/facts';
import { clickupAdapter } from '@/lib/platforms/clickup';
import { CLICKUP } from '@/lib/platforms/clickup/facts';

// The whole host: ClickUp opens tasks by client-side navigation from its list and board views.
export default defineContentScript({
  matches: appMatches(CLICKUP),
  runAt: 'document_idle',
  // WXT's start-up postMessage would tell every page script our extension id and the name of the
  // event that stops us.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPanels(ctx, clickupAdapter, panelRenderer),
});
