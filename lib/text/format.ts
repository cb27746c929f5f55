// How each KPI is shown and entered. Rates are stored as fractions and shown as percentages.
import { t, type MessageKey, type Translate } from './i18n';
import type { KpiName } from '../model';

/** A KPI's name as the owner reads it. */
export const kpiLabel = (kpi: KpiName, tr: Translate = t) => tr(`kpi_${kpi}` as MessageKey);

export type KpiUnit = 'count' | 'rate' | 'ratio' | 'score' | 'hours' | 'money' | 'perTask';

export const KPI_UNITS: Record<KpiName, KpiUnit> = {
  tasksDone: 'count', onTimeRate: 'rate', errorFreeRate: 'rate', briefingRate: 'rate', qualityAvg: 'score',
  estimateRatio: 'ratio', medianTaskRatio: 'ratio', withinEstimateRate: 'rate', overruns: 'count', hoursLogged: 'hours',
  proactiveCount: 'count', remindersPerTask: 'perTask', noReminderRate: 'rate', delaysFlaggedRate: 'rate',
  hoursFreed: 'hours', cost: 'money', valueFreed: 'money',
};

/** Whether a higher value is better; decides the colour of a change, not whether it is met. */
export const HIGHER_IS_BETTER: Record<KpiName, boolean | null> = {
  tasksDone: true, onTimeRate: true, errorFreeRate: true, briefingRate: true, qualityAvg: true,
  estimateRatio: false, medianTaskRatio: false, withinEstimateRate: true, overruns: false, hoursLogged: null,
  proactiveCount: true, remindersPerTask: false, noReminderRate: true, delaysFlaggedRate: true,
  hoursFreed: true, cost: null, valueFreed: true,
};

// Building an Intl.NumberFormat costs far more than using one; the popup formats hundreds.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let nf = formatters.get(key);
  if (!nf) formatters.set(key, (nf = new Intl.NumberFormat(locale, options)));
  return nf;
}

export function displayKpi(kpi: KpiName, value: number | null, opts: { currency?: string; locale?: string } = {}): string {
  if (value === null) return '—';
  const nf = (o: Intl.NumberFormatOptions) => numberFormat(opts.locale, o).format(value);
  switch (KPI_UNITS[kpi]) {
    case 'rate': return nf({ style: 'percent', maximumFractionDigits: 0 });
    case 'ratio': return `${nf({ maximumFractionDigits: 2 })}×`;
    case 'score': case 'perTask': return nf({ maximumFractionDigits: 1 });
    case 'hours': return `${nf({ maximumFractionDigits: 1 })} h`;
    case 'money': return nf({ style: 'currency', currency: opts.currency ?? 'EUR', maximumFractionDigits: 0 });
    case 'count': return nf({ maximumFractionDigits: 0 });
  }
}

/** A change in the units it is shown in (rates as percentage points), rounded as shown. */
export function deltaAsShown(kpi: KpiName, delta: number): number {
  const unit = KPI_UNITS[kpi];
  const scale = unit === 'count' ? 1 : 10;
  return Math.round((unit === 'rate' ? delta * 100 : delta) * scale) / scale;
}

/** A change against the previous period, signed; rates as percentage points. */
export function displayDelta(kpi: KpiName, delta: number | null, locale?: string): string {
  if (delta === null) return '';
  const text = numberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(deltaAsShown(kpi, delta));
  return KPI_UNITS[kpi] === 'rate' ? `${text} pp` : text;
}

/** Targets for rates are typed as percentages (90) and stored as fractions (0.9). */
export const targetInputToValue = (kpi: KpiName, input: number) => (KPI_UNITS[kpi] === 'rate' ? input / 100 : input);
export const targetValueToInput = (kpi: KpiName, value: number) => (KPI_UNITS[kpi] === 'rate' ? Math.round(value * 10_000) / 100 : value);
