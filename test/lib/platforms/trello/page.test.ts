import { afterEach, describe, expect, it } from 'vitest';
import {
  cardMountPoint, findCardView, matchCardUrl, parseDueText, readCard,
} from '@/lib/platforms/trello/page';
import { TRELLO_URL_EXAMPLES } from '@/lib/platforms/trello/page.urls';
import { loadTrelloFixture } from '../../../fixtures/trello/load';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

async function open(file: 'board.html' | 'changed.html', url: string) {
  const page = await loadTrelloFixture(file, url);
  close = page.close;
  return page;
}

describe('matchCardUrl', () => {
  it.each(TRELLO_URL_EXAMPLES)('%s → %s', (url, shortLink) => {
    expect(matchCardUrl(url)).toBe(shortLink);
  });
});

describe('reading a card opened by URL', () => {
  it('reads title, board, members, due day and completion from the dialog', async () => {
    const { document } = await open('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    const view = findCardView(document);
    expect(view).not.toBeNull();
    expect(readCard(view!, 'AbCd1234')).toEqual({
      task: {
        key: 'trello:AbCd1234', platform: 'trello', taskId: 'AbCd1234', title: 'Offertes opvolgen',
        url: 'https://trello.com/c/AbCd1234', board: 'Kantoor',
        assignees: [{ id: null, name: 'Sanne de Vries' }],
        dueAt: '2026-11-30', doneAt: null, nativeEstimateMinutes: null, nativeTrackedMinutes: null,
      },
      complete: false,
    });
  });

  it('reads a card without a due date as having none', async () => {
    const { document } = await open('board.html', 'https://trello.com/c/EfGh5678/13-inbox-opruimen');
    const snap = readCard(findCardView(document)!, 'EfGh5678');
    expect(snap?.task.dueAt).toBeNull();
    expect(snap?.complete).toBe(false);
  });

  it('keeps a unicode, HTML-like title exactly as text', async () => {
    const { document } = await open('board.html', 'https://trello.com/c/IjKl9012/14-caf');
    const snap = readCard(findCardView(document)!, 'IjKl9012');
    expect(snap?.task.title).toBe('<img src=x onerror=alert(1)> Café ☕ 日本語 “offerte” & <b>vet</b>');
    expect(snap?.task.assignees).toEqual([]);
    expect(snap?.task.dueAt).toBe('2026-12-02');
    expect(snap?.complete).toBe(true);
  });

  it('lists every member once', async () => {
    const { document } = await open('board.html', 'https://trello.com/c/MnOp3456/15-facturen-maken');
    expect(readCard(findCardView(document)!, 'MnOp3456')?.task.assignees.map((a) => a.name))
      .toEqual(['Sanne de Vries', 'Joost Peeters']);
  });

  it('puts the panel right under the dialog header, inside the dialog', async () => {
    const { document } = await open('board.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    const view = findCardView(document)!;
    const point = cardMountPoint(view);
    expect(point).not.toBeNull();
    expect(view.contains(point!.parent)).toBe(true);
    expect((point!.before as Element).previousElementSibling?.tagName).toBe('HEADER');
  });
});

describe('a card opened by clicking on the board', () => {
  it('has no card view on the board, then the clicked card after the client-side navigation', async () => {
    const { document, window } = await open('board.html', 'https://trello.com/b/Qx7Kp2Lm/kantoor');
    expect(findCardView(document)).toBeNull();
    expect(matchCardUrl(window.location.href)).toBeNull();
    const link = [...document.querySelectorAll<HTMLAnchorElement>('a[data-testid="card-name"]')]
      .find((a) => a.textContent === 'Facturen maken')!;
    link.click();
    const shortLink = matchCardUrl(window.location.href);
    expect(shortLink).toBe('MnOp3456');
    expect(readCard(findCardView(document)!, shortLink!)?.task.title).toBe('Facturen maken');
  });
});

describe('a Trello page that changed', () => {
  it('finds the dialog but reads nothing and offers no place for the panel', async () => {
    const { document } = await open('changed.html', 'https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    const view = findCardView(document);
    expect(view).not.toBeNull();
    expect(readCard(view!, 'AbCd1234')).toBeNull();
    expect(cardMountPoint(view!)).toBeNull();
  });
});

describe('parseDueText', () => {
  const now = new Date(2026, 10, 27);
  it.each([
    ['Nov 30, 5:00 PM', '2026-11-30'],
    ['Nov 30, 2027, 5:00 PM', '2027-11-30'],
    ['30 nov. 17:00', '2026-11-30'],
    ['3 mrt 2027', '2027-03-03'],
    ['15 okt, 09:00', '2026-10-15'],
    ['Sep 5', '2026-09-05'],
  ])('reads %j as %s', (text, day) => expect(parseDueText(text, now)).toBe(day));

  it.each(['', 'Due soon', 'Feb 30', '12/01/2026'])('gives no date for %j', (text) => {
    expect(parseDueText(text, now)).toBeNull();
  });
});
