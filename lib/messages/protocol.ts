// Typed messages from content scripts to the background. Type-only imports keep zod out of
// content scripts; the background parses every request (lib/background/requests.ts).
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from 'zod';
import type { requests } from '../background/requests';
import type { Category, Rating, TaskInput, Timer, Va } from '../model';

export type MessageType = keyof typeof requests;
export type Request<T extends MessageType> = z.infer<(typeof requests)[T]>;

export type { TaskInput };

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

/** The background listens through it; content scripts send with lib/content/send.ts. */
export const messenger = defineExtensionMessaging<Protocol>({ logger: undefined });
