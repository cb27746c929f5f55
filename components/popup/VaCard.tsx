import { HIGHER_IS_BETTER, deltaAsShown, displayDelta, displayKpi, kpiLabel } from '@/lib/text/format';
import { t, type MessageKey } from '@/lib/text/i18n';
import type { KpiName } from '@/lib/model';
import type { Summary } from '@/lib/db/summary';

/** The headline KPI of each of the five areas (impact shows hours freed and their cost). */
const HEADLINES: { area: MessageKey; kpi: KpiName }[] = [
  { area: 'area_output', kpi: 'onTimeRate' },
  { area: 'area_output', kpi: 'qualityAvg' },
  { area: 'area_efficiency', kpi: 'estimateRatio' },
  { area: 'area_proactivity', kpi: 'proactiveCount' },
  { area: 'area_communication', kpi: 'remindersPerTask' },
  { area: 'area_impact', kpi: 'hoursFreed' },
  { area: 'area_impact', kpi: 'cost' },
];

type Card = Summary['cards'][number];


export function VaCard({ card }: { card: Card }) {
  const { va, kpis, delta, targets, overrunCount } = card;
  const overruns = card.overruns ?? []; // below the first screen they arrive with the comparison
  return (
    <article class="card stack va-card" data-testid="va-kpis" aria-labelledby={`va-${va.id}`}>
      <header class="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h2 id={`va-${va.id}`} class="va-name" style={{ margin: 0 }}>{va.name}</h2>
        <span class="muted">{t('tasksDoneCount', kpis.tasksDone ?? 0)}</span>
      </header>
      <dl class="kpi-grid">
        {HEADLINES.map(({ area, kpi }) => {
          const check = targets[kpi];
          const change = delta?.[kpi] ?? null;
          const better = HIGHER_IS_BETTER[kpi];
          const shown = change === null ? 0 : deltaAsShown(kpi, change);
          const tone = shown === 0 || better === null ? '' : (shown > 0) === better ? 'good' : 'bad';
          return (
            <div key={kpi} class="kpi" data-kpi={kpi}>
              <dt><span class="muted">{t(area)}</span> {kpiLabel(kpi)}</dt>
              <dd>
                <span class="kpi-value">{displayKpi(kpi, kpis[kpi], { currency: va.currency })}</span>
                {check && check.status !== 'noData' && (
                  <span class={`mark ${check.status}`} data-target={check.status}>
                    {check.status === 'met' ? '✓' : '✗'}<span class="visually-hidden"> {t(check.status === 'met' ? 'targetMet' : 'targetNotMet')}</span>
                  </span>
                )}
                {change !== null && (
                  <span class={`delta ${tone}`} title={t('vsPrevious', displayDelta(kpi, change))}>
                    {displayDelta(kpi, change)}<span class="visually-hidden"> {t('vsPrevious', '')}</span>
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {overruns.length > 0 && (
        <section>
          <h3>{t('overrunsHeading')}</h3>
          <ul class="overruns">
            {overruns.map((o) => (
              <li key={o.key}>
                {o.url ? <a href={o.url} target="_blank" rel="noreferrer">{o.title}</a> : o.title}{' '}
                <span class="muted">{t('overrunRatio', o.ratio.toFixed(1))}</span>
              </li>
            ))}
            {overrunCount > overruns.length && <li class="muted">{t('overrunsMore', overrunCount - overruns.length)}</li>}
          </ul>
        </section>
      )}
    </article>
  );
}
