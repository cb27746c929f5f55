// Typed messages from content scripts to the background. Every request has a zod schema;
// the background parses it before anything else (lib/background/handlers.ts).
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import {
  Category, Identity, Platform, Rating, RatingPatch, TaskRef, Timer, Va,
} from './model';

/** What a content script knows about the task it shows; the background stamps `updatedAt`. */
export const TaskInput = TaskRef.omit({ updatedAt: true });
export type TaskInput = z.infer<typeof TaskInput>;

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

export type MessageType = keyof typeof requests;
export type Request<T extends MessageType> = z.infer<(typeof requests)[T]>;

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
  'timer.get': Timer | null;
  'timer.start': Timer;
  'timer.stop': Rating | null;
}

type Protocol = { [T in MessageType]: (data: Request<T>) => Responses[T] };

export const messenger = defineExtensionMessaging<Protocol>({ logger: undefined });
export const { sendMessage } = messenger;
