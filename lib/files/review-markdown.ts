// A review as Markdown, to share with the VA after the check-in, in the UI's language: the KPIs
// against their targets, the agenda (went well, could be better, still open) and every answer.
// Pure: the caller passes the data, the translator and the locale. Text from the board or the
// owner is escaped, so a task title cannot turn into a heading, a link or HTML.
import { KPI_NAMES, type KpiName } from '../model/constants';
import type { Review } from '../model';
import type { ReviewData } from '../db/review-page';
import { displayKpi, kpiLabel } from '../text/format';
import type { MessageKey, Translate } from '../text/i18n';

export type ReviewDocument = Pick<ReviewData, 'va' | 'period' | 'card' | 'agenda' | 'goingWell' | 'open' | 'tasks' | 'customCategories'>;

export interface MarkdownOptions {
  t: Translate;
  /** BCP 47 tag for numbers and dates, e.g. `nl`. */
  locale: string;
  timeZone?: string;
}

/** Characters that mean something in Markdown (or HTML inside it), escaped anywhere in a line. */
const inline = (text: string) => text.replace(/[\\`*_[\]{}<>|#~!]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ').trim();

/** Several lines of the owner's own text: each escaped, a list or quote marker at the start too. */
function block(text: string): string {
  return text.trim().split(/\r?\n/)
    .map((line) => inline(line).replace(/^([-+>]|\d+[.)])(\s)/, '\\$1$2'))
    .join('  \n');
}

/** `<…>` destinations allow parentheses; spaces and angle brackets are percent-encoded. */
const link = (title: string, url: string | null) => (url ? `[${inline(title)}](<${url.replace(/[<> ]/g, encodeURIComponent)}>)` : inline(title));

export function categoryName(id: string, doc: Pick<ReviewDocument, 'customCategories'>, t: Translate): string {
  const builtin = ['email', 'social', 'admin', 'creative', 'other'].includes(id);
  return builtin ? t(`category_${id}` as MessageKey) : doc.customCategories.find((c) => c.id === id)?.name ?? id;
}

export function reviewMarkdown(doc: ReviewDocument, review: Review, { t, locale, timeZone }: MarkdownOptions): string {
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  // A day-only due date names a calendar day, the same in every zone.
  const calendarDay = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone }).format(doc.period.start);
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const kpi = (k: KpiName, v: number | null) => displayKpi(k, v, { currency: doc.va.currency, locale });
  const task = (id: string) => doc.tasks.get(id) ?? { title: id, url: null };
  const score = (s: number | null) => (s === null ? '—' : t('review_scoreOf5', s));
  const answer = (text: string) => (text.trim() ? block(text) : '—');
  const out: string[] = [`# ${t('review_mdTitle', [inline(doc.va.name), month])}`, ''];

  out.push(`## ${t('review_kpisHeading')}`, '', `| ${t('review_colKpi')} | ${t('review_colValue')} | ${t('review_colTarget')} | ${t('review_colStatus')} |`, '|---|---|---|---|');
  for (const name of KPI_NAMES) {
    const check = doc.card.targets[name];
    const target = check ? `${check.target.op === '>=' ? '≥' : '≤'} ${kpi(name, check.target.value)}` : '—';
    const status = !check ? '' : check.status === 'met' ? t('targetMet') : check.status === 'notMet' ? t('targetNotMet') : t('review_noData');
    out.push(`| ${kpiLabel(name, t)} | ${kpi(name, doc.card.kpis[name])} | ${target} | ${status} |`);
  }

  out.push('', `## ${t('review_wentWellHeading')}`, '');
  for (const item of doc.agenda.wentWell) out.push(`- ${link(task(item.rating.id).title, task(item.rating.id).url)} — ${t('review_quality', item.rating.quality ?? '—')}`);
  for (const c of doc.goingWell) out.push(`- ${t('review_categoryGoesWell', [inline(categoryName(c.category, doc, t)), num.format(c.qualityAvg), c.tasksDone])}`);
  if (doc.agenda.wentWell.length === 0 && doc.goingWell.length === 0) out.push(`- ${t('review_nothingListed')}`);

  out.push('', `## ${t('review_couldBeBetterHeading')}`, '');
  for (const item of doc.agenda.couldBeBetter) {
    const reasons = item.reasons.map((r) => (r === 'overrun' ? t('review_reasonOverrun', num.format(item.ratio!))
      : r === 'late' ? t('review_reasonLate', num.format(item.hoursLate!)) : t('review_reasonError')));
    out.push(`- ${link(task(item.rating.id).title, task(item.rating.id).url)} — ${reasons.join('; ')}`);
  }
  if (doc.agenda.couldBeBetter.length === 0) out.push(`- ${t('review_nothingListed')}`);

  out.push('', `## ${t('review_openHeading')}`, '');
  const open = doc.open ?? [];
  for (const o of open) {
    const due = o.rating.dueAt === null ? t('review_noDue')
      : t(o.overdue ? 'review_dueOverdue' : 'review_due', o.rating.dueAt.length === 10 ? calendarDay.format(new Date(`${o.rating.dueAt}T00:00:00Z`)) : day.format(new Date(o.rating.dueAt)));
    out.push(`- ${link(task(o.rating.id).title, task(o.rating.id).url)} — ${due}; ${t('review_openDays', o.daysOpen)}`);
  }
  if (open.length === 0) out.push(`- ${t('review_nothingListed')}`);

  out.push('', `## ${t('review_questionsHeading')}`);
  for (const q of ['wentWell', 'couldBeBetter', 'kpisMet', 'needFromVa', 'supportForVa'] as const) {
    out.push('', `### ${t(`review_q_${q}`)}`, '', answer(review.answers[q]));
  }
  out.push('', `## ${t('review_experienceHeading')}`, '');
  for (const e of ['involved', 'heard', 'challenged'] as const) out.push(`- ${t(`review_exp_${e}`)}: ${score(review.vaExperience[e])}`);

  out.push('', `## ${t('review_proactivityHeading')}`, '', t('review_proactivityQuestion'), '');
  const yesNo = review.proactivity.answer === null ? '—' : review.proactivity.answer ? t('review_yes') : t('review_no');
  out.push(review.proactivity.what.trim() ? `${yesNo}: ${inline(review.proactivity.what)}` : yesNo);

  out.push('', `## ${t('review_scoresHeading')}`, '');
  out.push(`- ${t('review_communicationScore')}: ${score(review.communicationScore)}`);
  out.push(`- ${t('review_peaceOfMindScore')}: ${score(review.peaceOfMindScore)}`);
  if (review.meetingInputScore !== null) out.push(`- ${t('review_meetingInputScore')}: ${score(review.meetingInputScore)}`);

  out.push('', `## ${t('review_notes')}`, '', answer(review.notes));
  out.push('', `## ${t('review_nextCheckIn')}`, '', review.nextCheckIn ? day.format(new Date(review.nextCheckIn)) : '—', '');
  return out.join('\n');
}
