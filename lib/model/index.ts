// The single source of every type that is stored or sent. Everything crossing a boundary
// (message, API response, import file, older stored record) is parsed with these schemas.
import { z } from 'zod';
import { BOARD_FIELDS, CSV_DELIMITERS, DEFAULT_SETTINGS, SYNC_INTERVALS, KPI_NAMES, PLATFORMS, type KpiName as KpiNameOf } from './constants';
import { t } from '../text/i18n';
import { PLATFORM_REGISTRY, platformOfUrl } from '../platforms/registry';

export { BOARD_FIELDS, BUILTIN_CATEGORIES, DEFAULT_SETTINGS, KPI_NAMES, PLATFORMS, newId, nowIso } from './constants';
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/**
 * Instant, normalised to UTC `toISOString()` when parsed, whatever offset it came with, so it
 * sorts and indexes as text and every period filter (popup, export, review) agrees.
 */
export const Instant = z.iso.datetime({ offset: true }).overwrite((v) => {
  const ms = Date.parse(v); // the format check has already reported text that is no instant
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
});
/** A due date may be a whole local day (`2026-11-30`) or an instant. */
export const DueDate = z.union([z.iso.date(), Instant]);

const Id = z.string().min(1).max(200);
const Minutes = z.number().finite().min(0).max(100_000);
const Money = z.number().finite().min(0).max(1_000_000);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR');
const Score = z.number().int().min(1).max(5);

export const TaskKey = z.string().regex(new RegExp(`^(${PLATFORMS.join('|')}):[^\\s]{1,200}$`), 'Expected platform:taskId');

export const Identity = z.object({
  platform: Platform,
  /** The platform's member id when known (API or page), else only the display name. */
  memberId: z.string().max(200).nullable().default(null),
  name: z.string().max(200),
});
export type Identity = z.infer<typeof Identity>;

export const Va = z.object({
  id: Id,
  name: z.string().trim().min(1, 'A VA needs a name').max(120),
  hourlyRate: Money.nullable().default(null),
  currency: Currency.default('EUR'),
  identities: z.array(Identity).max(50).default([]),
  archived: z.boolean().default(false),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Va = z.infer<typeof Va>;

export const Assignee = z.object({ id: z.string().max(200).nullable().default(null), name: z.string().max(200) });
export type Assignee = z.infer<typeof Assignee>;

/** What the board knows about a task: read from the page or the API, never typed. */
const TaskRefFields = z.object({
  key: TaskKey,
  platform: Platform,
  taskId: Id,
  title: z.string().max(2000),
  url: z.url({ protocol: /^https$/ }),
  board: z.string().max(500).nullable().default(null),
  assignees: z.array(Assignee).max(100).default([]),
  dueAt: DueDate.nullable().default(null),
  doneAt: Instant.nullable().default(null),
  nativeEstimateMinutes: Minutes.nullable().default(null),
  nativeTrackedMinutes: Minutes.nullable().default(null),
  /**
   * Set by board sync: the synced board it is on, and the run that last saw it there. Optional:
   * records from before sync (and tasks only the panel saw) have none.
   */
  sync: z.object({ board: z.string().min(1).max(200), stamp: Instant }).nullable().optional(),
  updatedAt: Instant,
});

/** A record's key is `platform:taskId` of its own platform and id, never another task's. */
function keyOf(value: { platform: Platform; taskId: string }) {
  return `${value.platform}:${value.taskId}`;
}

/** The key names its own task and the URL lives on its platform's host. */
function checkTaskIdentity(task: { key: string; platform: Platform; taskId: string; url: string }, ctx: z.RefinementCtx) {
  if (task.key !== keyOf(task)) ctx.addIssue({ code: 'custom', path: ['key'], message: t('data_errKeyMismatch', keyOf(task)) });
  if (platformOfUrl(task.url) !== task.platform) {
    const host = URL.canParse(task.url) ? new URL(task.url).hostname : task.url;
    const message = t('data_errTaskHost', [host, PLATFORM_REGISTRY[task.platform].appHosts.join(', '), task.platform]);
    ctx.addIssue({ code: 'custom', path: ['url'], message });
  }
}

export const TaskRef = TaskRefFields.superRefine(checkTaskIdentity);
export type TaskRef = z.infer<typeof TaskRef>;
/** What a content script knows about the task it shows; the background stamps `updatedAt` (and keeps `sync`). */
export const TaskInput = TaskRefFields.omit({ updatedAt: true, sync: true }).superRefine(checkTaskIdentity);
export type TaskInput = z.infer<typeof TaskInput>;

export const CategoryId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Category ids are lowercase letters, digits and dashes');

/**
 * The owner's rating of one task (one per task: id = task key). Field names are the
 * testing contract: form controls and CSV headers use them as they are.
 */
const RatingFields = z.object({
  id: TaskKey,
  platform: Platform,
  taskId: Id,
  vaId: Id.nullable().default(null),
  category: CategoryId.default('other'),
  estimateMinutes: Minutes.nullable().default(null),
  actualMinutes: Minutes.nullable().default(null),
  quality: Score.nullable().default(null),
  errorFree: z.boolean().nullable().default(null),
  followedBriefing: z.boolean().nullable().default(null),
  remindersNeeded: z.number().int().min(0).max(99).nullable().default(null),
  delaysFlagged: z.boolean().nullable().default(null),
  proactive: z.boolean().nullable().default(null),
  note: z.string().max(10_000).default(''),
  /** Category counters, e.g. `{ messagesHandled: 40 }`. */
  counters: z.record(z.string().max(40), z.number().finite().min(0).max(1_000_000)).default({}),
  dueAt: DueDate.nullable().default(null),
  doneAt: Instant.nullable().default(null),
  /**
   * The fields whose value came from the board (sync, or what the panel proposed), not typed: a
   * later sync may update these only. Absent = none (records from before sync).
   */
  boardFields: z.array(z.enum(BOARD_FIELDS)).max(BOARD_FIELDS.length).optional(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const Rating = RatingFields.superRefine((rating, ctx) => {
  if (rating.id !== keyOf(rating)) ctx.addIssue({ code: 'custom', path: ['id'], message: t('data_errKeyMismatch', keyOf(rating)) });
});
export type Rating = z.infer<typeof Rating>;

type WithoutDefaults<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K]>;
};
/**
 * A partial update of an object: every field optional and, unlike `.partial()`, without the
 * fields' defaults, which zod would fill in for every key not sent and so reset them.
 */
function patchOf<S extends z.ZodRawShape>(shape: S): z.ZodObject<WithoutDefaults<S>> {
  return z.object(Object.fromEntries(Object.entries(shape).map(([key, field]) => [
    key, ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional(),
  ]))) as never;
}

/** Fields the owner edits in the panel; a patch carries only those that changed. */
export const RatingPatch = patchOf(RatingFields.pick({
  vaId: true, category: true, estimateMinutes: true, actualMinutes: true, quality: true, errorFree: true,
  followedBriefing: true, remindersNeeded: true, delaysFlagged: true, proactive: true, note: true,
  counters: true, dueAt: true, doneAt: true,
}).shape);
export type RatingPatch = z.infer<typeof RatingPatch>;

export const Counter = z.object({ id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/), label: z.string().min(1).max(80) });
/** A user-made category; the built-in ones are data in lib/kpi/categories.ts. */
export const Category = z.object({
  id: CategoryId,
  name: z.string().trim().min(1).max(80),
  counters: z.array(Counter).max(20).default([]),
  /** Archived: no longer offered for new ratings; the ratings that use it keep it. */
  archived: z.boolean().default(false),
  updatedAt: Instant,
});
export type Category = z.infer<typeof Category>;

export const KpiName = z.enum(KPI_NAMES);
export type KpiName = KpiNameOf;

export const TargetScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('global') }),
  z.object({ kind: z.literal('category'), category: CategoryId }),
  z.object({ kind: z.literal('va'), vaId: Id }),
]);
export const Target = z.object({
  id: Id,
  kpi: KpiName,
  scope: TargetScope,
  op: z.enum(['>=', '<=']),
  value: z.number().finite(),
  updatedAt: Instant,
});
export type Target = z.infer<typeof Target>;

const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected YYYY-MM');
/** The owner's own monthly business metric ("quotes sent"). */
export const ImpactEntry = z.object({
  id: Id,
  metric: z.string().trim().min(1).max(120),
  /** What the value counts ("quotes", "hours"); empty when the name says it. */
  unit: z.string().trim().max(40).default(''),
  month: YearMonth,
  value: z.number().finite(),
  updatedAt: Instant,
});
export type ImpactEntry = z.infer<typeof ImpactEntry>;

const ReviewAnswers = z.object({
  wentWell: z.string().max(10_000).default(''),
  couldBeBetter: z.string().max(10_000).default(''),
  kpisMet: z.string().max(10_000).default(''),
  needFromVa: z.string().max(10_000).default(''),
  supportForVa: z.string().max(10_000).default(''),
});
const VaExperience = z.object({ involved: Score.nullable(), heard: Score.nullable(), challenged: Score.nullable() });
const Proactivity = z.object({ answer: z.boolean().nullable(), what: z.string().max(10_000).default('') });
const ReviewFields = z.object({
  id: Id,
  vaId: Id,
  periodStart: Instant,
  periodEnd: Instant,
  answers: ReviewAnswers,
  vaExperience: VaExperience,
  proactivity: Proactivity,
  communicationScore: Score.nullable().default(null),
  peaceOfMindScore: Score.nullable().default(null),
  /** Creative and strategic support: the VA's input in meetings (1–5). */
  meetingInputScore: Score.nullable().default(null),
  notes: z.string().max(20_000).default(''),
  nextCheckIn: Instant.nullable().default(null),
  createdAt: Instant,
  updatedAt: Instant,
});
export const Review = ReviewFields;
export type Review = z.infer<typeof Review>;

/**
 * What one save of the review form carries: the fields typed since the last save, and inside the
 * answers, the VA's experience and the proactivity question only the parts typed. As with
 * RatingPatch, no defaults: a default filled in for a field not sent would wipe an earlier sitting.
 */
export const ReviewPatch = patchOf({
  ...ReviewFields.pick({ communicationScore: true, peaceOfMindScore: true, meetingInputScore: true, notes: true, nextCheckIn: true }).shape,
  answers: patchOf(ReviewAnswers.shape),
  vaExperience: patchOf(VaExperience.shape),
  proactivity: patchOf(Proactivity.shape),
});
export type ReviewPatch = z.infer<typeof ReviewPatch>;

const REVIEW_GROUPS = ['answers', 'vaExperience', 'proactivity'] as const;

/** `later` over `earlier`, group by group: what the autosave gathers and what the database stores. */
export function mergeReviewPatch<T extends ReviewPatch>(earlier: T, later: ReviewPatch): T {
  const out: Record<string, unknown> = { ...earlier, ...later };
  for (const group of REVIEW_GROUPS) if (later[group]) out[group] = { ...earlier[group], ...later[group] };
  return out as T;
}

export const Settings = z.object({
  tolerance: z.number().min(0).max(5).default(DEFAULT_SETTINGS.tolerance),
  ownerHourlyValue: Money.nullable().default(DEFAULT_SETTINGS.ownerHourlyValue),
  currency: Currency.default(DEFAULT_SETTINGS.currency),
  csvDelimiter: z.enum(CSV_DELIMITERS).default(DEFAULT_SETTINGS.csvDelimiter),
  syncInterval: z.enum(SYNC_INTERVALS).default(DEFAULT_SETTINGS.syncInterval),
});
export type Settings = z.infer<typeof Settings>;

/**
 * A board's place in its sync (lib/sync/types.ts BoardCursor, which the engine uses without
 * zod). The running page's state is the platform client's own, so only its form is checked here.
 */
export const BoardCursor = z.object({
  watermark: z.string().max(500).nullable(),
  run: z.object({ full: z.boolean(), startedAt: Instant, state: z.json(), pages: z.number().int().min(0) }).nullable(),
  lastSyncAt: Instant.nullable(),
});
export type BoardCursor = z.infer<typeof BoardCursor>;

/** A stored cursor (lib/db/sync.ts), keyed `platform:boardId` like the sync's statuses. */
export const SyncCursorRecord = z.object({
  key: z.string().min(3).max(500),
  platform: Platform,
  boardId: Id,
  cursor: BoardCursor,
  updatedAt: Instant,
}).refine((r) => r.key === `${r.platform}:${r.boardId}`, { message: 'Expected key platform:boardId', path: ['key'] });
export type SyncCursorRecord = z.infer<typeof SyncCursorRecord>;

/** A board, project or list the owner chose to sync (lib/sync/types.ts BoardRef). */
export const BoardRef = z.object({ platform: Platform, id: Id, name: z.string().max(500) });

/**
 * The board sync section of a backup, which the CLI reads and writes too: per platform the account
 * and the chosen boards, and where each board's sync is. Never a token nor any part of one: the
 * fields are listed, so anything else in a file (a `token`, `last4`) is dropped when parsed.
 */
export const BackupBoardSync = z.object({
  connections: z.partialRecord(Platform, z.object({
    account: z.string().max(500),
    boards: z.array(BoardRef).max(500),
    connectedAt: Instant,
  })),
  cursors: z.array(SyncCursorRecord).max(10_000),
}).superRefine((section, ctx) => {
  for (const [platform, connection] of Object.entries(section.connections)) {
    connection?.boards.forEach((b, i) => {
      if (b.platform !== platform) ctx.addIssue({ code: 'custom', path: ['connections', platform, 'boards', i, 'platform'], message: `Expected ${platform}` });
    });
  }
});
export type BackupBoardSync = z.infer<typeof BackupBoardSync>;

/** A running timer; one at a time, kept by the background so it survives reloads. */
export const Timer = z.object({ taskKey: TaskKey, startedAt: Instant });
export type Timer = z.infer<typeof Timer>;

/** Turns a zod error into one line a person can act on: `field: problem; field: problem`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
