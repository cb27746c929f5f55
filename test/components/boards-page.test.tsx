// @vitest-environment happy-dom
// The Boards section: a full sync on request, and a connection restored without its token.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoardsPage } from '@/components/dashboard/BoardsPage';
import { syncConnectionsItem } from '@/lib/storage/items';

let root: HTMLElement;
beforeEach(() => { root = document.body.appendChild(document.createElement('div')); });
afterEach(() => { render(null, root); root.remove(); });

const text = () => root.textContent ?? '';
const card = (id: string) => root.querySelector(`[aria-labelledby=sync-${id}]`)!;
const buttons = (el: Element) => [...el.querySelectorAll('button')].map((b) => b.textContent);

const boards = [
  { platform: 'asana' as const, id: 'p1', name: 'Marketing' },
  { platform: 'asana' as const, id: 'p2', name: 'Klanten' },
];

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

  it('runs a full sync of one board on request, and its help says what only a full sync sees', async () => {
    await syncConnectionsItem.setValue({ asana: { account: 'Eva', last4: 'x9Qz', boards, connectedAt: '2026-11-20T10:00:00.000Z' } });
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push((message as { type: string; data: unknown }));
      return { res: {} };
    });
    render(<BoardsPage />, root);
    const button = () => [...root.querySelectorAll<HTMLButtonElement>('[data-board=p2] button')].find((b) => b.textContent === 'Full sync');
    await expect.poll(button).toBeDefined();
    expect(button()!.getAttribute('aria-label')).toBe('Full sync of Klanten');
    const help = root.querySelector(`#${button()!.getAttribute('aria-describedby')}`)?.textContent;
    expect(help).toMatch(/reads every task of the project again/);
    expect(help).toMatch(/the only way tasks deleted in Asana leave the scorecard/);
    button()!.click();
    await expect.poll(() => sent).toEqual([{ vasc: 1, type: 'sync.run', data: { platform: 'asana', boardId: 'p2', full: true } }]);
  });
});
