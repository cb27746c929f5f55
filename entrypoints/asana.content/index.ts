import { panelRenderer } from '@/components/panel/render';
import { startPanels } from '@/lib/content/start';
import { appMatches } from '@/lib/platforms/facts';
import { asanaAdapter } from '@/lib/platforms/asana';
import { ASANA } from '@/lib/platforms/asana/facts';

// The whole host: Asana opens tasks in its pane by client-side navigation from any view.
export default defineContentScript({
  matches: appMatches(ASANA),
  runAt: 'document_idle',
  // WXT's start-up postMessage would tell every page script our extension id and the name of the
  // event that stops us.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPanels(ctx, asanaAdapter, panelRenderer),
});
