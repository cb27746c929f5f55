// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoardsPage } from '@/components/dashboard/BoardsPage';
import { syncConnectionsItem } from '@/lib/storage/items';

let root: HTMLElement;
afterEach(() => { render(null, root); root.remove(); });

const boards = [
  { platform: 'asana' as const, id: 'p1', name: 'Marketing' },
  { platform: 'asana' as const, id: 'p2', name: 'Klanten' },
];

describe('the Boards section', () => {
  it('runs a full sync of one board on request, and its help says what only a full sync sees', async () => {
    await syncConnectionsItem.setValue({ asana: { account: 'Eva', last4: 'x9Qz', boards, connectedAt: '2026-11-20T10:00:00.000Z' } });
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push((message as { type: string; data: unknown }));
      return { res: {} };
    });
    root = document.body.appendChild(document.createElement('div'));
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
