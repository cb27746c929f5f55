// Asana through the sync engine against the mock: pages, modified_since, expired offsets, 402.
import { describe, expect, it } from 'vitest';
import { syncBoard } from '@/lib/sync/engine';
import { asanaSource } from '@/lib/platforms/asana/api';
import { board, json, memoryStore } from '../../sync/mock';
import { asanaMock, asanaTasks } from '../../sync/asana-mock';

function setup(n: number) {
  const tasks = asanaTasks(n);
  const api = asanaMock({ tasks });
  const mem = memoryStore();
  const run = () => syncBoard({ source: asanaSource, board: board('asana', api.projectId, 'Clients'), token: api.token, store: mem.store, deps: api.deps });
  return { tasks, api, mem, run };
}

describe('Asana sync', () => {
  it('reads 250 tasks in 3 pages with their due day or time, completion, estimate and tracked time', async () => {
    const { api, mem, run } = setup(250);
    await run();
    expect(api.log).toHaveLength(3);
    expect(api.log[0]!.url).toContain('opt_fields=');
    expect(mem.tasks.get('1200000000000')).toMatchObject({
      url: 'https://app.asana.com/0/0/1200000000000', assignees: [], dueAt: '2026-11-05',
      doneAt: '2026-11-01T08:00:00.000Z', estimateMinutes: 60, trackedMinutes: 90,
    });
    expect(mem.tasks.get('1200000000001')).toMatchObject({ dueAt: '2026-11-06T12:00:00.000Z', doneAt: null, trackedMinutes: null, assignees: [{ id: '501', name: 'Sanne' }] });
  });

  it('asks once when nothing changed (modified_since is inclusive: the mark is just after the newest change)', async () => {
    const { api, mem, run } = setup(250);
    await run();
    api.log.length = 0;
    await run();
    expect(api.log).toHaveLength(1);
    expect(api.log[0]!.url).toContain('modified_since=2026-11-01T12%3A09%3A00.001Z');
    expect(mem.tasks.size).toBe(250);
  });

  it('resumed after its offset expired, starts the pages again and still ends with every task once', async () => {
    const { api, mem, run } = setup(500);
    mem.kill.afterCommit = 2;
    await expect(run()).rejects.toThrow('worker stopped');
    api.expireOffsets();
    await run();
    expect(mem.tasks.size).toBe(500);
    expect(api.log.filter((r) => r.status === 400)).toHaveLength(1);
  });

  it('names a premium-only answer', async () => {
    const { api, run } = setup(5);
    api.fail(/\/tasks/, () => json({ errors: [{ message: 'This feature is only available to premium users.' }] }, 402));
    await expect(run()).rejects.toMatchObject({ kind: 'premium' });
  });
});
