// A VA's monthly scorecard as Markdown (the command line's `report --format md`): the five areas'
// KPIs this month and the month before, the change, each target met or not, and the overruns.
// Pure, like review-markdown.ts: the caller passes the popup's card, the translator and the locale.
import type { KpiName } from '../model/constants';
import type { SummaryCard } from '../db/summary';
import type { Period } from '../kpi/periods';
import { displayDelta, displayKpi, kpiLabel } from '../text/format';
import type { MessageKey, Translate } from '../text/i18n';

/** The KPIs of each of the design's five areas, in the design's order. */
export const KPI_AREAS: readonly { area: MessageKey; kpis: readonly KpiName[] }[] = [
  { area: 'area_output', kpis: ['tasksDone', 'onTimeRate', 'errorFreeRate', 'briefingRate', 'qualityAvg'] },
  { area: 'area_efficiency', kpis: ['estimateRatio', 'medianTaskRatio', 'withinEstimateRate', 'overruns', 'hoursLogged'] },
  { area: 'area_proactivity', kpis: ['proactiveCount'] },
  { area: 'area_communication', kpis: ['remindersPerTask', 'noReminderRate', 'delaysFlaggedRate'] },
  { area: 'area_impact', kpis: ['hoursFreed', 'cost', 'valueFreed'] },
];

export interface ScorecardMarkdownOptions {
  t: Translate;
  locale: string;
  timeZone: string;
  period: Period;
  previousPeriod: Period;
}

/** Text from the board or the owner cannot become a heading, a link or HTML. */
const inline = (text: string) => text.replace(/[\\`*_[\]{}<>|#~!]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ').trim();
const link = (title: string, url: string | null) => (url ? `[${inline(title)}](<${url.replace(/[<> ]/g, encodeURIComponent)}>)` : inline(title));

export function scorecardMarkdown(card: SummaryCard, { t, locale, timeZone, period, previousPeriod }: ScorecardMarkdownOptions): string {
  const month = (p: Period) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone }).format(p.start);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const lastDay = new Date(period.end.getTime() - 1);
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const kpi = (k: KpiName, v: number | null | undefined) => displayKpi(k, v ?? null, { currency: card.va.currency, locale });
  const out = [
    `# ${t('cli_mdTitle', [inline(card.va.name), month(period)])}`, '',
    t('cli_mdPeriod', [day.format(period.start), day.format(lastDay), timeZone, month(previousPeriod)]),
  ];
  const checks = Object.values(card.targets);
  const met = checks.filter((c) => c?.status === 'met').length;
  const notMet = checks.filter((c) => c?.status === 'notMet').length;
  if (checks.length) out.push('', t('cli_mdTargets', [met, notMet]));
  for (const { area, kpis } of KPI_AREAS) {
    out.push('', `## ${t(area)}`, '',
      `| ${t('review_colKpi')} | ${t('cli_colThisPeriod')} | ${t('cli_colPrevious')} | ${t('cli_colChange')} | ${t('review_colTarget')} | ${t('review_colStatus')} |`,
      '|---|---|---|---|---|---|');
    for (const name of kpis) {
      const check = card.targets[name];
      const target = check ? `${check.target.op === '>=' ? '≥' : '≤'} ${kpi(name, check.target.value)}` : '—';
      const status = !check ? '' : check.status === 'met' ? t('targetMet') : check.status === 'notMet' ? t('targetNotMet') : t('review_noData');
      const change = displayDelta(name, card.delta?.[name] ?? null, locale) || '—';
      out.push(`| ${kpiLabel(name, t)} | ${kpi(name, card.kpis[name])} | ${kpi(name, card.previous?.[name])} | ${change} | ${target} | ${status} |`);
    }
  }
  out.push('', `## ${t('cli_mdOverruns')}`, '');
  const overruns = card.overruns ?? [];
  for (const o of overruns) out.push(`- ${link(o.title, o.url)} — ${num.format(o.ratio)}×`);
  if (overruns.length === 0) out.push(t('cli_mdNone'));
  if (card.overrunCount > overruns.length) out.push('', t('cli_mdOverrunsMore', card.overrunCount - overruns.length));
  out.push('');
  return out.join('\n');
}
