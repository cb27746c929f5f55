// What the panel needs from the extension, as one small interface: the content script wires it to
// typed messages, tests to fakes. Type-only model imports keep zod out of the content script.
import { STORAGE_KEYS } from '../storage/keys';
import { send } from '@/lib/messages/send';
import type { PanelData, TaskInput } from '@/lib/messages/protocol';
import type { Identity, Rating, RatingPatch, Timer, Va } from '@/lib/model';

export interface PanelApi {
  load(task: TaskInput): Promise<PanelData>;
  /** Stores `patch`; `proposed` values only where the rating has no value yet. */
  save(task: TaskInput, patch: RatingPatch, proposed?: RatingPatch): Promise<Rating>;
  createVa(name: string, identity?: Identity): Promise<Va>;
  mapIdentity(vaId: string, identity: Identity): Promise<Va>;
  startTimer(task: TaskInput): Promise<Timer>;
  stopTimer(): Promise<Rating | null>;
  /** Calls back when the running timer changes anywhere (another tab, another card). */
  watchTimer(cb: (timer: Timer | null) => void): () => void;
}

const TIMER_KEY = STORAGE_KEYS.timer;

/** Saves still on their way, per task: a card reopened at once loads what was just typed. */
const inflight = new Map<string, Promise<unknown>>();

export const messagingApi: PanelApi = {
  load: (task) => (inflight.get(task.key) ?? Promise.resolve()).then(() => send('panel.load', { task })),
  save(task, patch, proposed) {
    const saving = send('rating.save', { task, patch, proposed });
    const settled = Promise.allSettled([inflight.get(task.key), saving]);
    inflight.set(task.key, settled);
    void settled.then(() => { if (inflight.get(task.key) === settled) inflight.delete(task.key); });
    return saving;
  },
  createVa: (name, identity) => send('va.create', { name, identity }),
  mapIdentity: (vaId, identity) => send('va.mapIdentity', { vaId, identity }),
  startTimer: (task) => send('timer.start', { task }),
  stopTimer: () => send('timer.stop', undefined),
  watchTimer(cb) {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && TIMER_KEY in changes) cb((changes[TIMER_KEY]!.newValue as Timer | null | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
