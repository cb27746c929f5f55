// The zod schema of every message the background accepts. Kept out of lib/messages.ts so
// content scripts, which only send, do not bundle zod.
import { z } from 'zod';
import { Identity, Platform, RatingPatch, TaskRef } from '../model';

export const TaskInput = TaskRef.omit({ updatedAt: true });

export const requests = {
  'panel.load': z.object({ task: TaskInput }),
  'rating.save': z.object({ task: TaskInput, patch: RatingPatch }),
  'va.create': z.object({ name: z.string(), identity: Identity.optional() }),
  'va.mapIdentity': z.object({ vaId: z.string().min(1), identity: Identity }),
  'page.status': z.object({ platform: Platform, recognised: z.boolean() }),
  'timer.get': z.undefined(),
  'timer.start': z.object({ task: TaskInput }),
  'timer.stop': z.undefined(),
} as const;
