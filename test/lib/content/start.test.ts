// @vitest-environment happy-dom
// The content script's start-up (lib/content/start.ts) with the real panel renderer: a task view
// already on the page when the script starts, before the browser has answered the stored settings.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { panelRenderer } from '@/components/panel/render';
import { HOST_TAG } from '@/lib/content/observer';
import { startPanels } from '@/lib/content/start';
import type { PlatformAdapter, TaskSnapshot } from '@/lib/platforms/adapter';
import { STORAGE_KEYS } from '@/lib/storage/keys';

const snapshot: TaskSnapshot = {
  task: {
    key: 'trello:AbCd1234', platform: 'trello', taskId: 'AbCd1234', title: 'Offertes opvolgen', url: 'https://trello.com/c/AbCd1234',
    board: null, assignees: [], dueAt: null, doneAt: null, nativeEstimateMinutes: null, nativeTrackedMinutes: null,
  },
};
/** A page whose one task view is always open: only the start-up is under test here. */
const adapter: PlatformAdapter = {
  platform: 'trello',
  taskViewSelector: '.task-view',
  darkThemeSelector: '.dark',
  matchTaskUrl: () => 'AbCd1234',
  findTaskView: (root) => root.querySelector('.task-view'),
  readTask: () => snapshot,
  mountPoint: (view) => ({ parent: view, before: null }),
};

let ctx: ContentScriptContext | undefined;
afterEach(() => {
  // As when the extension is reloaded: the only end that stops this copy (a bare abort is a
  // page script's start-up event, which the content script outlives).
  const runtime = fakeBrowser.runtime as { id?: string };
  const id = runtime.id;
  runtime.id = undefined;
  ctx?.abort();
  runtime.id = id;
  ctx = undefined;
  document.body.replaceChildren();
});

const form = () => document.querySelector(HOST_TAG)?.shadowRoot?.querySelector('form') ?? null;
/** A busy browser: the stored collapsed choice is answered only when the test says so. */
function storedCollapsed(value: boolean) {
  let answer!: () => void;
  const read = new Promise<Record<string, unknown>>((r) => { answer = () => r({ [STORAGE_KEYS.panelCollapsed]: value }); });
  vi.spyOn(fakeBrowser.storage.local, 'get').mockReturnValueOnce(read as never);
  return async () => { answer(); await new Promise((r) => setTimeout(r, 0)); };
}

describe('starting on a page that already shows a task', () => {
  it('puts the panel in at once, before the stored settings are read', async () => {
    const answer = storedCollapsed(false);
    document.body.innerHTML = '<div class="task-view"><h2>Offertes opvolgen</h2></div>';
    ctx = new ContentScriptContext('trello', {});
    void startPanels(ctx, adapter, panelRenderer);
    expect(form()).not.toBeNull();
    await answer();
    expect(form()!.hidden).toBe(false);
  });

  it('folds that panel once the owner\'s stored choice says collapsed', async () => {
    const answer = storedCollapsed(true);
    document.body.innerHTML = '<div class="task-view"><h2>Offertes opvolgen</h2></div>';
    ctx = new ContentScriptContext('trello', {});
    void startPanels(ctx, adapter, panelRenderer);
    expect(form()!.hidden).toBe(false);
    await answer();
    expect(form()!.hidden).toBe(true);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('keeps what the owner chose when the toggle is used before the stored choice arrives, for the next task too', async () => {
    const answer = storedCollapsed(false);
    document.body.innerHTML = '<div class="task-view"><h2>Offertes opvolgen</h2></div>';
    ctx = new ContentScriptContext('trello', {});
    void startPanels(ctx, adapter, panelRenderer);
    document.querySelector(HOST_TAG)!.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await answer();
    expect(form()!.hidden).toBe(true);
    // The task view closes and another opens: its panel opens folded as well.
    document.body.innerHTML = '<div class="task-view"><h2>Inbox opruimen</h2></div>';
    await new Promise((r) => setTimeout(r, 0));
    expect(form()!.hidden).toBe(true);
    expect((await fakeBrowser.storage.local.get(STORAGE_KEYS.panelCollapsed))[STORAGE_KEYS.panelCollapsed]).toBe(true);
  });
});
