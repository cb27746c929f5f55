import { trelloAdapter } from '@/lib/platforms/trello';
import { startPanels } from '@/components/panel/start';

// The whole host, not only /c/ URLs: Trello opens cards by client-side navigation from a board.
export default defineContentScript({
  matches: ['https://trello.com/*'],
  runAt: 'document_idle',
  main: (ctx) => startPanels(ctx, trelloAdapter),
});
