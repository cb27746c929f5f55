// The model's facts that need no schema: lists, defaults and id / time helpers. Kept apart from
// the schemas (index.ts) so the popup and the KPI engine run without loading zod (~100 KB of the
// popup's start-up). Imports run one way: the schemas derive from these, never the reverse.
export { PLATFORMS } from '../platforms/registry';

export const BUILTIN_CATEGORIES = ['email', 'social', 'admin', 'creative', 'other'] as const;

export const KPI_NAMES = [
  'tasksDone', 'onTimeRate', 'errorFreeRate', 'briefingRate', 'qualityAvg',
  'estimateRatio', 'medianTaskRatio', 'withinEstimateRate', 'overruns', 'hoursLogged',
  'proactiveCount',
  'remindersPerTask', 'noReminderRate', 'delaysFlaggedRate',
  'hoursFreed', 'cost', 'valueFreed',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

/** Rating fields a synced board can fill: whom, when due, when done, the native estimate and tracked time. */
export const BOARD_FIELDS = ['vaId', 'dueAt', 'doneAt', 'estimateMinutes', 'actualMinutes'] as const;
export type BoardField = (typeof BOARD_FIELDS)[number];

/** `auto` = semicolon when the UI language is Dutch (Dutch / Belgian Excel), else comma. */
export const CSV_DELIMITERS = ['auto', ',', ';'] as const;

/** How often the background syncs the connected boards by itself. */
export const SYNC_INTERVALS = ['off', 'hourly', 'daily'] as const;

/** The owner's settings before any change: the Settings schema's defaults are these. */
export const DEFAULT_SETTINGS = {
  /** Share over the estimate still counted as "within estimate". */
  tolerance: 0.2,
  ownerHourlyValue: null as number | null,
  currency: 'EUR',
  csvDelimiter: 'auto' as (typeof CSV_DELIMITERS)[number],
  syncInterval: 'daily' as (typeof SYNC_INTERVALS)[number],
};

export const nowIso = () => new Date().toISOString();
export const newId = () => crypto.randomUUID();
