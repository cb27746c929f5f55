import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { backupBlob, createBackup, parseBackup, type Backup, type BackupProblem } from '@/lib/files/backup';
import { resolveDelimiter } from '@/lib/files/csv';
import { db, listQuarantined, listVas, TABLE_NAMES, type QuarantinedRecord, type TableName } from '@/lib/db';
import { deleteAllData, deleteQuarantined, restoreBackup, type RestoreMode, type RestoreReport } from '@/lib/db/restore';
import { datedFilename, downloadBlob } from '@/lib/files/download';
import { exportRatingsCsvOffThread } from '@/lib/files/export-off-thread';
import { t, type MessageKey } from '@/lib/text/i18n';
import { commitImport } from '@/lib/db/import';
import { previewImport, type ImportPreview } from '@/lib/files/import';
import { customRange, startOfLocalDay } from '@/lib/kpi/periods';
import type { Settings } from '@/lib/model';
import { PLATFORM_REGISTRY } from '@/lib/platforms/registry';
import { getSettings, saveSettings } from '@/lib/storage/settings';
import { useAsync } from '../useAsync';

/** Lists past this length are cut: a screen of problems is enough to fix a file. */
const MAX_LISTED = 200;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A card's one action: busy while it runs, its result line, and its failure as an error. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<void>, failure: MessageKey = 'errorGeneric') {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setMessage(null);
      setError(t(failure, errorText(err)));
    } finally {
      setBusy(false);
    }
  }
  return { busy, message, error, setMessage, setError, run };
}

/** A delete that asks first: `ask` shows the confirmation, `confirm` deletes and says `done`. */
function useConfirmedDelete(remove: () => Promise<void>, done: MessageKey, after: () => void) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const ask = () => { action.setMessage(null); setConfirming(true); };
  const cancel = () => setConfirming(false);
  async function confirm() {
    setConfirming(false);
    await action.run(async () => {
      await remove();
      action.setMessage(t(done));
      after();
    });
  }
  return { ...action, confirming, ask, cancel, confirm };
}

/** chrome.i18n has no plural rules; "1 rating" and "5 ratings" are two messages. */
const plural = (n: number, one: MessageKey, other: MessageKey, extra: (string | number)[] = []) =>
  t(n === 1 ? one : other, [n, ...extra]);

const TABLE_LABEL: Record<TableName, MessageKey> = {
  vas: 'data_table_vas', tasks: 'data_table_tasks', ratings: 'data_table_ratings', reviews: 'data_table_reviews',
  impact: 'data_table_impact', targets: 'data_table_targets', categories: 'data_table_categories',
};

/** The dashboard's data section: export, backup / restore, CSV import, delete. */
export function DataPage() {
  // Bumped after an import, restore or delete so the export's VA list and counts reload.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <section class="stack" aria-labelledby="data-heading" data-testid="data-page">
      <h2 id="data-heading">{t('data_heading')}</h2>
      <QuarantineCard version={version} onChanged={changed} />
      <ExportCard version={version} />
      <BackupCard />
      <RestoreCard onChanged={changed} />
      <ImportCard onChanged={changed} />
      <DeleteCard onChanged={changed} />
    </section>
  );
}

function Card({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <div class="card stack" role="group" aria-labelledby={id} data-testid={id.replace(/-heading$/, '')}>
      <h3 id={id}>{title}</h3>
      {children}
    </div>
  );
}

/** A polite status line for screen readers; errors are alerts. */
function Status({ error, message }: { error?: string | null; message?: string | null }) {
  return (
    <>
      {error && <p class="error" role="alert">{error}</p>}
      <p role="status" aria-live="polite" class="muted">{message ?? ''}</p>
    </>
  );
}

/** Confirms a destructive step in place; focus moves to it so the keyboard user lands there. */
function Confirm({ text, confirmLabel, onConfirm, onCancel }: { text: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  const textId = useId();
  // Cancel gets the focus: Enter on a freshly shown question must not destroy data.
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="card stack" role="alertdialog" aria-label={confirmLabel} aria-describedby={textId} style={{ background: 'var(--soft)' }}>
      <p id={textId}>{text}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onConfirm}>{confirmLabel}</button>
        <button type="button" ref={ref} onClick={onCancel}>{t('data_cancel')}</button>
      </div>
    </div>
  );
}

/** What an upgrade set aside (lib/db/quarantine.ts): said first, so the owner sees it after an update. */
function QuarantineCard({ version, onChanged }: { version: number; onChanged: () => void }) {
  const { data, reload } = useAsync(() => listQuarantined(), [version]);
  const { busy, message, error, run, confirming, ask, cancel, confirm } = useConfirmedDelete(
    deleteQuarantined, 'data_quarantineDeleted', () => { reload(); onChanged(); },
  );
  const records = data ?? [];
  // Stays up after a delete only to say it is done.
  if (records.length === 0 && !message) return null;

  const download = () => run(async () => {
    downloadBlob(new Blob([JSON.stringify(records, null, 2)], { type: 'application/json' }), datedFilename('va-scorecard-set-aside', 'json'));
  });
  return (
    <Card id="data-quarantine-heading" title={t('data_quarantineHeading')}>
      {records.length > 0 && (
        <>
          <p role="alert"><strong>{plural(records.length, 'data_quarantineNoticeOne', 'data_quarantineNotice')}</strong></p>
          <p class="muted">{t('data_quarantineHelp')}</p>
          <ul data-testid="data-quarantine-list">
            {records.slice(0, MAX_LISTED).map((q) => (
              <li key={q.id}>{tableLabel(q)} <code>{q.key}</code>: {q.reason}</li>
            ))}
          </ul>
          <MoreLine total={records.length} />
          {confirming
            ? <Confirm text={t('data_quarantineDeleteConfirm', records.length)} confirmLabel={t('data_quarantineDelete')} onConfirm={confirm} onCancel={cancel} />
            : (
              <div class="row">
                <button type="button" class="primary" disabled={busy} onClick={download}>{t('data_quarantineDownload')}</button>
                <button type="button" disabled={busy} onClick={ask}>{t('data_quarantineDelete')}</button>
              </div>
            )}
        </>
      )}
      <Status error={error} message={message} />
    </Card>
  );
}

/** A set-aside record's table, named as the restore report names it; a table we no longer have by its name. */
const tableLabel = (q: QuarantinedRecord) => (q.table in TABLE_LABEL ? t(TABLE_LABEL[q.table as TableName]) : q.table);

function ExportCard({ version }: { version: number }) {
  const { data } = useAsync(async () => {
    const [vas, settings, count] = await Promise.all([listVas(db, { includeArchived: true }), getSettings(), db.ratings.count()]);
    return { vas, settings, count };
  }, [version]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [vaId, setVaId] = useState('');
  const [delimiter, setDelimiter] = useState<Settings['csvDelimiter'] | null>(null);
  const { busy, message, error, setMessage, setError, run } = useAction();
  const chosen = delimiter ?? data?.settings.csvDelimiter ?? 'auto';

  async function changeDelimiter(value: Settings['csvDelimiter']) {
    setDelimiter(value);
    await saveSettings({ csvDelimiter: value }).catch((e: unknown) => setError(t('errorGeneric', errorText(e))));
  }

  async function exportCsv(e: Event) {
    e.preventDefault();
    if (from && to && to < from) { setError(t('data_errPeriod')); return; }
    setMessage(t('data_exporting', 0));
    // Each new count repaints the page (~6 ms of style, layout and paint): per page of 1,000
    // rows that was a third of the export's main-thread time. A few counts a second still move.
    let shownAt = -Infinity;
    const progress = (n: number) => {
      const now = performance.now();
      if (now - shownAt < 250) return;
      shownAt = now;
      setMessage(t('data_exporting', n));
    };
    await run(async () => {
      // Whole local days, as the date inputs mean them.
      const { blob, rows } = await exportRatingsCsvOffThread({
        startIso: from ? startOfLocalDay(from).toISOString() : null,
        endIso: to ? customRange(to, to).end.toISOString() : null,
        vaId: vaId || null,
      }, { delimiter: resolveDelimiter(chosen), onProgress: progress });
      if (rows === 0) {
        setMessage(t('data_exportNone'));
      } else {
        downloadBlob(blob, datedFilename('va-scorecard-ratings', 'csv'));
        setMessage(plural(rows, 'data_exportDoneOne', 'data_exportDone'));
      }
    });
  }

  return (
    <Card id="data-export-heading" title={t('data_exportHeading')}>
      <p class="muted">{t('data_exportHelp')}</p>
      {data?.count === 0 && <p class="empty" data-testid="data-export-empty">{t('data_exportEmpty')}</p>}
      <form class="row" onSubmit={exportCsv}>
        <label>{t('data_from')}<input type="date" name="from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} /></label>
        <label>{t('data_to')}<input type="date" name="to" value={to} onInput={(e) => setTo(e.currentTarget.value)} /></label>
        <label>{t('data_va')}
          <select name="exportVa" value={vaId} onChange={(e) => setVaId(e.currentTarget.value)}>
            <option value="">{t('data_allVas')}</option>
            {data?.vas.map((va) => <option key={va.id} value={va.id}>{va.name}</option>)}
          </select>
        </label>
        <label>{t('data_delimiter')}
          <select name="delimiter" value={chosen} onChange={(e) => changeDelimiter(e.currentTarget.value as Settings['csvDelimiter'])}>
            <option value="auto">{t('data_delimiterAuto', resolveDelimiter('auto') === ';' ? t('data_semicolon') : t('data_comma'))}</option>
            <option value=",">{t('data_comma')}</option>
            <option value=";">{t('data_semicolonExcel')}</option>
          </select>
        </label>
        <button type="submit" class="primary" disabled={busy}>{t('data_exportButton')}</button>
      </form>
      <Status error={error} message={message} />
    </Card>
  );
}

function BackupCard() {
  const { busy, message, error, setMessage, run } = useAction();

  const download = () => run(async () => {
    const backup = await createBackup();
    downloadBlob(backupBlob(backup), datedFilename('va-scorecard-backup', 'json'));
    setMessage(t('data_backupDone', [backup.tables.ratings.length, backup.tables.vas.length]));
  });

  return (
    <Card id="data-backup-heading" title={t('data_backupHeading')}>
      <p class="muted">{t('data_backupHelp')}</p>
      <div class="row"><button type="button" class="primary" disabled={busy} onClick={download}>{t('data_backupButton')}</button></div>
      <Status error={error} message={message} />
    </Card>
  );
}

/** "… and 12 more" under a list cut at MAX_LISTED. */
function MoreLine({ total }: { total: number }) {
  const hidden = total - MAX_LISTED;
  return hidden > 0 ? <p class="muted">{t('data_andMore', hidden)}</p> : null;
}

function ProblemList({ problems }: { problems: BackupProblem[] }) {
  return (
    <div role="alert" class="stack">
      <p class="error">{t('data_restoreInvalid', problems.length)}</p>
      <ul data-testid="data-restore-problems">
        {problems.slice(0, MAX_LISTED).map((p, i) => (
          <li key={i}><code>{p.path || t('data_wholeFile')}</code>{p.record && <> ({p.record})</>}: {p.message}</li>
        ))}
      </ul>
      <MoreLine total={problems.length} />
    </div>
  );
}

function RestoreReportTable({ report }: { report: RestoreReport }) {
  return (
    <table data-testid="data-restore-report">
      <caption class="muted">{report.settingsRestored ? t('data_restoreDoneSettings') : t('data_restoreDone')}</caption>
      <thead><tr><th scope="col">{t('data_colData')}</th><th scope="col">{t('data_colRestored')}</th>{report.mode === 'merge' && <th scope="col">{t('data_colKept')}</th>}</tr></thead>
      <tbody>
        {TABLE_NAMES.map((name) => (
          <tr key={name}>
            <th scope="row" style={{ textAlign: 'left' }}>{t(TABLE_LABEL[name])}</th>
            <td>{report.tables[name].written}</td>
            {report.mode === 'merge' && <td>{report.tables[name].kept}</td>}
          </tr>
        ))}
      </tbody>
      {(report.quarantine > 0 || report.standInVas.length > 0 || report.needToken.length > 0) && (
        <tfoot>
          <tr>
            <td colSpan={report.mode === 'merge' ? 3 : 2} style={{ textAlign: 'left' }}>
              {report.quarantine > 0 && <p>{t('data_restoreQuarantine', report.quarantine)}</p>}
              {report.needToken.length > 0 && <p>{t('data_restoreNeedToken', report.needToken.map((p) => t(PLATFORM_REGISTRY[p].nameKey)).join(', '))}</p>}
              {report.standInVas.length > 0 && (
                <div data-testid="data-restore-stand-ins">
                  <p>{t('data_restoreStandIns')}</p>
                  <ul>
                    {report.standInVas.map((va) => (
                      <li key={va.id}>{t(va.ratings === 1 ? 'data_restoreStandInLineOne' : 'data_restoreStandInLine', [va.name, va.ratings])}</li>
                    ))}
                  </ul>
                </div>
              )}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function RestoreCard({ onChanged }: { onChanged: () => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [problems, setProblems] = useState<BackupProblem[] | null>(null);
  const [pending, setPending] = useState<Backup | null>(null);
  const [report, setReport] = useState<RestoreReport | null>(null);
  const { busy, error, setError, run } = useAction();

  async function apply(backup: Backup) {
    setPending(null);
    await run(async () => {
      setReport(await restoreBackup(backup, mode));
      if (fileRef.current) fileRef.current.value = '';
      onChanged();
    }, 'data_restoreFailed');
  }

  async function start(e: Event) {
    e.preventDefault();
    setProblems(null); setReport(null); setError(null);
    const file = fileRef.current?.files?.[0];
    if (!file) { setError(t('data_chooseFile')); return; }
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) { setProblems(parsed.problems); return; }
    if (mode === 'replace') setPending(parsed.backup);
    else await apply(parsed.backup);
  }

  return (
    <Card id="data-restore-heading" title={t('data_restoreHeading')}>
      <p class="muted">{t('data_restoreHelp')}</p>
      <form class="stack" onSubmit={start}>
        <label>{t('data_backupFile')}<input ref={fileRef} type="file" name="backupFile" accept=".json,application/json" /></label>
        <fieldset>
          <legend>{t('data_restoreMode')}</legend>
          <label style={{ flexDirection: 'row', alignItems: 'center' }}>
            <input type="radio" name="restoreMode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            {t('data_modeMerge')}
          </label>
          <label style={{ flexDirection: 'row', alignItems: 'center', marginLeft: '1rem' }}>
            <input type="radio" name="restoreMode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
            {t('data_modeReplace')}
          </label>
        </fieldset>
        <div class="row"><button type="submit" disabled={busy || pending !== null}>{t('data_restoreButton')}</button></div>
      </form>
      {pending && (
        <Confirm
          text={t('data_replaceConfirm', [pending.exportedAt.slice(0, 10), pending.tables.ratings.length])}
          confirmLabel={t('data_replaceConfirmButton')}
          onConfirm={() => apply(pending)}
          onCancel={() => setPending(null)}
        />
      )}
      {problems && <ProblemList problems={problems} />}
      {report && <RestoreReportTable report={report} />}
      <Status error={error} message={busy ? t('data_working') : null} />
    </Card>
  );
}

function ImportCard({ onChanged }: { onChanged: () => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const { busy, message, error, setMessage, run } = useAction();

  function reset() {
    setPreview(null);
    if (fileRef.current) fileRef.current.value = '';
  }

  async function read() {
    setMessage(null); setPreview(null);
    const file = fileRef.current?.files?.[0];
    // Bytes, not file.text(): that decodes as UTF-8 and turns an Excel (Windows-1252) ë into \uFFFD.
    if (file) await run(async () => setPreview(await previewImport(await file.arrayBuffer())));
  }

  async function confirm() {
    if (!preview) return;
    await run(async () => {
      const result = await commitImport(preview.rows);
      reset();
      onChanged();
      setMessage(plural(result.imported, 'data_importDoneOne', 'data_importDone', [result.createdVas]));
    }, 'data_importFailed');
  }

  const valid = preview?.rows.length ?? 0;
  return (
    <Card id="data-import-heading" title={t('data_importHeading')}>
      <p class="muted">{t('data_importHelp')}</p>
      <label>{t('data_importFile')}<input ref={fileRef} type="file" name="importFile" accept=".csv,text/csv" onChange={read} /></label>
      {preview && (
        <div class="stack" data-testid="data-import-preview">
          {preview.encoding === 'windows-1252' && <p data-testid="data-import-encoding">{t('data_importWindows1252')}</p>}
          {preview.fileProblems.length > 0 ? (
            <div role="alert">
              <p class="error">{t('data_importFileInvalid')}</p>
              <ul>{preview.fileProblems.map((p) => <li key={p}>{p}</li>)}</ul>
            </div>
          ) : (
            <>
              <p><strong>{plural(valid, 'data_importReadyOne', 'data_importReady')}</strong>{preview.replacing > 0 && <> {t('data_importReplacing', preview.replacing)}</>}</p>
              {preview.newVaNames.length > 0 && <p>{t('data_importNewVas', preview.newVaNames.join(', '))}</p>}
              {preview.ignoredColumns.length > 0 && <p class="muted">{t('data_importIgnored', preview.ignoredColumns.join(', '))}</p>}
              {preview.problems.length > 0 && (
                <table data-testid="data-import-problems">
                  <caption style={{ textAlign: 'left' }} class="error">{t('data_importSkipped', preview.problems.length)}</caption>
                  <thead><tr><th scope="col">{t('data_colLine')}</th><th scope="col" style={{ textAlign: 'left' }}>{t('data_colProblem')}</th></tr></thead>
                  <tbody>
                    {preview.problems.slice(0, MAX_LISTED).map((p) => (
                      <tr key={p.line}><td>{p.lastLine ? `${p.line}–${p.lastLine}` : p.line}</td><td>{p.reasons.join('; ')}</td></tr>
                    ))}
                  </tbody>
                </table>
              )}
              <MoreLine total={preview.problems.length} />
            </>
          )}
          <div class="row">
            {valid > 0 && <button type="button" class="primary" disabled={busy} onClick={confirm}>{plural(valid, 'data_importButtonOne', 'data_importButton')}</button>}
            <button type="button" onClick={reset}>{t('data_cancel')}</button>
          </div>
        </div>
      )}
      <Status error={error} message={message ?? (busy ? t('data_working') : null)} />
    </Card>
  );
}

function DeleteCard({ onChanged }: { onChanged: () => void }) {
  const { message, error, confirming, ask, cancel, confirm } = useConfirmedDelete(deleteAllData, 'data_deleteDone', onChanged);

  return (
    <Card id="data-delete-heading" title={t('data_deleteHeading')}>
      <p class="muted">{t('data_deleteHelp')}</p>
      {confirming
        ? <Confirm text={t('data_deleteConfirm')} confirmLabel={t('data_deleteConfirmButton')} onConfirm={confirm} onCancel={cancel} />
        : <div class="row"><button type="button" onClick={ask}>{t('data_deleteButton')}</button></div>}
      <Status error={error} message={message} />
    </Card>
  );
}
