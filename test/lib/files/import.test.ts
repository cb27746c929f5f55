import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ScorecardDb } from '@/lib/db';
import { saveVa } from '@/lib/db/writes';
import { exportRatingsCsv } from '@/lib/files/export';
import { commitImport } from '@/lib/db/import';
import { previewImport } from '@/lib/files/import';
import type { Rating } from '@/lib/model';
import { realisticData, seedDb } from '../../dataset';

let d: ScorecardDb;
beforeEach(() => { d = new ScorecardDb(`test-${crypto.randomUUID()}`); });

const fileText = async (blob: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());

/** What the owner entered, without ids and timestamps a new profile gives its own. */
const essence = (r: Rating, vaName: string | undefined) => {
  const { createdAt, updatedAt, vaId, ...rest } = r;
  return { ...rest, vaName };
};

describe('CSV import', () => {
  for (const delimiter of [',', ';'] as const) {
    it(`reads our own export back as is (delimiter ${delimiter}), with every tricky text intact`, async () => {
      const source = new ScorecardDb(`test-${crypto.randomUUID()}`);
      const data = await seedDb(source);
      const csv = await fileText((await exportRatingsCsv({}, { delimiter }, source)).blob);

      const preview = await previewImport(csv, d);
      expect(preview.problems).toEqual([]);
      expect(preview.fileProblems).toEqual([]);
      expect(preview.ignoredColumns).toEqual([]);
      expect(preview.rows).toHaveLength(data.ratings.length);
      expect(preview.newVaNames.sort()).toEqual(data.vas.map((v) => v.name).sort());
      expect(await d.ratings.count()).toBe(0); // nothing written before the user confirms

      const result = await commitImport(preview.rows, d);
      expect(result).toEqual({ imported: data.ratings.length, createdVas: data.vas.length });
      const vaName = (db: ScorecardDb) => async (id: string | null) => (id ? (await db.vas.get(id))?.name : undefined);
      const got = await Promise.all((await d.ratings.toArray()).map(async (r) => essence(r, await vaName(d)(r.vaId))));
      const want = await Promise.all(data.ratings.map(async (r) => essence(r, await vaName(source)(r.vaId))));
      expect(got.sort((a, b) => a.id.localeCompare(b.id))).toEqual(want.sort((a, b) => a.id.localeCompare(b.id)));
      for (const task of data.tasks.filter((t) => data.ratings.some((r) => r.id === t.key))) {
        expect(await d.tasks.get(task.key)).toMatchObject({ title: task.title, url: task.url, dueAt: task.dueAt, doneAt: task.doneAt });
      }
    });
  }

  it('lists bad rows with their line in the file (quoted newlines counted) and why; imports only the good ones', async () => {
    await saveVa({ id: 'va-sanne', name: 'Sanne de Vries' }, d);
    const csv = [
      'platform,taskId,taskTitle,taskUrl,vaName,doneAt,estimateMinutes,quality,errorFree,note',
      'trello,ok1,"Two-line\ntitle",https://trello.com/c/ok1,sanne de vries,2026-11-03T10:00:00Z,60,4,true,"a ""quoted""\nnote"',
      'trello,bad1,Quality,https://trello.com/c/bad1,Sanne de Vries,2026-11-03,abc,7,maybe,',
      ',bad2,No platform,,Sanne de Vries,3-11-2026,30,3,false,',
      'jira,bad3,Other tool,https://jira.example/x,,,,,,',
      'trello,,No id,https://trello.com/c/x,,,,,,',
      'trello,ok1,Duplicate,https://trello.com/c/ok1,,,,,,',
      'trello,bad4,Too few cells',
      '',
      'asana,ok2,Asana task,https://app.asana.com/0/1/ok2,Nieuwe VA,2026-11-04,45,5,nee,\'=1+1',
      'trello,bad5,Plain http,http://trello.com/c/bad5,,,,,,',
    ].join('\r\n');
    const preview = await previewImport(csv, d);
    const lines = Object.fromEntries(preview.problems.map((p) => [p.line, p.reasons.join(' | ')]));
    // Line 2 holds a record spanning lines 2–4 (two quoted newlines); line 11 is blank.
    expect(Object.keys(lines).map(Number)).toEqual([5, 6, 7, 8, 9, 10, 13]);
    expect(lines[5]).toMatch(/estimateMinutes: "abc" is not a number/);
    expect(lines[5]).toMatch(/errorFree: "maybe" is not yes or no/);
    expect(lines[6]).toMatch(/platform: missing/);
    expect(lines[6]).toMatch(/doneAt: "3-11-2026" is not an ISO 8601 date/);
    expect(lines[7]).toMatch(/platform: "jira" is not one of trello, asana, clickup/);
    expect(lines[8]).toMatch(/taskId: missing/);
    expect(lines[9]).toMatch(/The same task \(trello:ok1\) is already on line 2/);
    expect(lines[10]).toMatch(/The row has 3 cells, the header 10/);
    expect(lines[13]).toMatch(/taskUrl/);
    expect(preview.rows.map((r) => r.line)).toEqual([2, 12]);
    expect(preview.newVaNames).toEqual(['Nieuwe VA']);

    // Quality 7 is caught by the model's schema once the cells parse.
    const onlyQuality = await previewImport('platform,taskId,taskUrl,quality\r\ntrello,q,https://trello.com/c/q,7', d);
    expect(onlyQuality.problems).toEqual([{ line: 2, reasons: [expect.stringMatching(/^quality: .*5/)] }]);

    await commitImport(preview.rows, d);
    const ok1 = await d.ratings.get('trello:ok1');
    expect(ok1).toMatchObject({ vaId: 'va-sanne', estimateMinutes: 60, quality: 4, errorFree: true, note: 'a "quoted"\nnote', doneAt: '2026-11-03T10:00:00.000Z' });
    expect((await d.tasks.get('trello:ok1'))!.title).toBe('Two-line\ntitle');
    const ok2 = await d.ratings.get('asana:ok2');
    expect(ok2).toMatchObject({ errorFree: false, note: '=1+1', quality: 5 });
    expect((await d.vas.get(ok2!.vaId!))!.name).toBe('Nieuwe VA');
    expect(await d.ratings.count()).toBe(2);
  });

  it('maps friendly spreadsheet headings and says which columns it did not use', async () => {
    const csv = 'Platform;Task ID;Title;URL;VA;Done;Estimate;Actual;Quality;Hours billed\n'
      + 'clickup;86abc;Facturen maken;https://app.clickup.com/t/86abc;Zoë;2026-10-31;30;37,5;4;0,6\n';
    const preview = await previewImport(csv, d);
    expect(preview.problems).toEqual([]);
    expect(preview.ignoredColumns).toEqual(['Hours billed']);
    await commitImport(preview.rows, d);
    expect(await d.ratings.get('clickup:86abc')).toMatchObject({ estimateMinutes: 30, actualMinutes: 37.5, quality: 4 });
    expect((await d.tasks.get('clickup:86abc'))!.title).toBe('Facturen maken');
  });

  it('refuses a file without the columns that identify a task', async () => {
    expect((await previewImport('title,quality\nx,4', d)).fileProblems).toEqual([
      "The file needs a taskId column (the task's id on its board).",
      'The file needs a platform or a taskUrl column.',
    ]);
    expect((await previewImport('', d)).fileProblems).toEqual(['The file is empty.']);
  });

  it('updates an existing rating only in the columns the file has, and matches a VA by id', async () => {
    const data = await seedDb(d, realisticData());
    const target = data.ratings.find((r) => r.vaId === 'va-zoe' && r.note !== '')!;
    const preview = await previewImport(`platform,taskId,vaId,quality\r\n${target.platform},${target.taskId},va-sanne,2\r\n`, d);
    expect(preview.replacing).toBe(1);
    await commitImport(preview.rows, d);
    const after = await d.ratings.get(target.id);
    expect(after).toMatchObject({ quality: 2, vaId: 'va-sanne', note: target.note, counters: target.counters, createdAt: target.createdAt });
    expect(after!.updatedAt > target.updatedAt).toBe(true);
  });

  it('creates one VA per new name, whatever its case, and none when the name exists', async () => {
    await saveVa({ name: 'Sanne de Vries' }, d);
    const csv = 'platform,taskId,taskUrl,vaName\n'
      + 'trello,a,https://trello.com/c/a,Femke\ntrello,b,https://trello.com/c/b,FEMKE\ntrello,c,https://trello.com/c/c,SANNE DE VRIES\n';
    const result = await commitImport((await previewImport(csv, d)).rows, d);
    expect(result).toEqual({ imported: 3, createdVas: 1 });
    expect((await d.vas.toArray()).map((v) => v.name).sort()).toEqual(['Femke', 'Sanne de Vries']);
  });

  it('hides no line behind an unterminated quote: on line 10 of 10,000, every other line is still read', async () => {
    const lines = ['platform,taskId,taskTitle,taskUrl,quality'];
    for (let n = 2; n <= 10_000; n++) {
      lines.push(n === 10 ? 'trello,t10,"Broken title,https://trello.com/c/t10,4' : `clickup,t${n},Taak ${n},https://app.clickup.com/t/t${n},4`);
    }
    const preview = await previewImport(lines.join('\r\n'), d);
    expect(preview.problems.map((p) => p.line)).toEqual([10]);
    expect(preview.problems[0]!.reasons.join(' ')).toMatch(/quote/i);
    const read = [...preview.rows.map((r) => r.line), ...preview.problems.map((p) => p.line)].sort((a, b) => a - b);
    expect(read).toEqual(Array.from({ length: 9_999 }, (_, i) => i + 2)); // every line but the header
  });

  it('hides no line behind a stray quote, and gives a bad row that spans lines its first and last line', async () => {
    const csv = ['platform,taskId,taskTitle,taskUrl,quality',
      'trello,s1,"Stray"quote,https://trello.com/c/s1,4', // the quote is closed mid-cell: papaparse reads on to the next quote
      'trello,s2,Fine,https://trello.com/c/s2,4',
      'trello,s3,"Multi\nline",https://trello.com/c/s3,9',
      'trello,s4,"Quoted, fine",https://trello.com/c/s4,4'].join('\n');
    const preview = await previewImport(csv, d);
    expect(preview.problems).toEqual([
      { line: 2, reasons: [expect.stringMatching(/a quote \(".*not closed properly/)] },
      { line: 4, lastLine: 5, reasons: [expect.stringMatching(/^quality: /)] },
    ]);
    expect(preview.rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it('counts lines in a file with CR-only line ends (old Mac Excel), also inside quoted cells', async () => {
    const csv = ['platform,taskId,taskTitle,taskUrl,quality',
      'trello,ok1,"Two\rlines",https://trello.com/c/ok1,4',
      'trello,bad1,Bad,https://trello.com/c/bad1,9',
      'trello,ok2,Fine,https://trello.com/c/ok2,3',
      'trello,bad2,Bad,https://trello.com/c/bad2,x'].join('\r');
    const preview = await previewImport(csv, d);
    expect(preview.problems.map((p) => p.line)).toEqual([4, 6]);
    expect(preview.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it('refuses numbers a thousands separator makes ambiguous instead of reading 1.000 as 1', async () => {
    const csv = 'platform,taskId,taskUrl,estimateMinutes\n'
      + 'trello,a,https://trello.com/c/a,1.000\ntrello,b,https://trello.com/c/b,"1,000"\ntrello,c,https://trello.com/c/c,12.345\n'
      + 'trello,d,https://trello.com/c/d,"37,5"\ntrello,e,https://trello.com/c/e,1000\ntrello,f,https://trello.com/c/f,0.125\n';
    const preview = await previewImport(csv, d);
    expect(preview.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(preview.problems[0]!.reasons).toEqual([expect.stringMatching(/^estimateMinutes: "1\.000" could mean 1 or 1000/)]);
    expect(preview.rows.map((r) => r.rating.estimateMinutes)).toEqual([37.5, 1000, 0.125]);
  });

  it('reads a file that is not UTF-8 as Windows-1252 and says so, instead of turning letters into \uFFFD', async () => {
    const latin = Uint8Array.from('platform;taskId;taskUrl;vaName\r\nclickup;86a;https://app.clickup.com/t/86a;Zo\u00EB Caf\u00E9\u20AC\r\n', (c) => c === '\u20AC' ? 0x80 : c.charCodeAt(0));
    const preview = await previewImport(latin, d);
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.newVaNames).toEqual(['Zo\u00EB Caf\u00E9\u20AC']);

    const utf8 = await previewImport(new TextEncoder().encode('\uFEFFplatform;taskId;taskUrl;vaName\nclickup;86a;https://app.clickup.com/t/86a;Zo\u00EB\n'), d);
    expect(utf8.encoding).toBe('utf-8');
    expect(utf8.newVaNames).toEqual(['Zo\u00EB']);
    expect((await previewImport(new Uint8Array(0), d)).fileProblems).toEqual(['The file is empty.']);
  });

  it('builds the task URL from platform and taskId when the file has no taskUrl, keeping a stored one', async () => {
    const preview = await previewImport('platform,taskId,quality\ntrello,AbCd1234,4\nasana,1200000000000001,3\nclickup,86abc,5\n', d);
    expect(preview.fileProblems).toEqual([]);
    expect(preview.problems).toEqual([]);
    await commitImport(preview.rows, d);
    expect((await d.tasks.toArray()).map((t) => t.url).sort()).toEqual([
      'https://app.asana.com/0/0/1200000000000001', 'https://app.clickup.com/t/86abc', 'https://trello.com/c/AbCd1234',
    ]);

    await d.tasks.update('trello:AbCd1234', { url: 'https://trello.com/c/AbCd1234/12-offertes' });
    await commitImport((await previewImport('platform,taskId,quality\ntrello,AbCd1234,2\n', d)).rows, d);
    expect((await d.tasks.get('trello:AbCd1234'))!.url).toBe('https://trello.com/c/AbCd1234/12-offertes');
  });

  it("refuses a row whose URL is on another platform's host or whose taskId would make another key", async () => {
    const csv = ['platform,taskId,taskUrl',
      'trello,AbCd1234,https://app.asana.com/0/0/AbCd1234',
      'asana,1201,https://trello.com/c/1201',
      'trello,ab cd,https://trello.com/c/abcd',
      'trello,asana:1201,https://trello.com/c/x',
      ',86abc,https://app.clickup.com/t/86abc',
      'clickup,86abd,https://evil.example/t/86abd'].join('\n');
    const preview = await previewImport(csv, d);
    const lines = Object.fromEntries(preview.problems.map((p) => [p.line, p.reasons.join(' | ')]));
    expect(Object.keys(lines).map(Number)).toEqual([2, 3, 4, 5, 7]);
    expect(lines[2]).toMatch(/taskUrl: .*app\.asana\.com.*trello\.com/);
    expect(lines[3]).toMatch(/taskUrl: .*trello\.com.*app\.asana\.com/);
    expect(lines[4]).toMatch(/taskId: "ab cd" .*space/);
    expect(lines[5]).toMatch(/taskId: "asana:1201" .*colon/);
    expect(lines[7]).toMatch(/taskUrl: .*evil\.example.*app\.clickup\.com/);
    expect(preview.rows.map((r) => r.key)).toEqual(['clickup:86abc']);
  });

  it('lets the page handle events while it reads a large file', async () => {
    // A database that answers at once (microtasks only), so any turn the timer gets comes from the preview.
    const instant = {
      vas: { toArray: async () => [] },
      tasks: { bulkGet: async (keys: string[]) => keys.map(() => undefined) },
      ratings: { bulkGet: async (keys: string[]) => keys.map(() => undefined) },
    } as unknown as ScorecardDb;
    const rows = Array.from({ length: 20_000 }, (_, i) => `trello,t${i},Taak ${i},https://trello.com/c/t${i},4`);
    let timerRan = false;
    setTimeout(() => { timerRan = true; }, 0);
    const preview = await previewImport(['platform,taskId,taskTitle,taskUrl,quality', ...rows].join('\n'), instant);
    const ranBeforeDone = timerRan;
    expect(preview.rows).toHaveLength(20_000);
    expect(ranBeforeDone).toBe(true);
  });

  it('writes nothing when a write fails half-way', async () => {
    const preview = await previewImport('platform,taskId,taskUrl,vaName\ntrello,a,https://trello.com/c/a,Femke\n', d);
    vi.spyOn(d.ratings, 'bulkPut').mockRejectedValueOnce(new Error('quota'));
    await expect(commitImport(preview.rows, d)).rejects.toThrow('quota');
    expect(await d.vas.count()).toBe(0);
    expect(await d.tasks.count()).toBe(0);
  });
});
