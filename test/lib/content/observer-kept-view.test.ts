// The page observer on a host that keeps its task view and rewrites it in place (ClickUp: the
// modal's container stays, Angular rewrites its text nodes), and that names a task in the URL by
// an id the page resolves later (custom task ids).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_TAG, watchTaskViews } from '@/lib/content/observer';
import type { TaskSnapshot } from '@/lib/platforms/adapter';
import { clickupAdapter } from '@/lib/platforms/clickup';
import { loadClickUpFixture } from '../../fixtures/clickup/load';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => { await cleanup?.(); cleanup = undefined; });
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function start(url: string, globals?: Record<string, unknown>) {
  const page = await loadClickUpFixture('app.html', url, globals);
  const rendered: { snapshot: TaskSnapshot; updates: TaskSnapshot[]; unmount: ReturnType<typeof vi.fn> }[] = [];
  const render = vi.fn((shadow: ShadowRoot, snapshot: TaskSnapshot) => {
    shadow.append(page.document.createElement('form'));
    const r = { snapshot, updates: [] as TaskSnapshot[], unmount: vi.fn() };
    rendered.push(r);
    return { update: (s: TaskSnapshot) => { r.updates.push(s); }, unmount: r.unmount };
  });
  let navigated = () => {};
  const reportStatus = vi.fn();
  const watcher = watchTaskViews({
    adapter: clickupAdapter, render, reportStatus, doc: page.document, notRecognisedAfterMs: 500,
    urlChangesAreInstant: true, onLocationChange: (cb) => { navigated = cb; },
  });
  cleanup = async () => { watcher.stop(); await page.close(); };
  return { ...page, rendered, reportStatus, navigated: () => navigated() };
}
const hosts = (doc: Document) => [...doc.querySelectorAll(HOST_TAG)].map((h) => h.getAttribute('data-task'));
/** Every title a panel was ever given for `key`. */
const titlesFor = (rendered: { snapshot: TaskSnapshot; updates: TaskSnapshot[] }[], key: string) =>
  rendered.flatMap((r) => [r.snapshot, ...r.updates]).filter((s) => s.task.key === key).map((s) => s.task.title);

describe('a task view the host keeps and rewrites in place', () => {
  it('switches the panel to the next task, never giving it the previous task\'s values, with one panel', async () => {
    const { document, window, rendered, navigated } = await start('https://app.clickup.com/9012345678/v/li/901200001111');
    document.querySelector<HTMLAnchorElement>('a.cu-task-row-main__link')!.click();
    navigated();
    await tick();
    expect(hosts(document)).toEqual(['clickup:86c1abcd2']);
    const view = document.querySelector('.cu-task-view__container');

    document.querySelector<HTMLElement>('[data-test="task-view-header__next"]')!.click();
    navigated(); // the URL moved; the container still shows the first task
    await tick();
    expect(hosts(document)).toEqual([]);
    expect(rendered[0]!.unmount).toHaveBeenCalledTimes(1);
    await tick(40); // the host rewrites the container's text
    expect(document.querySelector('.cu-task-view__container')).toBe(view);
    expect(window.location.pathname).toBe('/t/86c1efgh5');
    expect(hosts(document)).toEqual(['clickup:86c1efgh5']);
    expect(rendered.map((r) => r.snapshot.task.key)).toEqual(['clickup:86c1abcd2', 'clickup:86c1efgh5']);
    expect(rendered[1]!.snapshot.task).toMatchObject({ title: 'Inbox opruimen', nativeEstimateMinutes: 45, nativeTrackedMinutes: 20 });
    await tick(300);
    expect(titlesFor(rendered, 'clickup:86c1efgh5').every((t) => t === 'Inbox opruimen')).toBe(true);
    expect(titlesFor(rendered, 'clickup:86c1abcd2').every((t) => t === 'Offertes opvolgen')).toBe(true);
  });

  it('never hands the open panel the next task\'s values when the host rewrites the view before the URL', async () => {
    const { document, window, rendered, navigated } = await start('https://app.clickup.com/t/86c1abcd2');
    await tick();
    expect(hosts(document)).toEqual(['clickup:86c1abcd2']);
    // The other order: contents first (as a text-node rewrite), the URL a moment later.
    const label = document.querySelector('[data-test="cu-task-view-task-label__task-id"]')!;
    const title = document.querySelector('[data-test="task-title__title-overlay"]')!;
    (label.firstChild as Text).data = '86c1efgh5';
    (title.firstChild as Text).data = 'Inbox opruimen';
    await tick(300);
    expect(titlesFor(rendered, 'clickup:86c1abcd2').every((t) => t === 'Offertes opvolgen')).toBe(true);
    window.history.pushState({}, '', '/t/86c1efgh5');
    navigated();
    await tick();
    expect(hosts(document)).toEqual(['clickup:86c1efgh5']);
    expect(rendered.at(-1)!.snapshot.task.title).toBe('Inbox opruimen');
  });

  it('mounts a task opened by its custom id only once the page shows its real id, keyed by it', async () => {
    const { document, window, rendered, reportStatus } = await start('https://app.clickup.com/t/9012345678/DEV-42', { __holdIdLookup: true });
    await tick(50);
    expect(document.querySelector('.cu-task-view__container')).not.toBeNull();
    expect(hosts(document)).toEqual([]);
    (window as unknown as { __answerIdLookup(): void }).__answerIdLookup();
    await tick();
    expect(hosts(document)).toEqual(['clickup:86c1mnop3']);
    expect(rendered).toHaveLength(1);
    expect(rendered[0]!.snapshot.task).toMatchObject({ taskId: '86c1mnop3', url: 'https://app.clickup.com/t/86c1mnop3', title: 'Facturen maken' });
    await tick(300);
    expect(rendered).toHaveLength(1); // the panel stays: the URL's custom id is this task's
    expect(rendered[0]!.unmount).not.toHaveBeenCalled();
    expect(reportStatus).toHaveBeenCalledWith(true);
  });
});
