// The impact log's sentence per metric: its change against the month before, in words.
import type { MetricChange } from '../kpi/impact';
import { previousMonth } from '../kpi/impact';
import type { Translate } from './i18n';

const monthName = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`));

/** "Quotes sent: 4 more than in October 2026"; the unit follows the number when there is one. */
export function impactSentence(c: MetricChange, { t, locale }: { t: Translate; locale: string }): string {
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const amount = (n: number) => (c.unit ? `${num.format(n)} ${c.unit}` : num.format(n));
  const before = monthName(previousMonth(c.month), locale);
  if (c.value === null) return t('impact_missing', [c.metric, monthName(c.month, locale), amount(c.previousValue!), before]);
  if (c.change === null) return t('impact_first', [c.metric, amount(c.value), before]);
  if (c.change === 0) return t('impact_same', [c.metric, before]);
  return t(c.change > 0 ? 'impact_more' : 'impact_fewer', [c.metric, amount(Math.abs(c.change)), before]);
}
