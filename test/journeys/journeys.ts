// The main journeys of an owner, written once and run by both browsers' suites: each suite hands
// in its own driver (test/journeys/driver.ts). Per platform, from its fixture descriptor
// (test/journeys/platforms.ts): rate a task and find the values after a reload, a second sitting,
// the popup's KPIs and the dashboard's CSV export. Then one that needs no board: a VA added in
// the dashboard survives a browser restart.
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { inPanel as P, type Driver, type SavedFile, type Tab } from './driver';
import { JOURNEY_PLATFORMS, type PlatformJourney } from './platforms';

const saved = (tab: Tab) => expect.poll(() => tab.text(P('[data-testid=save-status]'))).toBe('Saved');

/** A minute ago as a datetime-local value: in this month, and not in the future. */
function localNow() {
  const d = new Date(Date.now() - 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function openTask(d: Driver, { site, task }: PlatformJourney) {
  await d.serve(site);
  const tab = await d.open(task.url);
  await tab.waitFor(P('form'));
  return tab;
}

/** The first time: the assignee is no VA yet, and one click makes them one. */
async function makeAssigneeTheVa(tab: Tab, { task }: PlatformJourney) {
  await tab.click(P('.map button'), 'a new VA');
  await expect.poll(() => tab.text(P('select[name=vaId] option:checked'))).toBe(task.assignee);
}

/** The rows of a ratings CSV export, which starts with a byte-order mark for Excel. */
function ratingsCsv(file: SavedFile) {
  const text = file.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
}

export function defineJourneys(start: () => Promise<Driver>) {
  let driver: Driver | undefined;
  afterEach(async () => { await driver?.close(); driver = undefined; });
  const begin = async () => (driver = await start());

  describe.each(JOURNEY_PLATFORMS.map((p) => [p.platform, p] as const))('on %s', (_, platform) => {
    const { task } = platform;

    it('a rated task keeps its values across a reload, in the panel and in the database, with the panel styled', async () => {
      const d = await begin();
      const tab = await openTask(d, platform);
      // The panel's own style sheet applies inside its shadow root (adopted, or a <style> fallback).
      expect(await tab.style(P('.grid'), 'display')).toBe('grid');
      await makeAssigneeTheVa(tab, platform);
      await tab.fill(P('[name=estimateMinutes]'), '60');
      await tab.fill(P('[name=actualMinutes]'), '1:30');
      await tab.click(P('[name=quality][value="4"]'));
      await saved(tab);

      await tab.reload();
      await tab.waitFor(P('form'));
      await expect.poll(() => tab.value(P('[name=estimateMinutes]'))).toBe('1:00');
      expect(await tab.value(P('[name=actualMinutes]'))).toBe('1:30');
      expect(await tab.checked(P('[name=quality][value="4"]'))).toBe(true);
      expect(await tab.text(P('select[name=vaId] option:checked'))).toBe(task.assignee);
      const [va] = await d.readAll('vas');
      expect(va).toMatchObject({ name: task.assignee });
      expect(await d.readRecord('ratings', task.key)).toMatchObject({ vaId: va!.id, estimateMinutes: 60, actualMinutes: 90, quality: 4 });
      expect(d.pageErrors()).toEqual([]);
    });

    it('a second sitting after a save and a reload changes one more field and keeps the first one\'s answers', async () => {
      const d = await begin();
      const tab = await openTask(d, platform);
      await tab.fill(P('[name=estimateMinutes]'), '60');
      await tab.click(P('[name=quality][value="4"]'));
      await tab.fill(P('[name=note]'), 'Klant teruggebeld');
      await saved(tab);

      await tab.reload();
      await tab.waitFor(P('form'));
      await expect.poll(() => tab.value(P('[name=note]'))).toBe('Klant teruggebeld');
      await tab.click(P('[name=errorFree][value="true"]'));
      await saved(tab);
      expect(await d.readRecord('ratings', task.key)).toMatchObject({
        estimateMinutes: 60, quality: 4, note: 'Klant teruggebeld', errorFree: true,
      });

      await tab.reload();
      await tab.waitFor(P('form'));
      await expect.poll(() => tab.checked(P('[name=errorFree][value="true"]'))).toBe(true);
      expect(await tab.value(P('[name=estimateMinutes]'))).toBe('1:00');
      expect(await tab.checked(P('[name=quality][value="4"]'))).toBe(true);
      expect(await tab.value(P('[name=note]'))).toBe('Klant teruggebeld');
      expect(d.pageErrors()).toEqual([]);
    });

    it('a task rated as done shows in the VA\'s KPIs in the popup and in the ratings CSV the dashboard exports', async () => {
      const d = await begin();
      const tab = await openTask(d, platform);
      await makeAssigneeTheVa(tab, platform);
      await tab.fill(P('[name=estimateMinutes]'), '60');
      await tab.fill(P('[name=actualMinutes]'), '2h');
      await tab.click(P('[name=quality][value="5"]'));
      await tab.fill(P('[name=doneAt]'), localNow());
      await saved(tab);

      const popup = await d.openExtensionPage('popup.html');
      const kpi = (name: string) => `[data-testid=va-kpis] [data-kpi=${name}] .kpi-value`;
      await expect.poll(() => popup.text(kpi('estimateRatio'))).toBe('2×');
      expect(await popup.text(kpi('qualityAvg'))).toBe('5');
      expect(await popup.text(kpi('hoursFreed'))).toBe('2 h');
      const links = await popup.texts('[data-testid=va-kpis] a');
      const hrefs = await popup.attrs('[data-testid=va-kpis] a', 'href');
      expect(hrefs[links.indexOf(task.title)]).toBe(task.canonicalUrl);

      const dash = await d.openExtensionPage('dashboard.html#data');
      await dash.waitFor('[data-testid=data-export] button');
      const file = await dash.download('[data-testid=data-export] button', 'Export ratings');
      expect(file.filename).toMatch(/^va-scorecard-ratings-\d{4}-\d{2}-\d{2}\.csv$/);
      const rows = ratingsCsv(file);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        platform: platform.platform, taskId: task.taskId, taskTitle: task.title, taskUrl: task.canonicalUrl,
        vaName: task.assignee, estimateMinutes: '60', actualMinutes: '120', quality: '5',
      });
      // The popup's export button gives the same rows (all of them are in this month).
      expect(ratingsCsv(await popup.download('button', 'Export ratings (CSV)'))).toEqual(rows);
      expect(d.pageErrors()).toEqual([]);
    });
  });

  it('a VA added in the dashboard is still there after the browser restarts on the same profile', async () => {
    const d = await begin();
    const dash = await d.openExtensionPage('dashboard.html');
    await dash.fill('input[name=name]', 'Sanne de Vries');
    await dash.fill('input[name=hourlyRate]', '32,50');
    await dash.click('button', 'Add VA');
    await expect.poll(() => dash.texts('[data-testid=va-list] .va-name')).toEqual(['Sanne de Vries']);

    await d.restart();
    const popup = await d.openExtensionPage('popup.html');
    await expect.poll(() => popup.texts('[data-testid=popup-vas] .va-name')).toEqual(['Sanne de Vries']);
    expect(await d.readAll('vas')).toMatchObject([{ name: 'Sanne de Vries', hourlyRate: 32.5 }]);
    expect(d.pageErrors()).toEqual([]);
  });
}
