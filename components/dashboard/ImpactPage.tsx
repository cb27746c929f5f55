import { useState } from 'preact/hooks';
import { impactEntriesAround, impactMetrics, saveImpactEntry, vaImpact } from '@/lib/db/impact';
import { impactChanges } from '@/lib/kpi/impact';
import { lastMonth, lastMonths, monthKey } from '@/lib/kpi/periods';
import { displayKpi, kpiLabel } from '@/lib/text/format';
import { impactSentence } from '@/lib/text/impact';
import { t, uiLanguage } from '@/lib/text/i18n';
import type { SectionProps } from './section';
import { monthLabel } from './ReviewPage';
import { useAsync } from '../useAsync';

const FREED = ['hoursFreed', 'cost', 'valueFreed'] as const;

/** The owner's own monthly metrics with their change, next to what the VAs freed that month. */
export function ImpactPage({ params }: SectionProps) {
  const [month, setMonth] = useState(params.get('period') ?? monthKey(lastMonth().start));
  const months = lastMonths(13).reverse();
  const { data, error, reload } = useAsync(async () => {
    const [entries, metrics, vas] = await Promise.all([impactEntriesAround(month), impactMetrics(), vaImpact(month)]);
    return { changes: impactChanges(entries, month), metrics, vas };
  }, [month]);
  const locale = uiLanguage();

  return (
    <section class="stack" aria-labelledby="impact-heading">
      <h2 id="impact-heading">{t('impact_heading')}</h2>
      <p class="muted">{t('impact_intro')}</p>
      <label>{t('impact_month')}
        <select name="month" value={month} onChange={(e) => setMonth(e.currentTarget.value)}>
          {months.map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
        </select>
      </label>
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
      {data && (
        <>
          {data.changes.length === 0 && <p class="muted">{t('impact_empty')}</p>}
          <ul class="stack" data-testid="impact-changes">
            {data.changes.map((c) => <li key={c.metric}>{impactSentence(c, { t, locale })}</li>)}
          </ul>
          <ImpactForm month={month} metrics={data.metrics} onSaved={reload} />
          <section class="card stack" aria-labelledby="impact-vas-heading">
            <h3 id="impact-vas-heading">{t('impact_vasHeading')}</h3>
            <div class="table-scroll">
              <table data-testid="impact-vas">
                <thead><tr><th scope="col">{t('impact_colVa')}</th>{FREED.map((k) => <th key={k} scope="col">{kpiLabel(k)}</th>)}</tr></thead>
                <tbody>
                  {data.vas.map((card) => (
                    <tr key={card.va.id}>
                      <th scope="row">{card.va.name}</th>
                      {FREED.map((k) => <td key={k}>{displayKpi(k, card.kpis[k], { currency: card.va.currency })}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </section>
  );
}

function ImpactForm({ month, metrics, onSaved }: { month: string; metrics: string[]; onSaved: () => void }) {
  const [metric, setMetric] = useState('');
  const [unit, setUnit] = useState('');
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    try {
      const text = value.trim().replace(',', '.');
      await saveImpactEntry({ metric, unit, month, value: text === '' ? Number.NaN : Number(text) });
      setMetric(''); setUnit(''); setValue('');
      setMessage({ ok: true, text: t('impact_saved') });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  }
  return (
    <form class="card stack" onSubmit={submit} aria-labelledby="impact-add-heading">
      <h3 id="impact-add-heading">{t('impact_addHeading')}</h3>
      <div class="row">
        <label>{t('impact_metric')}
          <input name="metric" list="impact-metrics" maxLength={120} value={metric} onInput={(e) => setMetric(e.currentTarget.value)} />
        </label>
        <datalist id="impact-metrics">{metrics.map((m) => <option key={m} value={m} />)}</datalist>
        <label>{t('impact_unit')}<input name="unit" size={8} maxLength={40} value={unit} onInput={(e) => setUnit(e.currentTarget.value)} /></label>
        <label>{t('impact_value')}<input name="value" inputMode="decimal" size={8} value={value} onInput={(e) => setValue(e.currentTarget.value)} /></label>
        <button type="submit" class="primary">{t('impact_save')}</button>
      </div>
      {message && <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'muted' : 'error'}>{message.text}</p>}
    </form>
  );
}
