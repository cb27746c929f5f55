// @vitest-environment happy-dom
// The Boards section after a restore: a connection whose token this browser lacks asks for it.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardsPage } from '@/components/dashboard/BoardsPage';
import { syncConnectionsItem } from '@/lib/storage/items';

let root: HTMLElement;
beforeEach(() => { root = document.body.appendChild(document.createElement('div')); });
afterEach(() => { render(null, root); root.remove(); });

const text = () => root.textContent ?? '';
const card = (id: string) => root.querySelector(`[aria-labelledby=sync-${id}]`)!;
const buttons = (el: Element) => [...el.querySelectorAll('button')].map((b) => b.textContent);

describe('the Boards section', () => {
  it('shows a platform restored from a backup as needing its token again, with its boards, and offers no sync without it', async () => {
    const inbox = { platform: 'clickup', id: '901', name: 'Ops › Inbox' } as const;
    await syncConnectionsItem.setValue({
      clickup: { account: 'Owner Olga', last4: null, boards: [inbox], connectedAt: '2026-11-01T00:00:00.000Z' },
      asana: { account: 'Sanne', last4: 'ab12', boards: [], connectedAt: '2026-11-01T00:00:00.000Z' },
    });
    render(<BoardsPage />, root);
    await expect.poll(text).toContain('Restored from a backup: Owner Olga, with its chosen boards.');
    const clickup = card('clickup');
    expect(clickup.querySelector('input[name=clickup-token]')).not.toBeNull();
    expect(clickup.textContent).toContain('Ops › Inbox');
    expect(buttons(clickup)).toEqual(['Test connection', 'Connect', 'Disconnect']);
    // A platform that has its token here shows as connected, as before.
    expect(card('asana').textContent).toContain('Connected as Sanne (token …ab12)');
    expect(buttons(card('asana'))).toContain('Sync now');
  });
});
