// The shared page observer with the Asana adapter on the fixture app, whose task pane is reused
// from task to task: one panel, always for the task the pane shows, never another's values.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_TAG, watchTaskViews, type PanelHandle } from '@/lib/content/observer';
import type { TaskSnapshot } from '@/lib/platforms/adapter';
import { asanaAdapter } from '@/lib/platforms/asana';
import { loadAsanaFixture } from '../../../fixtures/asana/load';

type Page = Awaited<ReturnType<typeof loadAsanaFixture>>;
let page: Page | undefined;
let stop: (() => void) | undefined;
afterEach(async () => { stop?.(); stop = undefined; await page?.close(); page = undefined; });

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const A = '1200000000000101';
const B = '1200000000000102';
const SUB = '1200000000000111';
const V0 = (task: string) => `https://app.asana.com/0/1200000000000001/${task}`;

interface Rendered { key: string; snapshot: TaskSnapshot; read: () => TaskSnapshot; handle: PanelHandle & { updates: TaskSnapshot[] } }

async function start(url: string, file: 'app.html' | 'changed.html' = 'app.html') {
  page = await loadAsanaFixture(file, url);
  const rendered: Rendered[] = [];
  const render = vi.fn((shadow: ShadowRoot, snapshot: TaskSnapshot, read: () => TaskSnapshot) => {
    shadow.innerHTML = '<form></form>';
    const handle = { updates: [] as TaskSnapshot[], update: vi.fn((s: TaskSnapshot) => { handle.updates.push(s); }), unmount: vi.fn() };
    rendered.push({ key: snapshot.task.key, snapshot, read, handle });
    return handle;
  });
  const reportStatus = vi.fn();
  let navigated = () => {};
  const watcher = watchTaskViews({
    adapter: asanaAdapter, render, reportStatus, doc: page.document, notRecognisedAfterMs: 80,
    urlChangesAreInstant: true, onLocationChange: (cb) => { navigated = cb; },
  });
  stop = watcher.stop;
  const win = page.window as unknown as Window & { __asanaTiming: { paneLagMs: number; domFirst: boolean } };
  // The Navigation API stand-in: every pushState is reported, as the browser does.
  const push = win.history.pushState.bind(win.history);
  win.history.pushState = (...args: Parameters<History['pushState']>) => { push(...args); navigated(); };
  await tick(50); // the pane renders after the views
  return { ...page, win, rendered, render, reportStatus };
}

const hosts = (doc: Document) => [...doc.querySelectorAll(HOST_TAG)];
const pane = (doc: Document) => doc.querySelector('.TaskPane')!;
function click(doc: Document, gid: string, within = '#view') {
  doc.querySelector<HTMLElement>(`${within} a[data-task-id="${gid}"]`)!.click();
}
/** Every panel on the page is for the task the pane shows (or there is none). */
function panelsMatchPane(doc: Document) {
  const shown = `asana:${pane(doc).getAttribute('data-task-id')}`;
  return hosts(doc).every((h) => h.getAttribute('data-task') === shown);
}

describe('the panel in Asana\'s task pane', () => {
  it('appears once in the pane of a task opened by URL, under the fields', async () => {
    const { document, rendered, reportStatus } = await start(V0(A));
    expect(hosts(document)).toHaveLength(1);
    expect(hosts(document)[0]!.previousElementSibling?.className).toBe('TaskPaneFields');
    expect(rendered.map((r) => r.snapshot.task.title)).toEqual(['Offertes opvolgen']);
    await tick();
    expect(reportStatus).toHaveBeenCalledWith(true);
  });

  it('follows the reused pane to the next task and back, one panel each time', async () => {
    const { document, win, rendered } = await start(V0(A));
    click(document, B);
    await tick();
    expect(pane(document).getAttribute('data-task-id')).toBe(B); // the same pane, new contents
    expect(hosts(document).map((h) => h.getAttribute('data-task'))).toEqual([`asana:${B}`]);
    expect(rendered[0]!.handle.unmount).toHaveBeenCalledTimes(1);
    expect(rendered[1]!.snapshot.task).toMatchObject({ title: 'Inbox opruimen', dueAt: '2026-12-02' });

    win.history.back();
    await tick(20);
    expect(hosts(document).map((h) => h.getAttribute('data-task'))).toEqual([`asana:${A}`]);
    expect(rendered.map((r) => r.key)).toEqual([`asana:${A}`, `asana:${B}`, `asana:${A}`]);
  });

  it('shows no panel while the URL has moved on and the pane still shows the previous task', async () => {
    const { document, win, rendered } = await start(V0(A));
    win.__asanaTiming.paneLagMs = 200;
    click(document, B);
    await Promise.resolve(); // what runs before the next frame: the navigation's microtask
    let looked = 0;
    while (pane(document).getAttribute('data-task-id') === A) {
      expect(hosts(document)).toHaveLength(0);
      looked++;
      await tick(10);
    }
    expect(looked).toBeGreaterThan(1); // (a loaded machine may see fewer frames of the lag)
    await tick();
    expect(hosts(document).map((h) => h.getAttribute('data-task'))).toEqual([`asana:${B}`]);
    expect(rendered.at(-1)!.snapshot.task.title).toBe('Inbox opruimen');
  });

  it('takes the previous task\'s panel out as soon as the pane shows another task, before the URL follows', async () => {
    const { document, win, rendered } = await start(V0(A));
    win.__asanaTiming = { paneLagMs: 60, domFirst: true };
    click(document, B);
    expect(pane(document).getAttribute('data-task-id')).toBe(B);
    await Promise.resolve(); // mutation records are delivered before the next frame
    await tick();
    expect(panelsMatchPane(document)).toBe(true);
    await tick(80);
    expect(hosts(document).map((h) => h.getAttribute('data-task'))).toEqual([`asana:${B}`]);
    // What the first panel would save stays its own task's, however late it asks.
    expect(rendered[0]!.read().task.key).toBe(`asana:${A}`);
    expect(rendered[0]!.handle.updates.every((u) => u.task.key === `asana:${A}`)).toBe(true);
  });

  it('gives a subtask opened in the pane a panel of its own', async () => {
    const { document, rendered } = await start(V0(A));
    click(document, SUB, '.TaskPane');
    await tick();
    expect(win(document).location.search).toBe(`?child=${SUB}`);
    expect(hosts(document).map((h) => h.getAttribute('data-task'))).toEqual([`asana:${SUB}`]);
    expect(rendered.at(-1)!.snapshot.task.title).toBe('Offerte Jansen bellen');
  });

  it('follows the pane from board cards and from My Tasks, on V1 URLs', async () => {
    const board = await start('https://app.asana.com/1/1100000000000000/project/1200000000000001/board/1500000000000002');
    expect(hosts(board.document)).toHaveLength(0);
    click(board.document, '1200000000000104');
    await tick();
    click(board.document, A);
    await tick();
    expect(board.rendered.map((r) => r.key)).toEqual(['asana:1200000000000104', `asana:${A}`]);
    expect(hosts(board.document)).toHaveLength(1);
    stop!(); await page!.close();

    const mine = await start('https://app.asana.com/1/1100000000000000/project/1200000000000099/list/1500000000000009');
    click(mine.document, B);
    await tick();
    click(mine.document, A);
    await tick();
    expect(mine.rendered.map((r) => [r.key, r.snapshot.task.board])).toEqual([[`asana:${B}`, 'My tasks'], [`asana:${A}`, 'My tasks']]);
  });

  it('takes the host\'s dark theme from <body> and follows a switch', async () => {
    const { document, win } = await start(V0(A));
    expect(hosts(document)[0]!.getAttribute('data-theme')).toBe('light');
    (win as unknown as { __asanaDark(on: boolean): void }).__asanaDark(true);
    await tick();
    expect(hosts(document)[0]!.getAttribute('data-theme')).toBe('dark');
  });

  it('closes with the pane', async () => {
    const { document } = await start(V0(A));
    document.querySelector<HTMLElement>('.TaskPaneToolbar-closeButton')!.click();
    await tick();
    expect(hosts(document)).toHaveLength(0);
    click(document, B);
    await tick();
    expect(hosts(document).map((h) => h.getAttribute('data-task'))).toEqual([`asana:${B}`]);
  });
});

describe('an Asana page that is not what we expect', () => {
  it('injects nothing and reports the page as not recognised', async () => {
    const { document, reportStatus, render } = await start(V0(A), 'changed.html');
    await tick(150);
    expect(document.querySelector('.TaskPane')).not.toBeNull();
    expect(hosts(document)).toHaveLength(0);
    expect(render).not.toHaveBeenCalled();
    expect(reportStatus).toHaveBeenCalledWith(false);
  });
});

const win = (doc: Document) => doc.defaultView!;
