// `report` and `export`: the popup's summary (lib/db/summary.ts) and the extension's ratings export
// (lib/files/export.ts) run on the data file's records, so the numbers and the bytes are the
// extension's by construction. Output goes to stdout; messages to stderr.
import type { Writable } from 'node:stream';
import { db, listVas } from '../db';
import { loadSummary, withComparison, type Summary } from '../db/summary';
import { resolveDelimiter } from '../files/csv';
import { kpiSummaryCsv, ratingsCsvChunks } from '../files/export';
import { scorecardMarkdown } from '../files/scorecard-markdown';
import { customRange, monthPeriod, startOfLocalDay } from '../kpi/periods';
import { getSettings } from '../storage/settings';
import { t, uiLanguage } from '../text/i18n';
import { required, type Values } from './args';
import { CliError, UsageError } from './errors';

/** Writes and waits while the reader (a pipe to `mail`, a file) catches up: memory stays bounded. */
export async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/**
 * `--tz`: the popup counts in the browser's zone, so the CLI makes the zone its own process's; the
 * same code then draws the same month boundaries. Checked first: an unknown zone is a usage error.
 */
export function applyTimeZone(values: Values, command: 'report' | 'export'): string {
  const zone = typeof values.tz === 'string' ? values.tz : null;
  if (zone !== null) {
    try { new Intl.DateTimeFormat('en', { timeZone: zone }); } catch { throw new UsageError(t('cli_errTimeZone', zone), command); }
    process.env.TZ = zone;
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const FORMATS = ['md', 'csv', 'json'] as const;

/** The popup's summary of a calendar month, with the comparison, for the VAs asked for. */
export async function monthSummary(month: string, vaName: string | null): Promise<Summary> {
  // The popup's "this month", as of the month's first moment; every overrun, not the popup's five.
  const summary = await withComparison(await loadSummary({ kind: 'thisMonth' }, db, monthPeriod(month).start, Infinity, Infinity));
  if (vaName === null) return summary;
  const cards = summary.cards.filter((c) => c.va.name.toLowerCase() === vaName.toLowerCase());
  if (cards.length === 0) throw new CliError(t('cli_errNoVa', [vaName, summary.cards.map((c) => c.va.name).join(', ') || '—']));
  return { ...summary, cards };
}

/** A command checked for usage mistakes, ready to run once the data file is loaded. */
export type Planned = (out: Writable) => Promise<void>;

export function planReport(values: Values): Planned {
  const format = (values.format ?? 'md') as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(t('cli_errFormat', format), 'report');
  const month = required(values, 'month', 'report');
  try { monthPeriod(month); } catch { throw new UsageError(t('cli_errMonth', month), 'report'); }
  const timeZone = applyTimeZone(values, 'report');
  return (out) => report(month, format, timeZone, typeof values.va === 'string' ? values.va : null, out);
}

async function report(month: string, format: string, timeZone: string, va: string | null, out: Writable): Promise<void> {
  const summary = await monthSummary(month, va);
  const start = summary.period.start.toISOString();
  const end = summary.period.end.toISOString();
  if (format === 'csv') {
    // The popup's "Export KPIs" file.
    const rows = summary.cards.map((c) => ({ vaName: c.va.name, periodStart: start, periodEnd: end, kpis: c.kpis }));
    await write(out, kpiSummaryCsv(rows, { delimiter: resolveDelimiter(summary.settings.csvDelimiter, uiLanguage()) }));
  } else if (format === 'json') {
    const previous = summary.cards[0]?.previousPeriod ?? null;
    await write(out, `${JSON.stringify({
      month, timeZone, periodStart: start, periodEnd: end,
      previousPeriodStart: previous?.start.toISOString() ?? null, previousPeriodEnd: previous?.end.toISOString() ?? null,
      vas: summary.cards.map((c) => ({
        vaId: c.va.id, vaName: c.va.name, kpis: c.kpis, previous: c.previous, delta: c.delta,
        targets: Object.fromEntries(Object.entries(c.targets).map(([k, check]) => [k, { op: check!.target.op, value: check!.target.value, status: check!.status }])),
        overrunCount: c.overrunCount, overruns: c.overruns,
      })),
    }, null, 2)}\n`);
  } else {
    if (summary.cards.length === 0) { await write(out, `${t('cli_mdNoVas')}\n`); return; }
    const docs = summary.cards.map((card) => scorecardMarkdown(card, {
      t, locale: uiLanguage(), timeZone, period: summary.period, previousPeriod: card.previousPeriod,
    }));
    await write(out, docs.join('\n---\n\n'));
  }
}

export function planExport(values: Values): Planned {
  applyTimeZone(values, 'export');
  const day = (name: 'from' | 'to'): string | null => {
    const value = values[name];
    if (typeof value !== 'string') return null;
    try { startOfLocalDay(value); } catch { throw new UsageError(t('cli_errDay', [`--${name}`, value]), 'export'); }
    return value;
  };
  const from = day('from');
  const to = day('to');
  if (from && to && to < from) throw new UsageError(t('data_errPeriod'), 'export');
  return (out) => exportRatings(from, to, typeof values.va === 'string' ? values.va : null, out);
}

async function exportRatings(from: string | null, to: string | null, vaName: string | null, out: Writable): Promise<void> {
  let vaId: string | null = null;
  if (vaName !== null) {
    const vas = await listVas(db, { includeArchived: true });
    const va = vas.find((v) => v.name.toLowerCase() === vaName.toLowerCase());
    if (!va) throw new CliError(t('cli_errNoVa', [vaName, vas.map((v) => v.name).join(', ') || '—']));
    vaId = va.id;
  }
  const settings = await getSettings();
  // As the dashboard's Data page builds it: whole local days, the delimiter setting in this language.
  const filter = {
    startIso: from ? startOfLocalDay(from).toISOString() : null,
    endIso: to ? customRange(to, to).end.toISOString() : null,
    vaId,
  };
  for await (const chunk of ratingsCsvChunks(filter, { delimiter: resolveDelimiter(settings.csvDelimiter, uiLanguage()) }, db)) {
    await write(out, chunk);
  }
}
