import { useState } from 'preact/hooks';
import { resolveDelimiter } from '@/lib/files/csv';
import { datedFilename, downloadBlob } from '@/lib/files/download';
import { exportRatingsCsv, kpiSummaryCsv } from '@/lib/files/export';
import { t } from '@/lib/text/i18n';
import { CSV_MIME } from '@/lib/files/csv';
import type { Summary } from '@/lib/db/summary';

export function ExportButtons({ summary }: { summary: Summary }) {
  const [error, setError] = useState<string | null>(null);
  const delimiter = resolveDelimiter(summary.settings.csvDelimiter);
  const start = summary.period.start.toISOString();
  const end = summary.period.end.toISOString();

  const run = (job: () => Promise<void>) => () => job().then(() => setError(null), (e: unknown) => setError(String(e)));
  const ratings = run(async () => {
    const { blob } = await exportRatingsCsv({ startIso: start, endIso: end }, { delimiter });
    downloadBlob(blob, datedFilename('va-scorecard-ratings', 'csv'));
  });
  const kpis = run(async () => {
    const rows = summary.cards.map((c) => ({ vaName: c.va.name, periodStart: start, periodEnd: end, kpis: c.kpis }));
    downloadBlob(new Blob([kpiSummaryCsv(rows, { delimiter })], { type: CSV_MIME }), datedFilename('va-scorecard-kpis', 'csv'));
  });

  return (
    <div class="row">
      <button type="button" onClick={ratings}>{t('exportRatings')}</button>
      <button type="button" onClick={kpis}>{t('exportKpis')}</button>
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
    </div>
  );
}
