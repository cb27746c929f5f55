import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, openPage, type Session } from './harness';
import { putRecords } from './seed';

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });

const at = new Date().toISOString();
const va = { id: 'va-1', name: 'Sanne', hourlyRate: 30, currency: 'EUR', identities: [], archived: false, createdAt: at, updatedAt: at };
function ratedTask(id: string, estimate: number, actual: number) {
  const key = `trello:${id}`;
  return {
    task: { key, platform: 'trello', taskId: id, title: `<b>Task ${id}</b>`, url: `https://trello.com/c/${id}`, board: 'Kantoor', assignees: [], dueAt: null, doneAt: at, nativeEstimateMinutes: null, nativeTrackedMinutes: null, updatedAt: at },
    rating: { id: key, platform: 'trello', taskId: id, vaId: 'va-1', category: 'email', estimateMinutes: estimate, actualMinutes: actual, quality: 5, errorFree: true, followedBriefing: true, remindersNeeded: 0, delaysFlagged: null, proactive: true, note: '', counters: {}, dueAt: null, doneAt: at, createdAt: at, updatedAt: at },
  };
}

async function seriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

describe('popup', () => {
  it('says there are no rated tasks yet when a VA has none in the period', async () => {
    session = await launch();
    const popup = await openPage(session, extensionUrl(session, 'popup.html'));
    await popup.getByTestId('popup-empty').waitFor();
    await putRecords(popup, { vas: [va] });
    await popup.reload();
    await expect.poll(() => popup.getByTestId('popup-no-ratings').isVisible()).toBe(true);
    expect(await seriousA11yViolations(popup)).toEqual([]);
  });

  it('shows the KPIs of the month with target marks and the overrun as a link to its task', async () => {
    session = await launch();
    const popup = await openPage(session, extensionUrl(session, 'popup.html'));
    await popup.getByTestId('popup-empty').waitFor();
    const a = ratedTask('ok1', 60, 60);
    const b = ratedTask('slow1', 30, 90);
    await putRecords(popup, {
      vas: [va], tasks: [a.task, b.task], ratings: [a.rating, b.rating],
      targets: [
        { id: 't1', kpi: 'qualityAvg', scope: { kind: 'global' }, op: '>=', value: 4, updatedAt: at },
        { id: 't2', kpi: 'estimateRatio', scope: { kind: 'va', vaId: 'va-1' }, op: '<=', value: 1.2, updatedAt: at },
      ],
    });
    await popup.reload();
    const card = popup.getByTestId('va-kpis');
    await expect.poll(() => card.locator('[data-kpi=estimateRatio] .kpi-value').textContent()).toBe('1.67×'); // 150 ÷ 90
    expect(await card.locator('[data-kpi=qualityAvg] .kpi-value').textContent()).toBe('5');
    expect(await card.locator('[data-kpi=qualityAvg] [data-target]').getAttribute('data-target')).toBe('met');
    expect(await card.locator('[data-kpi=estimateRatio] [data-target]').getAttribute('data-target')).toBe('notMet');
    expect(await card.locator('[data-kpi=hoursFreed] .kpi-value').textContent()).toBe('2.5 h');
    const link = card.getByRole('link', { name: '<b>Task slow1</b>' }); // a title is text, never markup
    expect(await link.getAttribute('href')).toBe('https://trello.com/c/slow1');
    expect(await seriousA11yViolations(popup)).toEqual([]);
  });
});

describe('dashboard', () => {
  it('has no serious accessibility problems in any section', async () => {
    session = await launch();
    const dash = await openPage(session, extensionUrl(session, 'dashboard.html'));
    for (const link of await dash.getByRole('navigation').getByRole('link').all()) {
      await link.click();
      await dash.locator('main h2').first().waitFor();
      expect(await seriousA11yViolations(dash), await link.textContent() ?? '').toEqual([]);
    }
  });
});
