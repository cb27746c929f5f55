// The Data page in the production build: a user imports ratings kept in a spreadsheet, exports
// them again, and round-trips everything through a backup.
import fs from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, openPage, type Session } from './harness';
import { putRecords } from './seed';

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });

// The testing contract's header, written out: a rename in code must break this test.
const HEADER = 'platform,taskId,taskTitle,taskUrl,vaId,vaName,category,dueAt,doneAt,estimateMinutes,actualMinutes,'
  + 'quality,errorFree,followedBriefing,remindersNeeded,delaysFlagged,proactive,note,counters';

const SPREADSHEET = `\uFEFF${HEADER}\r\n`
  + 'trello,AbCd1234,"Offertes opvolgen, ""Q4""",https://trello.com/c/AbCd1234/12-offertes,,sanne de vries,email,2026-11-04,'
  + '2026-11-04T15:00:00.000Z,60,90,4,true,true,0,,false,"Nette mails; =1+1 niet uitrekenen","{""messagesHandled"":40}"\r\n'
  + 'trello,Zz99,Te goed,https://trello.com/c/Zz99,,Sanne de Vries,email,,2026-11-05T10:00:00.000Z,30,30,9,,,,,,,\r\n';

describe('Data page', () => {
  it('imports ratings from a spreadsheet, lists the bad row, and exports a file with the imported row', async () => {
    session = await launch();
    const dash = await openPage(session, extensionUrl(session, 'dashboard.html'));
    await dash.getByLabel('Name').fill('Sanne de Vries');
    await dash.getByRole('button', { name: 'Add VA' }).click();
    await expect.poll(() => dash.locator('[data-testid=va-list] .va-name').allTextContents()).toEqual(['Sanne de Vries']);

    await dash.getByRole('link', { name: 'Data' }).click();
    await dash.getByTestId('data-export-empty').waitFor();
    await dash.getByLabel('Ratings CSV file').setInputFiles({ name: 'mijn-va.csv', mimeType: 'text/csv', buffer: Buffer.from(SPREADSHEET) });
    const preview = dash.getByTestId('data-import-preview');
    await expect.poll(() => preview.getByText('1 rating is ready to import.').isVisible()).toBe(true);
    const problems = await dash.getByTestId('data-import-problems').locator('tbody tr').allInnerTexts();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^3\s+quality: /); // line 3 of the file, and the field that is wrong
    await dash.getByRole('button', { name: 'Import 1 rating' }).click();
    await expect.poll(() => dash.getByTestId('data-import').getByRole('status').textContent()).toBe('Imported 1 rating. New VAs added: 0.');
    await expect.poll(() => dash.getByTestId('data-export-empty').count()).toBe(0); // "no ratings yet" is gone

    // The file is built in a worker: a big export's reads and GC then cannot freeze the page.
    const workers: string[] = [];
    dash.on('worker', (w) => workers.push(w.url()));
    const download = dash.waitForEvent('download');
    await dash.getByRole('button', { name: 'Export ratings' }).click();
    const file = await download;
    expect(workers.filter((url) => url.includes('/export-worker'))).toHaveLength(1);
    expect(file.suggestedFilename()).toMatch(/^va-scorecard-ratings-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields!.join(',')).toBe(HEADER);
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]).toMatchObject({
      platform: 'trello', taskId: 'AbCd1234', taskTitle: 'Offertes opvolgen, "Q4"', taskUrl: 'https://trello.com/c/AbCd1234/12-offertes',
      vaName: 'Sanne de Vries', category: 'email', dueAt: '2026-11-04', doneAt: '2026-11-04T15:00:00.000Z',
      estimateMinutes: '60', actualMinutes: '90', quality: '4', errorFree: 'true', followedBriefing: 'true', remindersNeeded: '0',
      // The part after `;` would start a formula in a `;` reading of this comma file: it gets its `'`.
      delaysFlagged: '', proactive: 'false', note: "Nette mails;' =1+1 niet uitrekenen", counters: '{"messagesHandled":40}',
    });
    const vaId = parsed.data[0]!.vaId!;
    expect(vaId).not.toBe('');
    expect(session.pageErrors).toEqual([]);
  });

  it('reads a spreadsheet Excel saved in Windows-1252 with its accents intact, and says how it read it', async () => {
    session = await launch();
    const dash = await openPage(session, `${extensionUrl(session, 'dashboard.html')}#data`);
    const csv = 'platform;taskId;taskUrl;vaName;quality\r\nclickup;86abc;https://app.clickup.com/t/86abc;Zo\u00EB Caf\u00E9;4\r\n';
    await dash.getByLabel('Ratings CSV file').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
    const preview = dash.getByTestId('data-import-preview');
    await expect.poll(() => preview.getByText('1 rating is ready to import.').isVisible()).toBe(true);
    expect(await preview.getByText('New VAs to add: Zo\u00EB Caf\u00E9', { exact: true }).count()).toBe(1);
    expect(await dash.getByTestId('data-import-encoding').textContent()).toMatch(/not UTF-8, so it was read as Windows-1252/);
    expect(session.pageErrors).toEqual([]);
  });

  it('restores a downloaded backup after all data was deleted (replace), giving the same export', async () => {
    session = await launch();
    const dash = await openPage(session, `${extensionUrl(session, 'dashboard.html')}#data`);
    await dash.getByLabel('Ratings CSV file').setInputFiles({ name: 'r.csv', mimeType: 'text/csv', buffer: Buffer.from(SPREADSHEET) });
    await dash.getByRole('button', { name: 'Import 1 rating' }).click();
    await expect.poll(() => dash.getByTestId('data-import').getByRole('status').textContent()).toBe('Imported 1 rating. New VAs added: 1.');

    const exportCsv = async () => {
      const download = dash.waitForEvent('download');
      await dash.getByRole('button', { name: 'Export ratings' }).click();
      return fs.readFileSync((await (await download).path())!, 'utf8');
    };
    const before = await exportCsv();

    const backupDownload = dash.waitForEvent('download');
    await dash.getByRole('button', { name: 'Download backup' }).click();
    const backup = await backupDownload;
    expect(backup.suggestedFilename()).toMatch(/^va-scorecard-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = (await backup.path())!;

    await dash.getByRole('button', { name: 'Delete all data…' }).click();
    await dash.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => dash.getByTestId('data-delete').getByRole('status').textContent()).toBe('All data deleted.');
    await dash.getByRole('button', { name: 'Export ratings' }).click();
    await expect.poll(() => dash.getByTestId('data-export').getByRole('status').textContent()).toBe('No ratings match these filters, so no file was saved.');

    await dash.getByLabel('Backup file (.json)').setInputFiles(backupPath);
    await dash.getByLabel('Replace all data with the backup').check();
    await dash.getByRole('button', { name: 'Restore backup' }).click();
    await dash.getByRole('button', { name: 'Replace all data', exact: true }).click();
    const report = dash.getByTestId('data-restore-report');
    await expect.poll(() => report.getByRole('row', { name: /Ratings/ }).innerText()).toMatch(/Ratings\s+1/);
    expect(await exportCsv()).toBe(before);
    expect(session.pageErrors).toEqual([]);
  });

  it('opens after an update that finds unreadable records, and says on the Data page what it set aside', async () => {
    session = await launch();
    const dash = await openPage(session, `${extensionUrl(session, 'dashboard.html')}#data`);
    const at = '2026-11-03T09:30:00.000Z';
    const rating = (taskId: string, over: Record<string, unknown>) => ({
      id: `trello:${taskId}`, platform: 'trello', taskId, vaId: 'va-1', category: 'email', estimateMinutes: 60, actualMinutes: 90,
      quality: 4, errorFree: true, followedBriefing: true, remindersNeeded: 0, delaysFlagged: null, proactive: false, note: '',
      counters: {}, dueAt: null, doneAt: at, createdAt: at, updatedAt: at, ...over,
    });
    await putRecords(dash, {
      vas: [{ id: 'va-1', name: 'Sanne de Vries', hourlyRate: null, currency: 'EUR', identities: [], archived: false, createdAt: at, updatedAt: at }],
      ratings: [rating('good', {}), rating('q9', { quality: 9 }), rating('when', { doneAt: 'last tuesday' })],
    });
    await dash.reload();
    const card = dash.getByTestId('data-quarantine');
    await expect.poll(() => card.getByRole('alert').textContent()).toBe('2 records could not be read after the update and were set aside.');
    expect(await card.getByTestId('data-quarantine-list').innerText()).toMatch(/trello:q9.*quality/);
    await dash.getByRole('link', { name: 'VAs' }).click();
    await expect.poll(() => dash.locator('[data-testid=va-list] .va-name').allTextContents()).toEqual(['Sanne de Vries']);
    expect(session.pageErrors).toEqual([]);
  });
});
