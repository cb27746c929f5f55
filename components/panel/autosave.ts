// Saves the panel as the owner types: changes are gathered for a moment, then sent as one patch.
// Saves go out one after another, and `flush()` sends what is pending at once — on unmount,
// pagehide and when the tab is hidden — so a value typed just before the card closes is kept.
import type { Rating, RatingPatch } from '@/lib/model';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface AutosaveOptions {
  send(patch: RatingPatch): Promise<Rating>;
  /** Values shown but not yet stored (a proposed VA, the card's done date), saved with any change. */
  extra?(): RatingPatch;
  onSaved(rating: Rating): void;
  onStatus(status: SaveStatus, error?: string): void;
  delayMs?: number;
}

export class Autosave {
  private pending: RatingPatch = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: AutosaveOptions) {}

  /** Records a change and saves it after a short pause in typing. */
  set(patch: RatingPatch) {
    Object.assign(this.pending, patch);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.delayMs ?? 400);
  }

  get hasPending() {
    return Object.keys(this.pending).length > 0;
  }

  /** Sends what is pending now; resolves when every save so far has been answered. */
  flush(): Promise<unknown> {
    clearTimeout(this.timer);
    if (this.hasPending) {
      const patch = { ...this.options.extra?.(), ...this.pending };
      this.pending = {};
      this.options.onStatus('saving');
      this.chain = this.chain.then(() => this.options.send(patch)).then(
        (rating) => { this.options.onSaved(rating); if (!this.hasPending) this.options.onStatus('saved'); },
        (e: unknown) => {
          // Keep the values: the next change (or flush) tries them again.
          this.pending = { ...patch, ...this.pending };
          this.options.onStatus('error', e instanceof Error ? e.message : String(e));
        },
      );
    }
    return this.chain;
  }

  dispose() {
    clearTimeout(this.timer);
  }
}
