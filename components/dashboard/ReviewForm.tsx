// The check-in itself: the five questions, the VA's experience, proactivity, the scores, notes and
// the next check-in. Saves as the owner types (the panel's Autosave, with the review's nested
// merge), so a meeting can stop and go on later; exports as Markdown in the UI's language.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { addMonths, format } from 'date-fns';
import { loadOpenTasks, type ReviewData } from '@/lib/db/review-page';
import { saveReview } from '@/lib/db/reviews';
import { datedFilename, downloadBlob } from '@/lib/files/download';
import { reviewMarkdown } from '@/lib/files/review-markdown';
import { syncReminders } from '@/lib/messages/reminders';
import { ReviewPatch, mergeReviewPatch, newId, type Review } from '@/lib/model';
import { t, uiLanguage, type MessageKey } from '@/lib/text/i18n';
import { Autosave, type SaveStatus } from '../panel/autosave';

const QUESTIONS = ['wentWell', 'couldBeBetter', 'kpisMet', 'needFromVa', 'supportForVa'] as const;
const EXPERIENCE = ['involved', 'heard', 'challenged'] as const;

/** A local day `YYYY-MM-DD` → 09:00 that day, local time: when the reminder shows. */
const dayToInstant = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 9, 0).toISOString();
};
const instantToDay = (iso: string | null) => (iso ? format(new Date(iso), 'yyyy-MM-dd') : '');

function emptyReview(data: ReviewData, id: string): Review {
  const now = new Date().toISOString();
  return {
    id, vaId: data.va.id, periodStart: data.period.start.toISOString(), periodEnd: data.period.end.toISOString(),
    answers: { wentWell: '', couldBeBetter: '', kpisMet: '', needFromVa: '', supportForVa: '' },
    vaExperience: { involved: null, heard: null, challenged: null }, proactivity: { answer: null, what: '' },
    communicationScore: null, peaceOfMindScore: null, meetingInputScore: null, notes: '',
    // A month after the meeting, unless the owner picks another day.
    nextCheckIn: dayToInstant(format(addMonths(new Date(), 1), 'yyyy-MM-dd')), createdAt: now, updatedAt: now,
  };
}

export function ReviewForm({ data, onSaved }: { data: ReviewData; onSaved: () => void }) {
  const id = useMemo(() => data.review?.id ?? newId(), []);
  const [stored, setStored] = useState<Review>(() => data.review ?? emptyReview(data, id));
  const [edits, setEdits] = useState<ReviewPatch>({});
  const [status, setStatus] = useState<{ status: SaveStatus; error?: string }>({ status: 'idle' });
  const key = { id, vaId: data.va.id, periodStart: data.period.start.toISOString(), periodEnd: data.period.end.toISOString() };
  const isNew = !data.review;

  const saver = useMemo(() => new Autosave<ReviewPatch, Review>({
    merge: mergeReviewPatch,
    // The first save also stores the proposed next check-in, so the reminder exists.
    send: (patch) => saveReview(key, ReviewPatch.parse(isNew && !firstSaved.done ? { nextCheckIn: stored.nextCheckIn, ...patch } : patch)),
    onSaved: (review) => {
      const first = !firstSaved.done;
      firstSaved.done = true;
      setStored(review);
      if (first) onSaved(); // the list of reviews gains this one
      void syncReminders().catch(() => { /* the background reschedules on its next start */ });
    },
    onStatus: (s, error) => setStatus({ status: s, error }),
  }), []);
  const firstSaved = useMemo(() => ({ done: !isNew }), []);

  useEffect(() => {
    const flush = () => { void saver.flush(); };
    const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      saver.dispose();
    };
  }, []);

  const review = mergeReviewPatch(stored, edits) as Review;
  function change(patch: ReviewPatch) {
    setEdits((e) => mergeReviewPatch(e, patch));
    saver.set(patch);
  }

  async function exportMarkdown() {
    await saver.flush();
    const md = reviewMarkdown(data.open ? data : await loadOpenTasks(data), review, { t, locale: uiLanguage() });
    const slug = data.va.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'va';
    downloadBlob(new Blob([md], { type: 'text/markdown;charset=utf-8' }), datedFilename(`check-in-${slug}-${data.month}`, 'md'));
  }

  // The seed's KPI table asks for the VA's input in meetings for creative and strategic support only.
  const hasCreative = data.categoriesDone.includes('creative') || review.meetingInputScore !== null;

  return (
    <form class="card stack" onSubmit={(e) => e.preventDefault()} data-testid="review-form" aria-labelledby="review-questions-heading">
      <div class="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h3 id="review-questions-heading" style={{ margin: 0 }}>{t('review_questionsHeading')}</h3>
        <SaveState {...status} />
      </div>
      {QUESTIONS.map((q) => (
        <label key={q} class="field-wide">{t(`review_q_${q}` as MessageKey)}
          <textarea name={`answers.${q}`} rows={3} maxLength={10_000} value={review.answers[q]}
            onInput={(e) => change({ answers: { [q]: e.currentTarget.value } })} />
        </label>
      ))}

      <fieldset class="stack">
        <legend>{t('review_experienceHeading')}</legend>
        <div class="row">
          {EXPERIENCE.map((e) => (
            <ScoreField key={e} name={`vaExperience.${e}`} label={t(`review_exp_${e}` as MessageKey)} value={review.vaExperience[e]}
              onChange={(v) => change({ vaExperience: { [e]: v } })} />
          ))}
        </div>
      </fieldset>

      <fieldset class="stack">
        <legend>{t('review_proactivityHeading')}</legend>
        <label>{t('review_proactivityQuestion')}
          <select name="proactivity.answer" value={review.proactivity.answer === null ? '' : String(review.proactivity.answer)}
            onChange={(e) => change({ proactivity: { answer: e.currentTarget.value === '' ? null : e.currentTarget.value === 'true' } })}>
            <option value="">{t('review_unanswered')}</option>
            <option value="true">{t('review_yes')}</option>
            <option value="false">{t('review_no')}</option>
          </select>
        </label>
        <label class="field-wide">{t('review_proactivityWhat')}
          <textarea name="proactivity.what" rows={2} maxLength={10_000} value={review.proactivity.what}
            onInput={(e) => change({ proactivity: { what: e.currentTarget.value } })} />
        </label>
      </fieldset>

      <fieldset class="row">
        <legend>{t('review_scoresHeading')}</legend>
        <ScoreField name="communicationScore" label={t('review_communicationScore')} value={review.communicationScore} onChange={(v) => change({ communicationScore: v })} />
        <ScoreField name="peaceOfMindScore" label={t('review_peaceOfMindScore')} value={review.peaceOfMindScore} onChange={(v) => change({ peaceOfMindScore: v })} />
        {hasCreative && <ScoreField name="meetingInputScore" label={t('review_meetingInputScore')} value={review.meetingInputScore} onChange={(v) => change({ meetingInputScore: v })} />}
      </fieldset>

      <label class="field-wide">{t('review_notes')}
        <textarea name="notes" rows={4} maxLength={20_000} value={review.notes} onInput={(e) => change({ notes: e.currentTarget.value })} />
      </label>

      <NextCheckIn value={review.nextCheckIn} onChange={(v) => change({ nextCheckIn: v })} />

      <div class="row">
        <button type="button" onClick={exportMarkdown}>{t('review_exportMarkdown')}</button>
      </div>
    </form>
  );
}

function ScoreField({ name, label, value, onChange }: { name: string; label: string; value: number | null; onChange(v: number | null): void }) {
  return (
    <label>{label}
      <select name={name} value={value === null ? '' : String(value)} onChange={(e) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
        <option value="">{t('review_scoreNone')}</option>
        {[1, 2, 3, 4, 5].map((n) => <option key={n} value={String(n)}>{t('review_scoreOf5', n)}</option>)}
      </select>
    </label>
  );
}

/** The date, and the browser's permission to remind: asked for on the owner's click, never at install. */
function NextCheckIn({ value, onChange }: { value: string | null; onChange(v: string | null): void }) {
  const [permission, setPermission] = useState<'granted' | 'unknown' | 'denied'>('unknown');
  useEffect(() => {
    browser.permissions.contains({ permissions: ['notifications'] }).then((yes) => yes && setPermission('granted'), () => {});
  }, []);
  async function ask() {
    const granted = await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
    setPermission(granted ? 'granted' : 'denied');
    if (granted) void syncReminders().catch(() => {});
  }
  return (
    <div class="row">
      <label>{t('review_nextCheckIn')}
        <input type="date" name="nextCheckIn" value={instantToDay(value)}
          onChange={(e) => onChange(e.currentTarget.value ? dayToInstant(e.currentTarget.value) : null)} />
      </label>
      {value && permission === 'granted' && <span class="muted" data-testid="reminder-on">{t('review_reminderOn')}</span>}
      {value && permission === 'unknown' && <button type="button" onClick={ask}>{t('review_remindMe')}</button>}
      {value && permission === 'denied' && <span class="muted" role="status">{t('review_reminderDenied')}</span>}
    </div>
  );
}

function SaveState({ status, error }: { status: SaveStatus; error?: string }) {
  const text = status === 'saving' ? t('panel_saving') : status === 'saved' ? t('panel_saved')
    : status === 'error' ? t('panel_saveFailed', error ?? '') : '';
  return <span class={status === 'error' ? 'error' : 'muted'} role="status" data-testid="review-save-status">{text}</span>;
}
