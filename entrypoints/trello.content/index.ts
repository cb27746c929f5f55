import { panelRenderer } from '@/components/panel/render';
import { startPanels } from '@/lib/content/start';
import { appMatches } from '@/lib/platforms/facts';
import { trelloAdapter } from '@/lib/platforms/trello';
import { TRELLO } from '@/lib/platforms/trello/facts';

// The whole host, not only /c/ URLs: Trello opens cards by client-side navigation from a board.
export default defineContentScript({
  matches: appMatches(TRELLO),
  runAt: 'document_idle',
  // WXT's start-up postMessage would tell every page script our extension id and the name of the
  // event that stops us.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPanels(ctx, trelloAdapter, panelRenderer),
});
