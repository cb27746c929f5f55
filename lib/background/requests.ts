// The zod schema of every message the background accepts. Kept out of lib/messages.ts so
// content scripts, which only send, do not bundle zod.
import { z } from 'zod';
import { Identity, Platform, RatingPatch, TaskInput } from '../model';

/** What the panel shows without it being stored (the board's assignee as VA, its dates): kept only where the rating has no value yet. */
export const Proposed = RatingPatch.pick({ vaId: true, dueAt: true, doneAt: true });

export const requests = {
  'panel.load': z.object({ task: TaskInput }),
  'rating.save': z.object({ task: TaskInput, patch: RatingPatch, proposed: Proposed.optional() }),
  'va.create': z.object({ name: z.string(), identity: Identity.optional() }),
  'va.mapIdentity': z.object({ vaId: z.string().min(1), identity: Identity }),
  'page.status': z.object({ platform: Platform, recognised: z.boolean() }),
  'timer.get': z.undefined(),
  'timer.start': z.object({ task: TaskInput }),
  'timer.stop': z.undefined(),
} as const;
