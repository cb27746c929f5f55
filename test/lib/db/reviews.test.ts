// A review is held in more than one sitting: it saves as the owner types, and a later save that
// carries one answer must keep every answer, score and date given before.
import { beforeEach, describe, expect, it } from 'vitest';
import { ScorecardDb } from '@/lib/db';
import { findReview, listReviews, saveReview } from '@/lib/db/reviews';
import { ReviewPatch } from '@/lib/model';

let d: ScorecardDb;
beforeEach(() => { d = new ScorecardDb(`test-${crypto.randomUUID()}`); });

const november = { id: 'rev-1', vaId: 'va-1', periodStart: '2026-10-31T23:00:00.000Z', periodEnd: '2026-11-30T23:00:00.000Z' };

describe('saving a review as you type', () => {
  it('keeps the first sitting\'s answers when the second sitting sends other fields', async () => {
    await saveReview(november, ReviewPatch.parse({
      answers: { wentWell: 'Inbox zero every day' }, vaExperience: { involved: 4 }, communicationScore: 4,
      nextCheckIn: '2026-12-31T08:00:00.000Z',
    }), d);
    // A reload later: the form sends only what was typed now, parsed like any message.
    d.close();
    d = new ScorecardDb(d.name);
    const second = await saveReview(november, ReviewPatch.parse({ answers: { kpisMet: 'Not the on-time rate' }, vaExperience: { heard: 5 } }), d);
    expect(second.answers).toEqual({ wentWell: 'Inbox zero every day', couldBeBetter: '', kpisMet: 'Not the on-time rate', needFromVa: '', supportForVa: '' });
    expect(second.vaExperience).toEqual({ involved: 4, heard: 5, challenged: null });
    expect(second).toMatchObject({ communicationScore: 4, nextCheckIn: '2026-12-31T08:00:00.000Z' });
    expect(await d.reviews.get('rev-1')).toEqual(second);
  });

  it('a patch may clear a score or the date on purpose', async () => {
    await saveReview(november, { peaceOfMindScore: 5, nextCheckIn: '2026-12-31T08:00:00.000Z' }, d);
    const cleared = await saveReview(november, ReviewPatch.parse({ peaceOfMindScore: null, nextCheckIn: null }), d);
    expect(cleared).toMatchObject({ peaceOfMindScore: null, nextCheckIn: null });
  });

  it('refuses a score out of 1–5 with the field named, and keeps what was stored', async () => {
    await saveReview(november, { communicationScore: 3 }, d);
    await expect(saveReview(november, { communicationScore: 9 } as never, d)).rejects.toThrow(/communicationScore/);
    expect((await d.reviews.get('rev-1'))?.communicationScore).toBe(3);
  });

  it('a review cannot move to another VA or period by a later save', async () => {
    await saveReview(november, { notes: 'first' }, d);
    const again = await saveReview({ ...november, vaId: 'va-2' }, { notes: 'second' }, d);
    expect(again.vaId).toBe('va-1');
  });

  it('lists a VA\'s reviews newest period first and finds the one of a period', async () => {
    await saveReview(november, { notes: 'nov' }, d);
    await saveReview({ ...november, id: 'rev-0', periodStart: '2026-09-30T22:00:00.000Z', periodEnd: november.periodStart }, { notes: 'oct' }, d);
    await saveReview({ ...november, id: 'rev-x', vaId: 'va-2' }, { notes: 'other VA' }, d);
    expect((await listReviews('va-1', d)).map((r) => r.notes)).toEqual(['nov', 'oct']);
    expect((await findReview('va-1', november.periodStart, d))?.id).toBe('rev-1');
    expect(await findReview('va-1', '2026-08-31T22:00:00.000Z', d)).toBeNull();
  });
});
