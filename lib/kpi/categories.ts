// Category templates (DESIGN.md, "Category templates") as data: the counters the panel shows per
// task, and the KPIs built from them. Ids are stored and exported, so they never change; labels
// are i18n message keys for built-ins and the owner's own text for categories they add.
import { BUILTIN_CATEGORIES, type KpiName } from '../model/constants';
import type { Category, Rating } from '../model';
import { computeKpis, type KpiOptions } from './kpis';
import { periodIso, type Period } from './periods';
import { builtinCounters as countersOf, type CounterTemplate, type Label } from './counters';
import { doneWithin } from './tasks';

export type { CounterTemplate, Label };

/**
 * How a category KPI is built, always from sums over the tasks done in the period:
 * - `sum`: Σ counter;
 * - `ratio`: Σ numerator ÷ Σ denominator, over tasks that filled in both;
 * - `share`: mean of a 0/1 counter, i.e. the share of tasks where it was yes;
 * - `kpi`: one of the five areas' KPIs over this category's tasks.
 */
export type CategoryKpiFormula =
  | { kind: 'sum'; counter: string }
  | { kind: 'ratio'; numerator: string; denominator: string }
  | { kind: 'share'; counter: string }
  | { kind: 'kpi'; kpi: KpiName };

export interface CategoryKpiTemplate {
  id: string;
  label: Label;
  /** How to show it: a fraction 0–1, a count, a number per item, or hours. */
  unit: 'rate' | 'count' | 'perItem' | 'hours';
  formula: CategoryKpiFormula;
}

export interface CategoryTemplate {
  id: string;
  builtin: boolean;
  label: Label;
  counters: readonly CounterTemplate[];
  kpis: readonly CategoryKpiTemplate[];
}

const kpi = (id: string, unit: CategoryKpiTemplate['unit'], formula: CategoryKpiFormula): CategoryKpiTemplate =>
  ({ id, label: { key: `categoryKpi_${id}` }, unit, formula });

export const BUILTIN_TEMPLATES: readonly CategoryTemplate[] = [
  {
    id: 'email', builtin: true, label: { key: 'category_email' },
    counters: countersOf('email'),
    kpis: [
      kpi('answeredIn24hRate', 'rate', { kind: 'ratio', numerator: 'answeredIn24h', denominator: 'messagesHandled' }),
      kpi('handledCorrectlyRate', 'rate', { kind: 'ratio', numerator: 'handledCorrectly', denominator: 'messagesHandled' }),
      kpi('hoursSaved', 'hours', { kind: 'kpi', kpi: 'hoursFreed' }),
    ],
  },
  {
    id: 'social', builtin: true, label: { key: 'category_social' },
    counters: countersOf('social'),
    kpis: [
      kpi('postsScheduled', 'count', { kind: 'sum', counter: 'postsScheduled' }),
      kpi('engagementPerPost', 'perItem', { kind: 'ratio', numerator: 'engagement', denominator: 'postsScheduled' }),
      kpi('growth', 'count', { kind: 'sum', counter: 'newFollowers' }),
    ],
  },
  {
    id: 'admin', builtin: true, label: { key: 'category_admin' },
    counters: countersOf('admin'),
    kpis: [
      kpi('invoicesErrorFreeRate', 'rate', { kind: 'ratio', numerator: 'invoicesErrorFree', denominator: 'invoicesMade' }),
      kpi('reportsWithoutReminders', 'rate', { kind: 'kpi', kpi: 'noReminderRate' }),
      kpi('toolsUpToDateRate', 'rate', { kind: 'share', counter: 'toolsUpToDate' }),
    ],
  },
  {
    id: 'creative', builtin: true, label: { key: 'category_creative' },
    counters: countersOf('creative'),
    kpis: [
      kpi('usableIdeas', 'count', { kind: 'sum', counter: 'ideasUsable' }),
      kpi('usableIdeaRate', 'rate', { kind: 'ratio', numerator: 'ideasUsable', denominator: 'ideasProposed' }),
      kpi('independentProposals', 'count', { kind: 'sum', counter: 'independentProposals' }),
    ],
  },
  { id: 'other', builtin: true, label: { key: 'category_other' }, counters: countersOf('other'), kpis: [] },
];

/** A category the owner made: each of its counters becomes a KPI, its total in the period. */
export function templateOfCategory(c: Category): CategoryTemplate {
  return {
    id: c.id, builtin: false, label: { text: c.name },
    counters: c.counters.map((k) => ({ id: k.id, label: { text: k.label } })),
    kpis: c.counters.map((k) => ({ id: k.id, label: { text: k.label }, unit: 'count', formula: { kind: 'sum', counter: k.id } })),
  };
}

const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_CATEGORIES);

/**
 * Built-ins first (in the table's order), then the owner's categories by name. A user category
 * reusing a built-in id is left out: stored ratings already mean the built-in by that id.
 */
export function allCategories(custom: readonly Category[] = []): CategoryTemplate[] {
  const own = custom
    .filter((c) => !BUILTIN_IDS.has(c.id))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return [...BUILTIN_TEMPLATES, ...own.map(templateOfCategory)];
}

export function findCategory(id: string, custom: readonly Category[] = []): CategoryTemplate | undefined {
  return allCategories(custom).find((c) => c.id === id);
}

export type CategoryKpis = Record<string, number | null>;

/**
 * The category's own KPIs over the ratings of that category done in `period` (filter to one VA
 * first for a per-VA view). A KPI whose counters were never filled in is null.
 */
export function computeCategoryKpis(
  ratings: Iterable<Rating>, period: Period, template: CategoryTemplate, options: KpiOptions = {},
): CategoryKpis {
  const { start, end } = periodIso(period);
  const done: Rating[] = [];
  for (const r of ratings) if (r.category === template.id && doneWithin(r, start, end) !== null) done.push(r);
  const base = template.kpis.some((k) => k.formula.kind === 'kpi') ? computeKpis(done, period, options) : null;

  const out: CategoryKpis = {};
  for (const k of template.kpis) {
    const f = k.formula;
    switch (f.kind) {
      case 'kpi':
        out[k.id] = base![f.kpi];
        break;
      case 'sum': {
        let filled = 0, sum = 0;
        for (const r of done) { const v = r.counters[f.counter]; if (v !== undefined) { filled++; sum += v; } }
        out[k.id] = filled > 0 ? sum : null;
        break;
      }
      case 'share': {
        let filled = 0, yes = 0;
        for (const r of done) { const v = r.counters[f.counter]; if (v !== undefined) { filled++; if (v > 0) yes++; } }
        out[k.id] = filled > 0 ? yes / filled : null;
        break;
      }
      case 'ratio': {
        let num = 0, den = 0;
        for (const r of done) {
          const n = r.counters[f.numerator];
          const d = r.counters[f.denominator];
          if (n !== undefined && d !== undefined) { num += n; den += d; }
        }
        out[k.id] = den > 0 ? num / den : null;
        break;
      }
    }
  }
  return out;
}
