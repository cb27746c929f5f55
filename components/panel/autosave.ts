// Saves the panel (and the dashboard's review form) as the owner types: changes are gathered for
// a moment, then sent as one patch.
// `flush()` sends what is pending at once — on unmount, pagehide and when the tab is hidden — so
// a value typed just before the card closes is kept. A flush never waits for an earlier save to
// answer (the page may be gone by then); the background applies saves in the order they arrive.
import type { Rating, RatingPatch } from '@/lib/model';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface AutosaveOptions<P extends object = RatingPatch, R = Rating> {
  /** `proposed`: values shown but not typed, stored only where the rating has none yet. */
  send(patch: P, proposed: P): Promise<R>;
  /** Values shown but not yet stored (a proposed VA, the card's done date), sent with any change. */
  extra?(): P;
  /** Puts a later change over an earlier one; a shallow merge unless given (a review's answers nest). */
  merge?(earlier: P, later: P): P;
  onSaved(saved: R): void;
  onStatus(status: SaveStatus, error?: string): void;
  delayMs?: number;
}

export class Autosave<P extends object = RatingPatch, R = Rating> {
  private pending = {} as P;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight = 0;
  private error: string | undefined;
  private all: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: AutosaveOptions<P, R>) {}

  private merged(earlier: P, later: P): P {
    return this.options.merge ? this.options.merge(earlier, later) : { ...earlier, ...later };
  }

  /** Records a change and saves it after a short pause in typing. */
  set(patch: P) {
    this.pending = this.merged(this.pending, patch);
    this.options.onStatus('saving');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.delayMs ?? 400);
  }

  get hasPending() {
    return Object.keys(this.pending).length > 0;
  }

  /** Sends what is pending now; resolves when every save so far has been answered. */
  flush(): Promise<unknown> {
    clearTimeout(this.timer);
    if (!this.hasPending) return this.all;
    const patch = this.pending;
    this.pending = {} as P;
    this.inflight++;
    this.error = undefined;
    const saving = this.options.send(patch, this.options.extra?.() ?? ({} as P)).then(this.options.onSaved, (e: unknown) => {
      // Keep the values (newer ones win): the next change or flush sends them again.
      this.pending = this.merged(patch, this.pending);
      this.error = e instanceof Error ? e.message : String(e);
    }).finally(() => {
      if (--this.inflight > 0 || (this.hasPending && !this.error)) return;
      this.options.onStatus(this.error ? 'error' : 'saved', this.error);
    });
    this.all = Promise.allSettled([this.all, saving]);
    return this.all;
  }

  dispose() {
    clearTimeout(this.timer);
  }
}
