// The check-in pages of the dashboard in the production build: the review meeting held in two
// sittings and exported as Markdown, the trends with a month without data, the impact log, and a
// category of the owner's own offered in a Trello card's panel.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, openPage, readAll, type Session } from './harness';
import { putRecords } from './seed';
import { CARD_A, panel, startTrello } from './trello-page';

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });

const now = new Date();
const at = now.toISOString();
const DAY = 86_400_000;
/** `YYYY-MM` of a local date (the browser runs in this machine's zone). */
const monthOf = (d: Date) => d.toLocaleDateString('sv').slice(0, 7);
const monthsBack = (n: number) => new Date(now.getFullYear(), now.getMonth() - n, 10, 12);
const va = { id: 'va-1', name: 'Sanne', hourlyRate: 30, currency: 'EUR', identities: [], archived: false, createdAt: at, updatedAt: at };

function rated(id: string, over: Record<string, unknown>) {
  const key = `trello:${id}`;
  return {
    task: { key, platform: 'trello', taskId: id, title: `Task ${id}`, url: `https://trello.com/c/${id}`, board: 'Kantoor', assignees: [], dueAt: null, doneAt: null, nativeEstimateMinutes: null, nativeTrackedMinutes: null, updatedAt: at },
    rating: { id: key, platform: 'trello', taskId: id, vaId: 'va-1', category: 'email', estimateMinutes: 60, actualMinutes: 60, quality: 4, errorFree: true, followedBriefing: true, remindersNeeded: 0, delaysFlagged: null, proactive: false, note: '', counters: {}, dueAt: null, doneAt: at, createdAt: at, updatedAt: at, ...over },
  };
}

async function seriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}
/** Usable in a 360 px wide window: nothing wider than the window. */
async function fitsNarrowWindow(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 800 });
  return width;
}

describe('review meeting', () => {
  it('shows the agenda from the data, keeps two sittings across reloads, and exports the review as Markdown', async () => {
    session = await launch();
    const dash = await openPage(session, extensionUrl(session, 'dashboard.html'));
    const doneAt = new Date(Math.max(now.getTime() - 3_600_000, new Date(now.getFullYear(), now.getMonth(), 1, 1).getTime())).toISOString();
    const month = monthOf(new Date(doneAt));
    const yesterday = new Date(now.getTime() - DAY).toLocaleDateString('sv');
    const slow = rated('slow1', { estimateMinutes: 30, actualMinutes: 90, doneAt, dueAt: '2000-01-01' });
    const fine = rated('fine1', { quality: 5, doneAt });
    const open = rated('open1', { doneAt: null, dueAt: yesterday, createdAt: new Date(now.getTime() - 10 * DAY).toISOString() });
    await putRecords(dash, { vas: [va], tasks: [slow.task, fine.task, open.task], ratings: [slow.rating, fine.rating, open.rating] });
    // The owner sets the target first: on time at least 90 %, for every VA.
    await dash.reload();
    await dash.getByRole('link', { name: 'Targets' }).click();
    await dash.locator('select[name=kpi]').selectOption('onTimeRate');
    await dash.locator('select[name=op]').selectOption('>=');
    await dash.locator('input[name=value]').fill('90');
    await dash.getByRole('button', { name: 'Add target' }).click();
    await expect.poll(() => dash.getByTestId('target-list').locator('li').count()).toBe(1);
    await dash.goto(extensionUrl(session, `dashboard.html#review?va=va-1&period=${month}`));

    const agenda = dash.getByTestId('review-agenda');
    await agenda.waitFor();
    // One of one task with a due date was late: 0 % on time, under the 90 % target.
    expect(await agenda.locator('[data-kpi=onTimeRate] [data-target]').getAttribute('data-target')).toBe('notMet');
    const better = dash.getByTestId('review-could-be-better');
    expect(await better.getByRole('link', { name: 'Task slow1' }).getAttribute('href')).toBe('https://trello.com/c/slow1');
    expect(await better.locator('li').first().getAttribute('data-reasons')).toBe('overrun late');
    expect(await dash.getByTestId('review-went-well').getByRole('link', { name: 'Task fine1' }).count()).toBe(1);
    const stillOpen = dash.getByTestId('review-open');
    expect(await stillOpen.getByRole('link', { name: 'Task open1' }).count()).toBe(1);
    expect(await stillOpen.textContent()).toContain('open for 10 days');
    expect(await seriousA11yViolations(dash)).toEqual([]);
    expect(await fitsNarrowWindow(dash)).toBeLessThanOrEqual(360);

    // First sitting.
    await dash.getByLabel('What went well?').fill('Inbox zero every day');
    await dash.getByLabel('Feels involved').selectOption('4');
    await expect.poll(() => dash.getByTestId('review-save-status').textContent()).toBe('Saved');
    await dash.reload();
    await expect.poll(() => dash.getByLabel('What went well?').inputValue()).toBe('Inbox zero every day');

    // Second sitting, after the reload: other fields only.
    await dash.getByLabel('Were the KPIs met?').fill('Not the on-time rate');
    await dash.getByLabel('Feels heard').selectOption('5');
    await dash.getByLabel('Did your VA do or say something').selectOption('true');
    await dash.getByLabel('What was it?').fill('A template for quotes');
    await expect.poll(() => dash.getByTestId('review-save-status').textContent()).toBe('Saved');
    await dash.reload();
    await expect.poll(() => dash.getByLabel('Were the KPIs met?').inputValue()).toBe('Not the on-time rate');
    expect(await dash.getByLabel('What went well?').inputValue()).toBe('Inbox zero every day');
    expect(await dash.getByLabel('Feels involved').inputValue()).toBe('4');
    expect(await dash.getByLabel('Feels heard').inputValue()).toBe('5');
    const [stored] = await readAll(session.worker, 'reviews');
    expect(stored).toMatchObject({ vaId: 'va-1', answers: { wentWell: 'Inbox zero every day', kpisMet: 'Not the on-time rate' }, vaExperience: { involved: 4, heard: 5, challenged: null } });
    expect(stored!.nextCheckIn).not.toBeNull(); // a month later by default
    expect(await dash.getByTestId('review-list').locator('li').count()).toBe(1);

    const download = dash.waitForEvent('download');
    await dash.getByRole('button', { name: 'Export as Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^check-in-sanne-${month}-\\d{4}-\\d{2}-\\d{2}\\.md$`));
    const md = fs.readFileSync((await file.path())!, 'utf8');
    expect(md).toMatch(/^# Check-in with Sanne — /);
    expect(md).toContain('| On time | 0% | ≥ 90% | target not met |');
    expect(md).toContain('- [Task slow1](<https://trello.com/c/slow1>) — took 3× the estimate; done ');
    expect(md).toContain('### Were the KPIs met?\n\nNot the on-time rate');
    expect(md).toContain('- Feels involved: 4 / 5\n- Feels heard: 5 / 5');
    expect(md).toContain('Yes: A template for quotes');
    expect(session.pageErrors).toEqual([]);
  });
});

describe('trends', () => {
  it('draws the charts and shows a month without data as no data, not zero', async () => {
    session = await launch();
    const dash = await openPage(session, extensionUrl(session, 'dashboard.html'));
    const twoBack = rated('old1', { doneAt: monthsBack(2).toISOString(), dueAt: '2100-01-01', quality: 3 });
    const thisMonth = rated('new1', { doneAt: new Date(Math.max(now.getTime() - 3_600_000, new Date(now.getFullYear(), now.getMonth(), 1, 1).getTime())).toISOString(), quality: 5 });
    await putRecords(dash, { vas: [va], tasks: [twoBack.task, thisMonth.task], ratings: [twoBack.rating, thisMonth.rating],
      targets: [{ id: 't1', kpi: 'qualityAvg', scope: { kind: 'global' }, op: '>=', value: 4, updatedAt: at }] });
    await dash.goto(extensionUrl(session, 'dashboard.html#trends'));
    await dash.reload();
    await expect.poll(() => dash.locator('[data-testid=trend-charts] .uplot canvas').count()).toBe(5);
    const row = (m: string) => dash.locator(`[data-testid=trend-table] tr[data-month="${m}"] td`);
    expect(await row(monthOf(monthsBack(2))).allTextContents()).toEqual(['100%', '3', '1×', '1 h', '1']);
    expect(await row(monthOf(monthsBack(1))).allTextContents()).toEqual(['no data', 'no data', 'no data', 'no data', 'no data']);
    expect(await dash.locator('[data-testid=trend-charts] [data-kpi=qualityAvg] figcaption').textContent()).toContain('target ≥ 4');
    expect(await seriousA11yViolations(dash)).toEqual([]);
    expect(await fitsNarrowWindow(dash)).toBeLessThanOrEqual(360);
    expect(session.pageErrors).toEqual([]);
  });
});

describe('impact log', () => {
  it('logs two months of a metric and says the change in a sentence, next to the hours the VA freed', async () => {
    session = await launch();
    const dash = await openPage(session, extensionUrl(session, 'dashboard.html'));
    const job = rated('job1', { actualMinutes: 150, doneAt: monthsBack(1).toISOString() });
    await putRecords(dash, { vas: [va], tasks: [job.task], ratings: [job.rating] });
    await dash.goto(extensionUrl(session, 'dashboard.html#impact'));
    await dash.reload();
    const [before, last] = [monthOf(monthsBack(2)), monthOf(monthsBack(1))];
    await dash.locator('select[name=month]').selectOption(before);
    await dash.getByLabel('Metric').fill('Quotes sent');
    await dash.getByLabel('Value').fill('8');
    await dash.getByRole('button', { name: 'Save figure' }).click();
    await dash.locator('select[name=month]').selectOption(last);
    await dash.getByLabel('Metric').fill('Quotes sent');
    await dash.getByLabel('Value').fill('12');
    await dash.getByRole('button', { name: 'Save figure' }).click();
    const beforeName = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(monthsBack(2));
    await expect.poll(() => dash.getByTestId('impact-changes').textContent()).toBe(`Quotes sent: 4 more than in ${beforeName}`);
    expect(await dash.getByTestId('impact-vas').locator('tbody tr').first().locator('td').allTextContents()).toEqual(['2.5 h', '€75', '—']);
    await dash.getByLabel('Value').fill('lots');
    await dash.getByLabel('Metric').fill('Quotes sent');
    await dash.getByRole('button', { name: 'Save figure' }).click();
    await expect.poll(() => dash.getByRole('alert').textContent()).toBe('Type a number for the value.');
    expect((await readAll(session.worker, 'impact')).map((e) => e.value).sort()).toEqual([12, 8]);
    expect(await seriousA11yViolations(dash)).toEqual([]);
    expect(await fitsNarrowWindow(dash)).toBeLessThanOrEqual(360);
  });
});

describe('categories', () => {
  it('a category added in the dashboard is offered with its counters in a Trello card\'s panel; archived, it is not', async () => {
    const started = await startTrello();
    session = started.session;
    const dash = await openPage(session, extensionUrl(session, 'dashboard.html#categories'));
    await dash.getByLabel('Name').fill('Events');
    await dash.getByLabel('Counters, one per line').fill('Guests invited\nTickets sold');
    await dash.getByRole('button', { name: 'Add category' }).click();
    await expect.poll(() => dash.getByTestId('category-list').locator('.category-name').allTextContents()).toEqual(['Events']);
    expect(await seriousA11yViolations(dash)).toEqual([]);
    expect(await fitsNarrowWindow(dash)).toBeLessThanOrEqual(360);

    const card = await session.context.newPage();
    await card.goto(CARD_A);
    await panel(card, 'form').waitFor();
    await panel(card, 'select[name=category]').selectOption({ label: 'Events' });
    await expect.poll(() => panel(card, 'label[for=vasc-counter-guestsInvited]').textContent()).toBe('Guests invited');
    await panel(card, '[name="counters.guestsInvited"]').fill('40');
    await expect.poll(() => panel(card, '[data-testid=save-status]').textContent()).toBe('Saved');

    await dash.getByRole('button', { name: 'Rename Events' }).click();
    await dash.getByTestId('category-list').getByLabel('Name').fill('Events & webinars');
    await dash.getByRole('button', { name: 'Save name' }).click();
    await dash.getByRole('button', { name: 'Archive Events & webinars' }).click();
    await expect.poll(() => dash.getByTestId('category-list').textContent()).toContain('archived');
    const [rating] = await readAll(session.worker, 'ratings');
    expect(rating).toMatchObject({ category: 'events', counters: { guestsInvited: 40 } });

    // The rated card keeps its archived category; another card is not offered it.
    await card.reload();
    await panel(card, 'form').waitFor();
    await expect.poll(() => panel(card, 'select[name=category] option:checked').textContent()).toBe('Events & webinars');
    await card.goto('https://trello.com/c/EfGh5678/13-inbox-opruimen');
    await panel(card, 'form').waitFor();
    await expect.poll(() => panel(card, 'select[name=category] option').allTextContents()).not.toContain('Events & webinars');
  });
});
