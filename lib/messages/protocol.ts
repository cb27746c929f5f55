// The message protocol between content scripts and the background, in one table: each message's
// request schema (what the background validates), and its answer type. Content scripts import
// only types from here (lib/messages/send.ts), so they bundle no zod; the background validates
// every request against the table (lib/messages/listen.ts).
import { z } from 'zod';
import { Identity, Platform, RatingPatch, TaskInput, type Category, type Rating, type Timer, type Va } from '../model';
import type { BoardStatus, SyncConnection } from '../storage/items';
import type { BoardRef } from '../sync/types';

const Credential = z.string().trim().min(1).max(500);
const BoardChoice = z.object({ platform: Platform, id: z.string().min(1).max(200), name: z.string().max(500) });

/** What the panel shows without it being stored (the board's assignee as VA, its dates): kept only where the rating has no value yet. */
export const Proposed = RatingPatch.pick({ vaId: true, dueAt: true, doneAt: true });

export const requests = {
  'panel.load': z.object({ task: TaskInput }),
  'rating.save': z.object({ task: TaskInput, patch: RatingPatch, proposed: Proposed.optional() }),
  'va.create': z.object({ name: z.string(), identity: Identity.optional() }),
  'va.mapIdentity': z.object({ vaId: z.string().min(1), identity: Identity }),
  'page.status': z.object({ platform: Platform, recognised: z.boolean() }),
  'timer.start': z.object({ task: TaskInput }),
  'timer.stop': z.undefined(),
  // From the dashboard (an extension page): tokens and the network stay in the background.
  'sync.test': z.object({ platform: Platform, token: Credential }),
  'sync.connect': z.object({ platform: Platform, token: Credential }),
  'sync.boards': z.object({ platform: Platform }),
  'sync.choose': z.object({ platform: Platform, boards: z.array(BoardChoice).max(500) }),
  'sync.run': z.object({ platform: Platform.optional(), boardId: z.string().max(200).optional(), full: z.boolean().optional() }),
  'sync.disconnect': z.object({ platform: Platform }),
  'sync.linkAssignee': z.object({ vaId: z.string().min(1), identity: Identity }),
  /** From the dashboard after a review's next check-in changed: the background reschedules. */
  'reminders.sync': z.undefined(),
} as const;

export interface PanelData {
  rating: Rating | null;
  vas: Va[];
  customCategories: Category[];
  timer: Timer | null;
}

export interface Responses {
  'panel.load': PanelData;
  'rating.save': Rating;
  'va.create': Va;
  'va.mapIdentity': Va;
  'page.status': void;
  'timer.start': Timer;
  'timer.stop': Rating | null;
  'sync.test': { account: string };
  'sync.connect': { connection: SyncConnection; boards: BoardRef[] };
  'sync.boards': BoardRef[];
  'sync.choose': SyncConnection;
  'sync.run': Record<string, BoardStatus>;
  'sync.disconnect': void;
  'sync.linkAssignee': Va;
  'reminders.sync': void;
}

export type MessageType = keyof typeof requests;
export type Request<T extends MessageType> = z.infer<(typeof requests)[T]>;

/** What crosses the channel: `{ type, data }` one way, `{ res }` or `{ err }` back. */
export interface Envelope<T extends MessageType = MessageType> { vasc: 1; type: T; data: Request<T> }
export type Reply<T extends MessageType = MessageType> = { res: Responses[T] } | { err: string };

export type { TaskInput };
