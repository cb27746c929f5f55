import { describe, expect, it, vi } from 'vitest';
import { Autosave, type SaveStatus } from '@/components/panel/autosave';
import type { Rating, RatingPatch } from '@/lib/model';

function setup() {
  const answers: ((r: Rating) => void)[] = [];
  const sent: RatingPatch[] = [];
  const statuses: SaveStatus[] = [];
  const saver = new Autosave({
    send: (patch) => { sent.push(patch); return new Promise<Rating>((r) => answers.push(r)); },
    onSaved: () => {},
    onStatus: (s) => statuses.push(s),
    delayMs: 50,
  });
  return { saver, sent, statuses, answer: (i: number) => answers[i]!({} as Rating) };
}

describe('autosave', () => {
  it('sends what is pending at once on flush, even while an earlier save is unanswered', async () => {
    const { saver, sent } = setup();
    saver.set({ note: 'a' });
    void saver.flush();
    saver.set({ quality: 4 });
    void saver.flush(); // e.g. pagehide: the page may be gone before the first answer
    expect(sent).toEqual([{ note: 'a' }, { quality: 4 }]);
  });

  it('says "saved" only when every save has been answered and nothing is waiting', async () => {
    const { saver, statuses, answer } = setup();
    saver.set({ note: 'a' });
    void saver.flush();
    saver.set({ quality: 4 });
    void saver.flush();
    answer(0);
    await Promise.resolve(); await Promise.resolve(); await Promise.resolve();
    expect(statuses.at(-1)).toBe('saving');
    answer(1);
    await saver.flush();
    expect(statuses.at(-1)).toBe('saved');
  });

  it('gathers changes typed in a pause into one patch', async () => {
    vi.useFakeTimers();
    const { saver, sent } = setup();
    saver.set({ note: 'N' });
    saver.set({ note: 'Ne' });
    saver.set({ estimateMinutes: 30 });
    await vi.advanceTimersByTimeAsync(60);
    expect(sent).toEqual([{ note: 'Ne', estimateMinutes: 30 }]);
    vi.useRealTimers();
  });
});
