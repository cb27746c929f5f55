// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageStatusNotice } from '@/components/popup/PageStatusNotice';

let root: HTMLElement;
afterEach(() => { render(null, root); root.remove(); });

async function showFor(statuses: Record<string, unknown>, tab: { url?: string } = { url: 'https://trello.com/c/AbCd1234' }) {
  // The popup asks for the active tab of its window (the fake browser has no windows).
  const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, active: true, ...tab } as never]);
  const byTab: Record<string, unknown> = {};
  for (const [which, status] of Object.entries(statuses)) byTab[`pageStatus:${which === 'active' ? 7 : 8}`] = status;
  await fakeBrowser.storage.session.set(byTab);
  root = document.body.appendChild(document.createElement('div'));
  render(<PageStatusNotice />, root);
  await new Promise((r) => setTimeout(r, 20));
  expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  return root.textContent ?? '';
}

describe('the popup notice for the active tab', () => {
  it('says the Trello page was not recognised', async () => {
    const text = await showFor({ active: { platform: 'trello', recognised: false, url: 'https://trello.com/c/AbCd1234' } });
    expect(text).toContain('Trello page not recognised');
  });

  it('says nothing when the page was recognised, or when only another tab was not', async () => {
    expect(await showFor({ active: { platform: 'trello', recognised: true, url: null }, other: { platform: 'trello', recognised: false, url: null } })).toBe('');
  });

  it('says nothing once the tab has left the board for another site', async () => {
    const stale = { active: { platform: 'trello', recognised: false, url: 'https://trello.com/c/AbCd1234' } };
    expect(await showFor(stale, { url: 'https://example.org/' })).toBe('');
    render(null, root); root.remove();
    // A site we have no host access to: the browser does not tell us its URL at all.
    expect(await showFor(stale, {})).toBe('');
  });
});
