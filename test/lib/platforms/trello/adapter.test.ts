// Trello's own rule for a done time: it has only a "complete" flag, so the adapter (not the
// shared panel) decides that the moment the card is first seen complete stands in for it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trelloAdapter } from '@/lib/platforms/trello';
import { loadTrelloFixture } from '../../../fixtures/trello/load';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; vi.useRealTimers(); });

const COMPLETE = 'https://trello.com/c/IjKl9012/14-caf';

async function read(url: string) {
  const page = await loadTrelloFixture('board.html', url);
  close = page.close;
  return (again = url) => trelloAdapter.readTask(trelloAdapter.findTaskView(page.document)!, again);
}

describe('the Trello adapter', () => {
  it('gives a complete card the moment it was first seen complete as its done time, and keeps it', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-21T09:15:00.000Z'), toFake: ['Date'] });
    const readTask = await read(COMPLETE);
    expect(readTask()?.task.doneAt).toBe('2026-11-21T09:15:00.000Z');
    vi.setSystemTime(new Date('2026-11-21T10:00:00.000Z'));
    expect(readTask()?.task.doneAt).toBe('2026-11-21T09:15:00.000Z');
  });

  it('gives an open card no done time', async () => {
    const readTask = await read('https://trello.com/c/AbCd1234/12-offertes-opvolgen');
    expect(readTask()?.task.doneAt).toBeNull();
  });
});
