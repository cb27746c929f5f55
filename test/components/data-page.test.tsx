// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataPage } from '@/components/dashboard/DataPage';
import { backupBlob, createBackup } from '@/lib/files/backup';
import { deleteAllData } from '@/lib/db/restore';
import { db, type QuarantinedRecord } from '@/lib/db';
import { downloadBlob } from '@/lib/files/download';
import { realisticData, seedDb } from '../dataset';

vi.mock('@/lib/files/download', async (original) => ({ ...(await original<typeof import('@/lib/files/download')>()), downloadBlob: vi.fn() }));

let root: HTMLElement;
beforeEach(() => { root = document.body.appendChild(document.createElement('div')); });
afterEach(async () => { render(null, root); root.remove(); await deleteAllData(db); vi.mocked(downloadBlob).mockClear(); });

const at = '2026-12-01T10:00:00.000Z';
const aside = (table: string, key: string, reason: string): QuarantinedRecord => ({
  id: `${table}:${key}@${at}`, table, key, record: { id: key, broken: true }, reason, quarantinedAt: at,
});
const text = () => root.textContent ?? '';
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('the data page', () => {
  it('says how many records an update set aside, downloads them and deletes them on confirmation', async () => {
    const records = [aside('ratings', 'trello:q9', 'quality: Too big: expected number to be <=5'), aside('vas', 'va-x', 'name: A VA needs a name')];
    await db.quarantine.bulkPut(records);
    render(<DataPage />, root);
    await expect.poll(text).toContain('2 records could not be read after the update and were set aside.');
    expect(text()).toContain('trello:q9');
    expect(text()).toContain('quality: Too big');

    button('Download set-aside records').click();
    await expect.poll(() => vi.mocked(downloadBlob).mock.calls.length).toBe(1);
    const [blob, filename] = vi.mocked(downloadBlob).mock.calls[0]!;
    expect(filename).toMatch(/^va-scorecard-set-aside-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await blob.text())).toEqual(records);

    button('Delete set-aside records').click();
    await expect.poll(() => root.querySelector('[role=alertdialog]')?.textContent ?? '').toContain('permanently deletes the 2 set-aside records');
    [...root.querySelectorAll<HTMLButtonElement>('[role=alertdialog] button')].find((b) => b.textContent === 'Delete set-aside records')!.click();
    await expect.poll(() => db.quarantine.count()).toBe(0);
    await expect.poll(text).not.toContain('could not be read after the update');
  });

  it('lists, after a restore, the stand-in VAs made for ratings whose VA the backup lacks', async () => {
    const other = await seedDb(db, realisticData());
    const backup = await createBackup(db);
    backup.tables.vas = backup.tables.vas.filter((v) => v.id !== 'va-zoe');
    await deleteAllData(db);
    const zoes = other.ratings.filter((r) => r.vaId === 'va-zoe').length;
    render(<DataPage />, root);
    const input = await expect.poll(() => root.querySelector<HTMLInputElement>('input[name=backupFile]')).not.toBeNull()
      .then(() => root.querySelector<HTMLInputElement>('input[name=backupFile]')!);
    Object.defineProperty(input, 'files', { value: [new File([await backupBlob(backup).text()], 'b.json')] });
    button('Restore backup').click();
    await expect.poll(() => root.querySelector('[data-testid=data-restore-report]')).not.toBeNull();
    await expect.poll(text).toContain('a stand-in VA was added for each');
    expect(text()).toContain(`Unknown VA (va-zoe): ${zoes} ratings`);
  });
});
