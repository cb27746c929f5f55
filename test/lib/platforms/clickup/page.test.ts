import { afterEach, describe, expect, it } from 'vitest';
import { clickupAdapter } from '@/lib/platforms/clickup';
import { findTaskView, matchTaskUrl, parseDueText, readTask, taskMountPoint } from '@/lib/platforms/clickup/page';
import { CLICKUP_URL_EXAMPLES } from '@/lib/platforms/clickup/page.urls';
import { loadClickUpFixture } from '../../../fixtures/clickup/load';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

const LIST = 'https://app.clickup.com/9012345678/v/li/901200001111';
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function open(file: 'app.html' | 'changed.html', url: string, globals?: Record<string, unknown>) {
  const page = await loadClickUpFixture(file, url, globals);
  close = page.close;
  return page;
}
function clickTask(doc: Document, name: string) {
  [...doc.querySelectorAll<HTMLAnchorElement>('a.cu-task-row-main__link')].find((a) => a.textContent === name)!.click();
}

describe('matchTaskUrl', () => {
  it.each(CLICKUP_URL_EXAMPLES)('%s → %s', (url, id) => {
    expect(matchTaskUrl(url)).toBe(id);
  });
});

describe('reading a ClickUp task', () => {
  it('reads title, list, assignees, open status, due day and estimate from a full-page task', async () => {
    const { document } = await open('app.html', 'https://app.clickup.com/t/86c1abcd2');
    const view = findTaskView(document)!;
    expect(view.closest('main')).not.toBeNull();
    expect(readTask(view, '86c1abcd2')).toEqual({
      task: {
        key: 'clickup:86c1abcd2', platform: 'clickup', taskId: '86c1abcd2', title: 'Offertes opvolgen',
        url: 'https://app.clickup.com/t/86c1abcd2', board: 'Klanten', assignees: [{ id: null, name: 'Sanne de Vries' }],
        dueAt: '2026-11-30', doneAt: null, nativeEstimateMinutes: 150, nativeTrackedMinutes: null,
      },
      complete: false,
    });
  });

  it('reads the task opened as a modal over the list view', async () => {
    const { document } = await open('app.html', LIST);
    expect(findTaskView(document)).toBeNull();
    clickTask(document, 'Inbox opruimen');
    expect(document.location.pathname).toBe('/t/86c1efgh5');
    const view = findTaskView(document)!;
    expect(view.closest('[role=dialog]')).not.toBeNull();
    expect(readTask(view, '86c1efgh5')?.task).toMatchObject({
      title: 'Inbox opruimen', dueAt: null, nativeEstimateMinutes: 45, nativeTrackedMinutes: 20,
    });
  });

  it('counts a closed or complete status as done, with its estimate and tracked time', async () => {
    const closed = await open('app.html', 'https://app.clickup.com/t/86c1mnop3');
    expect(readTask(findTaskView(closed.document)!, '86c1mnop3')).toMatchObject({
      task: { nativeEstimateMinutes: 180, nativeTrackedMinutes: 150, assignees: [{ name: 'Sanne de Vries' }, { name: 'Joost Peeters' }] },
      complete: true,
    });
    await close?.();
    const complete = await open('app.html', 'https://app.clickup.com/t/86c1ijkl9');
    const snap = readTask(findTaskView(complete.document)!, '86c1ijkl9');
    expect(snap?.complete).toBe(true);
    expect(snap?.task.title).toBe('<img src=x onerror=alert(1)> Café ☕ 日本語 “offerte” & <b>vet</b>');
  });

  it('gives a closed task the moment it was first seen closed as its done time, and keeps it', async () => {
    const { document } = await open('app.html', 'https://app.clickup.com/t/86c1mnop3');
    const view = findTaskView(document)!;
    const first = clickupAdapter.readTask(view, 'https://app.clickup.com/t/86c1mnop3');
    expect(Date.parse(first!.task.doneAt!)).toBeGreaterThan(Date.now() - 5000);
    await tick(5);
    expect(clickupAdapter.readTask(view, 'https://app.clickup.com/t/86c1mnop3')!.task.doneAt).toBe(first!.task.doneAt);
    expect(clickupAdapter.readTask(findTaskView(document)!, 'https://app.clickup.com/t/86c1mnop3')).toMatchObject({ task: { key: 'clickup:86c1mnop3' } });
  });

  it('keys a task opened by its custom id by the real task id, and reads nothing until the page shows it', async () => {
    const { document, window } = await open('app.html', 'https://app.clickup.com/t/9012345678/DEV-42', { __holdIdLookup: true });
    const view = findTaskView(document)!;
    expect(view.textContent).toContain('Facturen maken');
    // Only the custom id is on the page: no key to store a rating under yet.
    expect(clickupAdapter.readTask(view, window.location.href)).toBeNull();
    (window as unknown as { __answerIdLookup(): void }).__answerIdLookup();
    expect(clickupAdapter.readTask(view, window.location.href)).toMatchObject({
      task: { key: 'clickup:86c1mnop3', taskId: '86c1mnop3', url: 'https://app.clickup.com/t/86c1mnop3' },
      urlId: 'DEV-42',
    });
    // Another task's custom id in the URL is not this task.
    expect(clickupAdapter.readTask(view, 'https://app.clickup.com/t/9012345678/OPS-7')).toBeNull();
  });

  it('reads nothing while the kept container still shows the previous task after a switch', async () => {
    const { document, window } = await open('app.html', LIST);
    clickTask(document, 'Offertes opvolgen');
    const view = findTaskView(document)!;
    document.querySelector<HTMLElement>('[data-test="task-view-header__next"]')!.click();
    expect(window.location.pathname).toBe('/t/86c1efgh5');
    expect(clickupAdapter.readTask(view, window.location.href)).toBeNull();
    await tick(30);
    expect(findTaskView(document)).toBe(view);
    expect(clickupAdapter.readTask(view, window.location.href)?.task).toMatchObject({ taskId: '86c1efgh5', title: 'Inbox opruimen', nativeEstimateMinutes: 45 });
  });

  it('puts the panel right under the title row', async () => {
    const { document } = await open('app.html', 'https://app.clickup.com/t/86c1abcd2');
    const point = taskMountPoint(findTaskView(document)!)!;
    expect(point.parent.className).toBe('cu-task-view__body');
    expect((point.before as Element).className).toBe('cu-task-fields');
  });

  it('reads nothing and offers no mount point on a page it does not know', async () => {
    const { document } = await open('changed.html', 'https://app.clickup.com/t/86c1abcd2');
    const view = findTaskView(document)!;
    expect(view).not.toBeNull();
    expect(clickupAdapter.readTask(view, 'https://app.clickup.com/t/86c1abcd2')).toBeNull();
    expect(taskMountPoint(view)).toBeNull();
  });

  it('follows the host\'s dark theme marker', async () => {
    const { document } = await open('app.html', 'https://app.clickup.com/t/86c1abcd2?theme=dark');
    expect(document.querySelector(clickupAdapter.darkThemeSelector)).toBe(document.body);
  });
});

describe('parseDueText', () => {
  const now = new Date(2026, 5, 1);
  it.each([
    ['Nov 30, 2026', '2026-11-30'], ['Nov 30', '2026-11-30'], ['Due Dec 5, 2027', '2027-12-05'], ['September 3', '2026-09-03'],
    ['', null], ['Feb 30', null], ['Someday', null], ['Empty', null],
  ])('%s → %s', (text, day) => {
    expect(parseDueText(text, now)).toBe(day);
  });
});
