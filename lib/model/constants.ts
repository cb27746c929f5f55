// The model's facts that need no schema: lists, defaults and id / time helpers. Kept apart from
// lib/model.ts so the popup and the KPI engine run without loading zod (~100 KB of the popup's
// start-up); model.ts re-exports them and derives its schemas from them.
import type { Settings } from '.';

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

/** What `Settings.parse({})` gives (a test keeps the two equal). */
export const DEFAULT_SETTINGS: Settings = { tolerance: 0.2, ownerHourlyValue: null, currency: 'EUR', csvDelimiter: 'auto' };

export const nowIso = () => new Date().toISOString();
export const newId = () => crypto.randomUUID();
