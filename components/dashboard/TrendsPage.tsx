import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { listVas } from '@/lib/db';
import { loadTrend } from '@/lib/db/trends';
import { TREND_KPIS, type Trend, type TrendKpi } from '@/lib/kpi/trends';
import { displayKpi, kpiLabel } from '@/lib/text/format';
import { t, uiLanguage } from '@/lib/text/i18n';
import type { Va } from '@/lib/model';
import type { SectionProps } from './section';
import { monthLabel } from './ReviewPage';

/** The chart library, asked for when the section first renders, so it loads while the data is read. */
let chartModule: Promise<typeof import('./trend-chart')> | undefined;
const loadCharts = () => (chartModule ??= import('./trend-chart'));

const shortMonth = (month: string) =>
  new Intl.DateTimeFormat(uiLanguage(), { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`));

/** The VAs, then the chosen VA's months, in one chain started right after the first render. */
function useTrend(vaId: string | null) {
  const [state, setState] = useState<{ vas?: Va[]; va?: Va; trend?: Trend; error?: string }>({});
  useLayoutEffect(() => {
    let live = true;
    void loadCharts();
    (async () => {
      const vas = await listVas();
      const va = vas.find((v) => v.id === vaId) ?? vas[0];
      const trend = va ? await loadTrend(va) : undefined;
      if (live) setState({ vas, va, trend });
    })().catch((e: unknown) => { if (live) setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })); });
    return () => { live = false; };
  }, [vaId]);
  return state;
}

/** A VA's last twelve months as charts, each with its target, and the same numbers as a table. */
export function TrendsPage({ params }: SectionProps) {
  const [chosen, setChosen] = useState<string | null>(params.get('va'));
  const { vas, va, trend, error } = useTrend(chosen);

  return (
    <section class="stack" aria-labelledby="trends-heading">
      <h2 id="trends-heading">{t('trends_heading')}</h2>
      <p class="muted">{t('trends_intro')}</p>
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
      {vas?.length === 0 && <p class="empty">{t('review_noVas')}</p>}
      {va && (
        <label>{t('review_va')}
          <select name="va" value={va.id} onChange={(e) => setChosen(e.currentTarget.value)}>
            {vas!.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
          </select>
        </label>
      )}
      {va && trend && <TrendView va={va} trend={trend} />}
    </section>
  );
}

function TrendView({ va, trend }: { va: Va; trend: Trend }) {
  const shown = (kpi: TrendKpi, v: number | null) => (v === null ? t('review_noData') : displayKpi(kpi, v, { currency: va.currency }));
  return (
    <>
      <div class="trend-grid" data-testid="trend-charts">
        {TREND_KPIS.map((kpi) => <TrendChart key={`${va.id}-${kpi}`} kpi={kpi} trend={trend} currency={va.currency} />)}
      </div>
      <div class="table-scroll">
        <table data-testid="trend-table">
          <caption>{t('trends_tableCaption', va.name)}</caption>
          <thead>
            <tr><th scope="col">{t('review_month')}</th>{TREND_KPIS.map((k) => <th key={k} scope="col">{kpiLabel(k)}</th>)}</tr>
          </thead>
          <tbody>
            {trend.months.map((m, i) => (
              <tr key={m} data-month={m}>
                <th scope="row">{monthLabel(m)}</th>
                {TREND_KPIS.map((k) => <td key={k} data-kpi={k}>{shown(k, trend.series[k][i]!)}</td>)}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('review_colTarget')}</th>
              {TREND_KPIS.map((k) => {
                const target = trend.targets[k];
                return <td key={k}>{target ? `${target.op === '>=' ? '≥' : '≤'} ${displayKpi(k, target.value, { currency: va.currency })}` : '—'}</td>;
              })}
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Rates are drawn as percentages, as they are shown everywhere else. */
const scaleOf = (kpi: TrendKpi) => (kpi === 'onTimeRate' ? 100 : 1);

function TrendChart({ kpi, trend, currency }: { kpi: TrendKpi; trend: Trend; currency: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let live = true;
    const scale = scaleOf(kpi);
    loadCharts().then(({ drawChart }) => {
      if (!live || !host.current) return;
      const target = trend.targets[kpi];
      chart = drawChart(host.current, {
        labels: trend.months.map(shortMonth),
        values: trend.series[kpi].map((v) => (v === null ? null : v * scale)),
        target: target ? target.value * scale : null,
        label: kpiLabel(kpi), targetLabel: t('review_colTarget'),
        format: (v) => displayKpi(kpi, v / scale, { currency }),
      });
    }, (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => { live = false; chart?.destroy(); };
  }, [trend, kpi]);
  const target = trend.targets[kpi];
  return (
    <figure class="card trend" data-kpi={kpi}>
      <figcaption>
        <strong>{kpiLabel(kpi)}</strong>{' '}
        {target && <span class="muted">{t('trends_target', `${target.op === '>=' ? '≥' : '≤'} ${displayKpi(kpi, target.value, { currency })}`)}</span>}
      </figcaption>
      {/* The table below holds the same numbers for screen readers. */}
      <div ref={host} aria-hidden="true" />
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
    </figure>
  );
}
