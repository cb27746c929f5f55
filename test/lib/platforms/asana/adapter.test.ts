// Asana's pane shows that a task is complete, not since when: the adapter (not the shared panel)
// decides that the moment the task is first seen complete stands in for its done time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asanaAdapter } from '@/lib/platforms/asana';
import { loadAsanaFixture } from '../../../fixtures/asana/load';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; vi.useRealTimers(); });

const V0 = (task: string) => `https://app.asana.com/0/1200000000000001/${task}`;

async function read(url: string) {
  const page = await loadAsanaFixture('app.html', url);
  close = page.close;
  await new Promise((r) => setTimeout(r, 50));
  return () => asanaAdapter.readTask(asanaAdapter.findTaskView(page.document)!, url);
}

describe('the Asana adapter', () => {
  it('gives a completed task the moment it was first seen complete as its done time, and keeps it', async () => {
    const readTask = await read(V0('1200000000000103'));
    vi.useFakeTimers({ now: new Date('2026-11-21T09:15:00.000Z'), toFake: ['Date'] });
    expect(readTask()?.task.doneAt).toBe('2026-11-21T09:15:00.000Z');
    vi.setSystemTime(new Date('2026-11-21T10:00:00.000Z'));
    expect(readTask()?.task.doneAt).toBe('2026-11-21T09:15:00.000Z');
  });

  it('gives an open task no done time', async () => {
    const readTask = await read(V0('1200000000000101'));
    expect(readTask()?.task.doneAt).toBeNull();
  });
});
