import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_TAG, watchTaskViews, type PanelHandle } from '@/lib/content/observer';
import type { PlatformAdapter, TaskSnapshot } from '@/lib/platforms/adapter';
import { trelloAdapter } from '@/lib/platforms/trello';
import { loadTrelloFixture } from '../../fixtures/trello/load';

type Page = Awaited<ReturnType<typeof loadTrelloFixture>>;
let page: Page | undefined;
let stop: (() => void) | undefined;
afterEach(async () => { stop?.(); stop = undefined; await page?.close(); page = undefined; });

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function start(
  file: 'board.html' | 'changed.html', url: string, adapter: Partial<PlatformAdapter> = {},
  urls: { instant: boolean } = { instant: false },
) {
  page = await loadTrelloFixture(file, url);
  const rendered: { key: string; snapshot: TaskSnapshot; shadow: ShadowRoot; handle: PanelHandle & { updates: TaskSnapshot[] } }[] = [];
  const render = vi.fn((shadow: ShadowRoot, snapshot: TaskSnapshot) => {
    shadow.innerHTML = '<form></form>';
    const handle = { updates: [] as TaskSnapshot[], update: vi.fn((s: TaskSnapshot) => { handle.updates.push(s); }), unmount: vi.fn() };
    rendered.push({ key: snapshot.task.key, snapshot, shadow, handle });
    return handle;
  });
  const reportStatus = vi.fn();
  const full: PlatformAdapter = { ...trelloAdapter, enrich: vi.fn(async () => null), ...adapter };
  // The Navigation API stand-in: the test calls `navigated()` after a pushState, as the browser would.
  let navigated = () => {};
  const watcher = watchTaskViews({
    adapter: full, render, reportStatus, doc: page.document, notRecognisedAfterMs: 80,
    urlChangesAreInstant: urls.instant, onLocationChange: (cb) => { navigated = cb; },
  });
  stop = watcher.stop;
  return { ...page, render, rendered, reportStatus, adapter: full, watcher, navigated: () => navigated() };
}

const hosts = (doc: Document) => [...doc.querySelectorAll(HOST_TAG)];
const dialog = (doc: Document) => doc.querySelector('[data-testid="card-back-name"]')!;
function clickCard(doc: Document, name: string) {
  [...doc.querySelectorAll<HTMLAnchorElement>('a[data-testid="card-name"]')].find((a) => a.textContent === name)!.click();
}

describe('the panel in a Trello card', () => {
  it('appears once inside the card opened by URL, under its header, in an open shadow root', async () => {
    const { document, rendered, reportStatus } = await start('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    await tick();
    expect(hosts(document)).toHaveLength(1);
    const host = hosts(document)[0]!;
    expect(dialog(document).contains(host)).toBe(true);
    expect(host.previousElementSibling?.tagName).toBe('HEADER');
    expect(host.getAttribute('data-no-focus-lock')).toBe('true');
    expect(host.shadowRoot?.querySelector('form')).not.toBeNull();
    expect(rendered.map((r) => r.snapshot.task.title)).toEqual(['Offertes opvolgen']);
    expect(reportStatus).toHaveBeenCalledWith(true);
  });

  it('warms the renderer up once at start-up, in a host made like the real ones but never put in the page', async () => {
    page = await loadTrelloFixture('board.html', 'https://trello.com/b/Qx7Kp2Lm/kantoor');
    const warmed: ShadowRoot[] = [];
    const render = Object.assign(vi.fn(), { warmUp: (shadow: ShadowRoot) => warmed.push(shadow) });
    stop = watchTaskViews({ adapter: trelloAdapter, render, reportStatus: vi.fn(), doc: page.document }).stop;
    await tick();
    expect(warmed).toHaveLength(1);
    const host = warmed[0]!.host;
    expect(host.localName).toBe(HOST_TAG);
    expect(host.getAttribute('data-no-focus-lock')).toBe('true');
    expect(host.isConnected).toBe(false);
    expect(hosts(page.document)).toHaveLength(0);
    expect(render).not.toHaveBeenCalled();
  });

  it('takes the host page\'s theme, not the system\'s, and follows a switch while the card is open', async () => {
    const { document } = await start('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    await tick();
    expect(hosts(document)[0]!.getAttribute('data-theme')).toBe('light');
    document.documentElement.setAttribute('data-color-mode', 'dark');
    await tick();
    expect(hosts(document)[0]!.getAttribute('data-theme')).toBe('dark');
    document.documentElement.setAttribute('data-color-mode', 'light');
    await tick();
    expect(hosts(document)[0]!.getAttribute('data-theme')).toBe('light');
  });

  it('leaves with the card and comes back with the next card opened by clicking, never showing the old one', async () => {
    const { document, rendered } = await start('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    await tick();
    (document.querySelector('[data-testid="card-back-close"]') as HTMLElement).click();
    await tick();
    expect(hosts(document)).toHaveLength(0);
    expect(rendered[0]!.handle.unmount).toHaveBeenCalledTimes(1);

    clickCard(document, 'Inbox opruimen');
    await tick();
    expect(hosts(document)).toHaveLength(1);
    expect(rendered.map((r) => r.key)).toEqual(['trello:AbCd1234', 'trello:EfGh5678']);
    expect(rendered[1]!.snapshot.task.title).toBe('Inbox opruimen');
    expect(hosts(document)[0]!.getAttribute('data-task')).toBe('trello:EfGh5678');
  });

  it('switches panels when the URL moves to another card while the dialog stays', async () => {
    const { document, window, rendered } = await start('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    await tick();
    window.history.pushState({}, '', '/c/EfGh5678/13-inbox-opruimen');
    // React re-renders the same dialog with the other card's data.
    dialog(document).querySelector<HTMLTextAreaElement>('[data-testid="card-back-title-input"]')!.value = 'Inbox opruimen';
    dialog(document).querySelector('[data-testid="card-back-list-name"]')!.textContent = 'To do';
    await tick();
    expect(rendered[0]!.handle.unmount).toHaveBeenCalled();
    expect(hosts(document).map((h) => h.getAttribute('data-task'))).toEqual(['trello:EfGh5678']);
    expect(rendered[1]!.snapshot.task.title).toBe('Inbox opruimen');
  });

  it('corrects a reused dialog that still showed the previous card when the URL changed', async () => {
    const { document, window, rendered, navigated } = await start('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    await tick();
    window.history.pushState({}, '', '/c/EfGh5678/13-inbox-opruimen');
    navigated(); // the browser reports the navigation; the dialog still shows the previous card
    await tick();
    expect(rendered[1]!.key).toBe('trello:EfGh5678');
    // React sets the title's value later, as a property: no mutation record at all.
    dialog(document).querySelector<HTMLTextAreaElement>('[data-testid="card-back-title-input"]')!.value = 'Inbox opruimen';
    await tick(300);
    expect(rendered[1]!.handle.updates.at(-1)?.task.title).toBe('Inbox opruimen');
  });

  it('stays put, keeping what is being typed, when the URL of the same card changes its slug', async () => {
    const { document, window, rendered, navigated } = await start('board.html', 'https://trello.com/c/AbCd1234');
    await tick();
    window.history.replaceState({}, '', '/c/AbCd1234/12-offertes-opvolgen');
    navigated();
    await tick();
    expect(rendered).toHaveLength(1);
    expect(rendered[0]!.handle.unmount).not.toHaveBeenCalled();
    expect(hosts(document)).toHaveLength(1);
  });

  it('comes back when the page re-renders the spot it was in', async () => {
    const { document, rendered } = await start('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    await tick();
    hosts(document)[0]!.remove();
    dialog(document).querySelector('main')!.append(document.createElement('div'));
    await tick();
    expect(hosts(document)).toHaveLength(1);
    expect(rendered).toHaveLength(2);
  });

  it('replaces a panel left right under the header by an earlier copy of the script', async () => {
    page = await loadTrelloFixture('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    const { document } = page;
    await tick();
    // What a copy that died without cleaning up (extension updated) leaves where the panel goes.
    const header = dialog(document).querySelector('header')!;
    header.after(document.createElement(HOST_TAG));
    const render = vi.fn((shadow: ShadowRoot) => {
      shadow.innerHTML = '<form></form>';
      return { update: vi.fn(), unmount: vi.fn() };
    });
    stop = watchTaskViews({ adapter: { ...trelloAdapter, enrich: async () => null }, render, reportStatus: vi.fn(), doc: document }).stop;
    await tick();
    expect(render).toHaveBeenCalledTimes(1);
    expect(hosts(document)).toHaveLength(1);
    expect(hosts(document)[0]!.getAttribute('data-task')).toBe('trello:AbCd1234');
    expect(hosts(document)[0]!.previousElementSibling).toBe(header);
  });

  it('shows a member added while the card is open', async () => {
    const { document, rendered } = await start('board.html', 'https://trello.com/c/EfGh5678/13-inbox-opruimen');
    await tick();
    const avatar = document.createElement('button');
    avatar.setAttribute('data-testid', 'card-back-member-avatar');
    avatar.setAttribute('title', 'Joost Peeters (joostpeeters)');
    dialog(document).querySelector('[data-testid="card-back-members-container"]')!.append(avatar);
    await tick(300);
    expect(rendered[0]!.handle.updates.at(-1)?.task.assignees.map((a) => a.name)).toEqual(['Sanne de Vries', 'Joost Peeters']);
  });

  it('applies what the same-session API read adds, but only to the card it asked about', async () => {
    let resolve!: (s: TaskSnapshot | null) => void;
    const enrich = vi.fn(() => new Promise<TaskSnapshot | null>((r) => { resolve = r; }));
    const { document, rendered } = await start('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen', { enrich });
    await tick();
    const first = rendered[0]!;
    const better = { ...first.snapshot, task: { ...first.snapshot.task, assignees: [{ id: 'm1', name: 'Sanne de Vries' }] } };
    resolve(better);
    await tick();
    expect(first.handle.update).toHaveBeenCalledWith(better);

    (document.querySelector('[data-testid="card-back-close"]') as HTMLElement).click();
    clickCard(document, 'Inbox opruimen');
    await tick();
    resolve(better); // a late answer for the card that was closed
    await tick();
    expect(rendered[1]!.handle.update).not.toHaveBeenCalled();
  });
});

describe('a page that is not what we expect', () => {
  it('injects nothing and reports the page as not recognised', async () => {
    const { document, reportStatus, render } = await start('changed.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    await tick(150);
    expect(hosts(document)).toHaveLength(0);
    expect(render).not.toHaveBeenCalled();
    expect(reportStatus).toHaveBeenCalledWith(false);
  });

  it('reports a card URL whose card view never appears', async () => {
    const { document, reportStatus } = await start('board.html', 'https://trello.com/c/Unknown1/1-gone');
    await tick(150);
    expect(document.querySelector('[data-testid="card-back-name"]')).toBeNull();
    expect(reportStatus).toHaveBeenCalledWith(false);
    expect(hosts(document)).toHaveLength(0);
  });

  it('keeps watching when the adapter throws, and the page never sees the error', async () => {
    const readTask = vi.fn(() => { throw new Error('selector broke'); });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { document } = await start('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen', { readTask });
    await tick();
    expect(readTask).toHaveBeenCalled();
    expect(hosts(document)).toHaveLength(0);
    expect(warn).toHaveBeenCalled();
  });
});

describe('work on a busy board', () => {
  it('does not even observe the board when URL changes are reported at once, and still opens cards', async () => {
    const spy = vi.fn();
    const { document, window, navigated, rendered } = await start('board.html', 'https://trello.com/b/Qx7Kp2Lm/kantoor', {
      matchTaskUrl: (url) => { spy(url); return trelloAdapter.matchTaskUrl(url); },
    }, { instant: true });
    await tick();
    spy.mockClear();
    const list = document.querySelector('[data-testid="list-cards"]')!;
    for (let i = 0; i < 200; i++) { list.append(document.createElement('li')); if (i % 20 === 0) await tick(); }
    await tick();
    expect(spy).not.toHaveBeenCalled(); // no observer callback ran

    // A card opens the way Trello does it: URL first, the dialog a moment later.
    window.history.pushState({}, '', '/c/MnOp3456/15-facturen-maken');
    navigated();
    await tick();
    expect(hosts(document)).toHaveLength(0);
    [...document.querySelectorAll<HTMLAnchorElement>('a[data-testid="card-name"]')].find((a) => a.textContent === 'Facturen maken')!.click();
    await tick();
    expect(rendered.map((r) => r.key)).toEqual(['trello:MnOp3456']);
  });

  it('does not look for a card view while the URL is a board', async () => {
    const findTaskView = vi.fn(trelloAdapter.findTaskView);
    const { document } = await start('board.html', 'https://trello.com/b/Qx7Kp2Lm/kantoor', { findTaskView });
    await tick();
    findTaskView.mockClear();
    const list = document.querySelector('[data-testid="list-cards"]')!;
    for (let i = 0; i < 2000; i++) {
      const li = document.createElement('li');
      li.setAttribute('data-testid', 'list-card');
      list.append(li);
      if (i % 100 === 0) await tick(); // many mutation batches, as a board renders
    }
    await tick();
    expect(findTaskView).not.toHaveBeenCalled();
  });
});
