import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send } from '@/lib/messages/send';

type Listener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined;

/**
 * Chrome's runtime messaging in one process: the library listens on `chrome.runtime.onMessage`
 * and answers through sendResponse; the content script sends with the promise form.
 */
function fakeChromeRuntime() {
  let listener: Listener | undefined;
  vi.stubGlobal('chrome', {
    runtime: { onMessage: { addListener: (l: Listener) => { listener = l; }, removeListener: () => { listener = undefined; } } },
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => new Promise((resolve, reject) => {
    if (!listener) return reject(new Error('Could not establish connection. Receiving end does not exist.'));
    // Structured clone, as the real channel does: nothing but data crosses.
    listener(structuredClone(message), { id: 'ext' }, (r) => resolve(structuredClone(r)));
  })) as never);
}
afterEach(() => { vi.unstubAllGlobals(); });

describe('the content script sender', () => {
  it('is understood by @webext-core/messaging and gets its answer', async () => {
    fakeChromeRuntime();
    const messenger = defineExtensionMessaging<{ 'timer.get': (d: undefined) => { taskKey: string } }>();
    messenger.onMessage('timer.get', async ({ data }) => ({ taskKey: `trello:${String(data)}` }));
    await expect(send('timer.get', undefined)).resolves.toEqual({ taskKey: 'trello:undefined' });
    messenger.removeAllListeners();
  });

  it('rejects with the background\'s own error message', async () => {
    fakeChromeRuntime();
    const messenger = defineExtensionMessaging<{ 'va.create': (d: { name: string }) => never }>();
    messenger.onMessage('va.create', async () => { throw new Error('VA: name: A VA needs a name'); });
    await expect(send('va.create', { name: '' })).rejects.toThrow('VA: name: A VA needs a name');
    messenger.removeAllListeners();
  });

  it('rejects when nothing listens, instead of hanging', async () => {
    fakeChromeRuntime();
    await expect(send('timer.stop', undefined)).rejects.toThrow(/Receiving end does not exist/);
  });
});
