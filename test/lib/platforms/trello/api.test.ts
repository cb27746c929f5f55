// Trello through the sync engine against the mock: page counts, completion times from actions,
// incremental runs by actions, removals, the token's errors.
import { describe, expect, it } from 'vitest';
import { syncBoard } from '@/lib/sync/engine';
import { trelloSource } from '@/lib/platforms/trello/api';
import { board, memoryStore } from '../../sync/mock';
import { trelloCards, trelloMock } from '../../sync/trello-mock';

function setup(n: number) {
  const cards = trelloCards(n);
  const api = trelloMock({ cards });
  const mem = memoryStore();
  const b = board('trello', api.boardId, 'Kantoor');
  const run = (full = false) => syncBoard({ source: trelloSource, board: b, token: api.credential, store: mem.store, deps: api.deps, full });
  return { cards, api, mem, run };
}

describe('Trello sync', () => {
  it('reads 2,500 cards in 3 card pages and one page of actions, keyed by short link', async () => {
    const { api, mem, run } = setup(2500);
    await run();
    expect(api.log.map((r) => r.url.split('?')[0])).toEqual([
      ...Array(3).fill(`/1/boards/${api.boardId}/cards/all`), `/1/boards/${api.boardId}/actions`,
    ]);
    expect(api.log.every((r) => !r.url.includes(api.credential.split(':')[1]!))).toBe(true); // the token is never in a URL
    expect(mem.tasks.size).toBe(2500);
    expect(mem.tasks.get('c0000001')).toMatchObject({
      url: 'https://trello.com/c/c0000001', title: 'Card 1', dueAt: null, doneAt: null,
      assignees: [{ id: 'm1', name: 'Sanne de Vries' }],
    });
  });

  it('takes a completion time from the card\'s "marked complete" action, and keeps it through a later edit', async () => {
    const { cards, api, mem, run } = setup(30);
    await run();
    const card = cards[1]!;
    api.advance(86_400_000);
    card.dueComplete = true;
    api.act('updateCard', card, { dueComplete: false });
    const doneAt = new Date(api.now).toISOString();
    api.advance(3_600_000);
    api.log.length = 0;
    await run();
    expect(api.log.map((r) => r.url.split('?')[0])).toEqual([`/1/boards/${api.boardId}/actions`, `/1/cards/${card.id}`]);
    expect(mem.tasks.get(card.shortLink)!.doneAt).toBe(doneAt);
    card.name = 'Renamed';
    api.act('updateCard', card, { name: 'Card 1' });
    await run();
    expect(mem.tasks.get(card.shortLink)).toMatchObject({ title: 'Renamed', doneAt });
  });

  it('with no change asks once; a deleted card goes', async () => {
    const { cards, api, mem, run } = setup(30);
    await run();
    api.log.length = 0;
    await run();
    expect(api.log).toHaveLength(1);
    api.advance(60_000);
    api.act('deleteCard', cards[4]!);
    cards.splice(4, 1);
    await run();
    expect(mem.tasks.has('c0000004')).toBe(false);
    expect(mem.tasks.size).toBe(29);
  });

  it('names Trello\'s plain-text "invalid token"', async () => {
    const { api, mem } = setup(3);
    const b = board('trello', api.boardId);
    await expect(syncBoard({ source: trelloSource, board: b, token: 'k:wrong', store: mem.store, deps: api.deps }))
      .rejects.toMatchObject({ kind: 'auth', detail: 'invalid token' });
  });
});
