import { afterEach, describe, expect, it } from 'vitest';
import { findTaskPane, matchTaskUrl, paneMountPoint, parseDueLabel, readPane } from '@/lib/platforms/asana/page';
import { ASANA_URL_EXAMPLES } from '@/lib/platforms/asana/page.urls';
import { loadAsanaFixture } from '../../../fixtures/asana/load';

describe('matchTaskUrl', () => {
  it.each(ASANA_URL_EXAMPLES)('%s → %s', (url, taskId) => {
    expect(matchTaskUrl(url)).toBe(taskId);
  });
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

async function open(file: 'app.html' | 'changed.html', url: string) {
  const page = await loadAsanaFixture(file, url);
  close = page.close;
  await new Promise((r) => setTimeout(r, 50)); // the pane renders after the views
  return page;
}
const V0 = (task: string) => `https://app.asana.com/0/1200000000000001/${task}`;

describe('reading the task pane', () => {
  it('reads title, assignee, due time, completion and project of a task opened by a V0 URL', async () => {
    const { document } = await open('app.html', V0('1200000000000101'));
    const pane = findTaskPane(document)!;
    expect(readPane(pane, V0('1200000000000101'))).toEqual({
      task: {
        key: 'asana:1200000000000101', platform: 'asana', taskId: '1200000000000101', title: 'Offertes opvolgen',
        url: 'https://app.asana.com/0/0/1200000000000101', board: 'Kantoor',
        assignees: [{ id: null, name: 'Sanne de Vries' }],
        dueAt: new Date(2026, 10, 30, 17, 0).toISOString(), doneAt: null, nativeEstimateMinutes: null, nativeTrackedMinutes: null,
      },
      complete: false,
    });
  });

  it('reads a due day without a time as a whole day, on a V1 URL', async () => {
    const url = 'https://app.asana.com/1/1100000000000000/project/1200000000000001/task/1200000000000102';
    const { document } = await open('app.html', url);
    expect(readPane(findTaskPane(document)!, url)?.task).toMatchObject({ taskId: '1200000000000102', dueAt: '2026-12-02' });
  });

  it('reads a completed task with no assignee and no due date, its title as plain text', async () => {
    const { document } = await open('app.html', V0('1200000000000103'));
    const read = readPane(findTaskPane(document)!, V0('1200000000000103'))!;
    expect(read.complete).toBe(true);
    expect(read.task).toMatchObject({ assignees: [], dueAt: null, title: '<img src=x onerror=alert(1)> Café ☕ 日本語 “offerte” & <b>vet</b>' });
  });

  it('reads a subtask opened with ?child= as a task of its own', async () => {
    const url = `${V0('1200000000000101')}?child=1200000000000111`;
    const { document } = await open('app.html', url);
    expect(readPane(findTaskPane(document)!, url)?.task).toMatchObject({
      key: 'asana:1200000000000111', title: 'Offerte Jansen bellen', dueAt: '2026-11-28',
    });
  });

  it('goes by the pane\'s own task id when the URL already names another task', async () => {
    const { document } = await open('app.html', V0('1200000000000101'));
    expect(readPane(findTaskPane(document)!, V0('1200000000000104'))?.task).toMatchObject({ key: 'asana:1200000000000101', title: 'Offertes opvolgen' });
  });

  it('puts the panel right under the fields block, inside the pane', async () => {
    const { document } = await open('app.html', V0('1200000000000101'));
    const pane = findTaskPane(document)!;
    const point = paneMountPoint(pane)!;
    expect(pane.contains(point.parent)).toBe(true);
    expect((point.before as Element).className).toBe('TaskPaneDescription');
  });

  it('recognises nothing in a pane whose title and fields were renamed', async () => {
    const { document } = await open('changed.html', V0('1200000000000101'));
    const pane = findTaskPane(document)!;
    expect(pane).not.toBeNull();
    expect(readPane(pane, V0('1200000000000101'))).toBeNull();
    expect(paneMountPoint(pane)).toBeNull();
  });
});

describe('parseDueLabel', () => {
  const now = new Date(2026, 10, 18, 10, 0); // Wednesday 18 November 2026
  it.each([
    ['Nov 30', '2026-11-30'],
    ['Nov 30, 2027', '2027-11-30'],
    ['30 nov.', '2026-11-30'],
    ['Today', '2026-11-18'],
    ['Tomorrow', '2026-11-19'],
    ['Yesterday', '2026-11-17'],
    ['Friday', '2026-11-20'],
    ['Wednesday', '2026-11-25'],
    ['Morgen', '2026-11-19'],
    ['Nov 28 – 30', '2026-11-30'],
    ['Nov 28 – Dec 2', '2026-12-02'],
    ['No due date', null],
    ['Feb 30', null],
    ['', null],
  ])('%s → %s', (label, due) => {
    expect(parseDueLabel(label, now)).toBe(due);
  });
  it.each([
    ['Today 5pm', new Date(2026, 10, 18, 17, 0)],
    ['Tomorrow at 9:30am', new Date(2026, 10, 19, 9, 30)],
    ['Nov 30, 2026, 5:00pm', new Date(2026, 10, 30, 17, 0)],
    ['30 nov., 17:00', new Date(2026, 10, 30, 17, 0)],
    ['Dec 1, 12am', new Date(2026, 11, 1, 0, 0)],
  ])('%s → that local time', (label, at) => {
    expect(parseDueLabel(label, now)).toBe(at.toISOString());
  });
});
