// The Boards journey on the production build: the owner connects ClickUp with a token, tests it,
// chooses a list, watches it sync, links the assignee to a VA, and the popup counts that VA's
// synced tasks, none of them opened; the task's panel marks what the board gave; a full sync sees a
// task deleted on the board; disconnect takes the token and the permission away.
// The background's API calls are served by our ClickUp mock through context.route, which also
// sees the service worker's fetches.
import type { Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionUrl, openByUrl, openPage, panel, saved, serveFixture, type Session } from './harness';
import { launchWithHostPermission } from './permissions';
import { clickupMock, type MockClickUpTask } from '../lib/sync/clickup-mock';

// The extension APIs inside worker.evaluate (run in the service worker, not typed here).
declare const chrome: any;

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });

const API = 'https://api.clickup.com/*';
const HOUR = 3_600_000;

/** This month's tasks: 100 nobody's first (page 1), then Joris's and Sanne's (page 2). The first
 * of Joris's is the ClickUp fixture's task, so its page can be opened after the sync. */
function tasks(): MockClickUpTask[] {
  const monthStart = new Date(new Date().getFullYear(), new Date().getMonth(), 1).getTime();
  const t0 = Math.max(monthStart + 60_000, Date.now() - 30 * 60_000);
  let n = 0;
  const task = (over: Partial<MockClickUpTask>): MockClickUpTask => {
    const at = t0 + n * 10_000;
    return { id: `86c${(n++).toString(36).padStart(5, '0')}`, name: `Task ${n}`, updated: at, closed: null, due: null, estimate: null, spent: null, assignee: null, ...over };
  };
  const joris = { id: 81000, username: 'Joris' };
  const filler = Array.from({ length: 100 }, () => task({}));
  const at = () => t0 + n * 10_000;
  return [
    ...filler,
    { ...task({ name: 'Offertes opvolgen', assignee: joris, closed: at(), due: at() + HOUR }), id: '86c1abcd2' }, // on time
    task({ name: 'Facturen november', assignee: joris, closed: at(), due: at() - HOUR }), // late
    task({ name: 'Inbox opruimen', assignee: joris, closed: at() }), // done, no due date
    task({ name: 'Nieuwsbrief', assignee: joris, due: at() + 24 * HOUR }), // still open
    task({ name: 'Planning', assignee: { id: 81001, username: 'Sanne' }, closed: at() }),
  ];
}

describe('Boards: connecting ClickUp and syncing a list', () => {
  it('connects with a token, syncs with progress, counts the linked VA\'s tasks in the popup, and disconnects without a trace', async () => {
    session = await launchWithHostPermission([API]);
    const s = session;
    const board = tasks();
    const api = clickupMock({ tasks: board });
    await serveFixture(s, 'https://app.clickup.com/**', 'clickup/app.html');
    // The second page waits until the test has seen the progress of the first.
    let releasePage2!: () => void;
    const page2 = new Promise<void>((r) => { releasePage2 = r; });
    const requests: string[] = [];
    await s.context.route(API.replace('/*', '/**'), async (route: Route) => {
      const req = route.request();
      requests.push(new URL(req.url()).pathname + new URL(req.url()).search);
      if (/\/task\?.*page=1/.test(req.url())) await page2;
      const res = await api.deps.fetch(req.url(), { method: req.method(), headers: req.headers() });
      await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() });
    });
    const hasPermission = () => s.worker.evaluate((o: string) => chrome.permissions.contains({ origins: [o] }), API);
    const stored = () => s.worker.evaluate(() => chrome.storage.local.get(null)) as Promise<Record<string, unknown>>;

    const dash = await openPage(s, extensionUrl(s, 'dashboard.html'));
    await dash.getByRole('link', { name: 'VAs' }).click();
    await dash.getByLabel('Name').fill('Joris');
    await dash.getByRole('button', { name: 'Add VA' }).click();
    await dash.getByRole('link', { name: 'Boards' }).click();
    const card = dash.getByRole('article', { name: 'ClickUp' });

    await card.getByLabel('Token').fill('pk_81000_wrong');
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toContain('The token is not valid or was revoked');
    await card.getByLabel('Token').fill(api.token);
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Works: signed in as Owner Olga.');
    expect(await stored()).not.toHaveProperty('token:clickup'); // a test stores nothing

    await card.getByRole('button', { name: 'Connect', exact: true }).click();
    await card.getByLabel('Ops › Inbox').check();
    await card.getByRole('button', { name: 'Save and sync' }).click();
    const row = card.locator('li[data-board="901"]');
    await expect.poll(() => row.getByRole('progressbar').count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain('Syncing: 100 tasks so far');
    releasePage2();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/Last synced .+ · 105 tasks/);
    expect(await row.getByRole('progressbar').count()).toBe(0);
    expect(await row.getByRole('alert').count()).toBe(0);
    expect(await card.textContent()).toContain('Connected as Owner Olga (token …CRET)');

    // A second sitting: the page reloaded still knows the connection and the last outcome.
    await dash.reload();
    await dash.getByRole('link', { name: 'Boards' }).click();
    await expect.poll(() => card.locator('li[data-board="901"]').textContent()).toMatch(/Last synced .+ · 105 tasks/);

    // Joris is not a VA identity yet: link him, and his synced tasks count for the VA.
    const unlinked = dash.getByRole('article', { name: 'Assignees not linked to a VA' });
    await unlinked.getByLabel('Joris on ClickUp (4 tasks)').selectOption({ label: 'Joris' });
    await expect.poll(() => unlinked.getByLabel(/^Joris on ClickUp/).count()).toBe(0);

    const popup = await openPage(s, extensionUrl(s, 'popup.html'));
    const joris = popup.getByTestId('va-kpis').filter({ hasText: 'Joris' });
    await expect.poll(() => joris.textContent()).toContain('3 tasks done');
    expect(await joris.locator('[data-kpi=onTimeRate] .kpi-value').textContent()).toMatch(/^50\s?%$/); // 1 of the 2 with a due date

    // The token never left the background's own key: no other key, page or answer holds it.
    const all = await stored();
    expect(all['token:clickup']).toBe(api.token);
    expect(JSON.stringify({ ...all, 'token:clickup': null })).not.toContain(api.token);
    expect(await dash.content()).not.toContain(api.token);

    // The synced task's panel says which values the board gave, until the owner types over one.
    const taskPage = await openByUrl(s, 'https://app.clickup.com/t/86c1abcd2');
    const marked = async () => {
      const out: string[] = [];
      for (const name of ['vaId', 'dueAt', 'doneAt', 'estimateMinutes', 'actualMinutes']) {
        const id = await panel(taskPage, `[name=${name}]`).getAttribute('aria-describedby');
        if (id && await panel(taskPage, `#${id}`).textContent() === 'from the board') out.push(name);
      }
      return out;
    };
    await expect.poll(() => panel(taskPage, 'select[name=vaId] option:checked').textContent()).toBe('Joris');
    expect(await marked()).toEqual(['vaId', 'dueAt', 'doneAt']);
    // ClickUp's due dates have a time, so the field is a date and time; later than done: still on time.
    expect(await panel(taskPage, '[name=dueAt]').getAttribute('type')).toBe('datetime-local');
    await panel(taskPage, '[name=dueAt]').fill('2099-12-24T10:00');
    await saved(taskPage);
    expect(await marked()).toEqual(['vaId', 'doneAt']);
    await taskPage.reload();
    await panel(taskPage, 'form').waitFor();
    await expect.poll(() => panel(taskPage, '[name=dueAt]').inputValue()).toBe('2099-12-24T10:00');
    expect(await marked()).toEqual(['vaId', 'doneAt']);
    await taskPage.close();

    // A task deleted in ClickUp: an incremental sync cannot see it, a full sync of the list can.
    board.splice(board.findIndex((t) => t.name === 'Inbox opruimen'), 1);
    await row.getByRole('button', { name: 'Full sync of Ops › Inbox' }).waitFor();
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => card.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
    await expect.poll(() => row.textContent()).toMatch(/Last synced .+ · 105 tasks/);
    await row.getByRole('button', { name: 'Full sync of Ops › Inbox' }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/Last synced .+ · 104 tasks/);
    await popup.reload();
    await expect.poll(() => joris.textContent()).toContain('2 tasks done');

    await card.getByRole('button', { name: 'Disconnect' }).click();
    await card.getByLabel('Token').waitFor();
    expect(await stored()).not.toHaveProperty('token:clickup');
    expect(await hasPermission()).toBe(false);
    await popup.reload();
    await expect.poll(() => joris.textContent()).toContain('2 tasks done'); // what was synced stays
  });
});
