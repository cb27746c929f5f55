import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serve, type Handlers } from '@/lib/messages/listen';
import { send } from '@/lib/messages/send';

/**
 * Runtime messaging in one process: the background's listener answers what the content script
 * sends. Structured clone both ways, as the real channel does: nothing but data crosses.
 */
function fakeChannel() {
  type Listener = (message: unknown, sender: unknown) => Promise<unknown> | undefined;
  const listeners: Listener[] = [];
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation(((l: Listener) => { listeners.push(l); }) as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    if (listeners.length === 0) throw new Error('Could not establish connection. Receiving end does not exist.');
    const answers = await Promise.all(listeners.map((l) => l(structuredClone(message), { id: fakeBrowser.runtime.id })));
    return structuredClone(answers.find((a) => a !== undefined));
  }) as never);
}
afterEach(() => { vi.restoreAllMocks(); });

const handlers = (over: Partial<Handlers>) => over as Handlers;

describe('the content script sender', () => {
  it('is understood by the background\'s listener and gets its answer', async () => {
    fakeChannel();
    serve(handlers({ 'timer.stop': async () => null, 'va.create': async ({ name }) => ({ name }) as never }));
    await expect(send('timer.stop', undefined)).resolves.toBeNull();
    await expect(send('va.create', { name: 'Sanne' })).resolves.toEqual({ name: 'Sanne' });
  });

  it('rejects with the background\'s own error message', async () => {
    fakeChannel();
    serve(handlers({ 'va.create': async () => { throw new Error('VA: name: A VA needs a name'); } }));
    await expect(send('va.create', { name: '' })).rejects.toThrow('VA: name: A VA needs a name');
    await expect(send('va.create', { name: 42 } as never)).rejects.toThrow(/Invalid "va.create" message: name/);
  });

  it('rejects when nothing listens, instead of hanging', async () => {
    fakeChannel();
    await expect(send('timer.stop', undefined)).rejects.toThrow(/Receiving end does not exist/);
  });

  it('leaves messages that are not ours to other listeners', async () => {
    fakeChannel();
    serve(handlers({}));
    await expect(fakeBrowser.runtime.sendMessage({ type: 'va.create', data: {} })).resolves.toBeUndefined();
  });
});
