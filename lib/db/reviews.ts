// Review meetings: the saves of the review form and the reads of the review page. A review is
// saved as the owner types, in as many sittings as the meeting takes: each save merges what it
// carries into what is stored (lib/model mergeReviewPatch), never resets a field it did not send.
import { db, type ScorecardDb } from '.';
import { Review, mergeReviewPatch, nowIso, type ReviewPatch } from '../model';
import { parseOrThrow } from './writes';

/** Which review: its id, and (for the first save) the VA and the period it is about. */
export interface ReviewKey { id: string; vaId: string; periodStart: string; periodEnd: string }

const EMPTY = {
  answers: {}, vaExperience: { involved: null, heard: null, challenged: null }, proactivity: { answer: null },
};

export function saveReview(key: ReviewKey, patch: ReviewPatch, d: ScorecardDb = db): Promise<Review> {
  return d.transaction('rw', d.reviews, async () => {
    const existing = await d.reviews.get(key.id);
    const now = nowIso();
    // A stored review keeps its VA and period: a stale form cannot move it.
    const base = existing ?? { ...EMPTY, ...key, createdAt: now };
    const review = parseOrThrow(Review, { ...mergeReviewPatch(base, patch), updatedAt: now }, 'Review');
    await d.reviews.put(review);
    return review;
  });
}

/** A VA's reviews, the latest period first. */
export async function listReviews(vaId: string, d: ScorecardDb = db): Promise<Review[]> {
  const all = await d.reviews.where('[vaId+periodStart]').between([vaId, ''], [vaId, '\uffff']).toArray();
  return all.reverse();
}

/** The review of this VA for the period starting at `periodStart` (the last edited, if several). */
export async function findReview(vaId: string, periodStart: string, d: ScorecardDb = db): Promise<Review | null> {
  const found = await d.reviews.where('[vaId+periodStart]').equals([vaId, periodStart]).toArray();
  return found.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).at(-1) ?? null;
}
