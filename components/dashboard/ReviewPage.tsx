import { useLayoutEffect, useState } from 'preact/hooks';
import { listVas } from '@/lib/db';
import { loadOpenTasks, loadReviewData, type ReviewData } from '@/lib/db/review-page';
import type { Va } from '@/lib/model';
import { lastMonths, monthKey } from '@/lib/kpi/periods';
import { t, uiLanguage } from '@/lib/text/i18n';
import type { SectionProps } from './section';
import { ReviewAgendaView } from './ReviewAgenda';
import { ReviewForm } from './ReviewForm';

/** `#review?va=…&period=YYYY-MM`: the selection lives in the URL, so a reminder can link to it. */
export const reviewHash = (vaId: string, month: string) => `#review?${new URLSearchParams({ va: vaId, period: month })}`;

export const monthLabel = (month: string) =>
  new Intl.DateTimeFormat(uiLanguage(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`));

/**
 * The VAs, then the chosen VA's agenda, then its tasks still open: one chain started right after
 * the first render (a layout effect; useEffect would wait a frame), each step shown as it arrives.
 */
function useReview(vaParam: string | null, month: string) {
  const [state, setState] = useState<{ vas?: Va[]; data?: ReviewData | null; error?: string }>({});
  const [version, setVersion] = useState(0);
  useLayoutEffect(() => {
    let live = true;
    (async () => {
      const vas = await listVas();
      const va = vas.find((v) => v.id === vaParam) ?? vas[0];
      if (!va) { if (live) setState({ vas, data: null }); return; }
      const data = await loadReviewData(va, month);
      if (!live) return;
      // A reload (after the first save) keeps the open tasks shown until they are read again.
      setState((s) => ({ vas, data: s.data?.va.id === va.id && s.data.month === month ? { ...data, open: s.data.open, tasks: new Map([...s.data.tasks, ...data.tasks]) } : data }));
      const full = await loadOpenTasks(data);
      if (live) setState({ vas, data: full });
    })().catch((e: unknown) => { if (live) setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })); });
    return () => { live = false; };
  }, [vaParam, month, version]);
  return { ...state, reload: () => setVersion((v) => v + 1) };
}

/** The review meeting: choose VA and month, see the agenda from the data, hold the check-in. */
export function ReviewPage({ params }: SectionProps) {
  const requested = params.get('period');
  const month = requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : monthKey(new Date());
  const { vas, data, error, reload } = useReview(params.get('va'), month);
  const va = data?.va;
  const months = lastMonths(13);
  if (!months.includes(month)) months.unshift(month);
  const select = (vaId: string, m: string) => { location.hash = reviewHash(vaId, m); };

  return (
    <section class="stack" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('review_heading')}</h2>
      <p class="muted">{t('review_intro')}</p>
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
      {vas?.length === 0 && <p class="empty">{t('review_noVas')}</p>}
      {va && (
        <div class="card row">
          <label>{t('review_va')}
            <select name="va" value={va.id} onChange={(e) => select(e.currentTarget.value, month)}>
              {vas!.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </label>
          <label>{t('review_month')}
            <select name="period" value={month} onChange={(e) => select(va.id, e.currentTarget.value)}>
              {[...months].reverse().map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
            </select>
          </label>
        </div>
      )}
      {va && data.month === month && (
        <>
          <ReviewAgendaView data={data} />
          <ReviewForm key={`${va.id}|${month}`} data={data} onSaved={reload} />
          <PastReviews data={data} />
        </>
      )}
    </section>
  );
}

function PastReviews({ data }: { data: ReviewData }) {
  const day = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' });
  return (
    <section class="card stack" aria-labelledby="review-past-heading">
      <h3 id="review-past-heading">{t('review_pastHeading')}</h3>
      {data.reviews.length === 0 ? <p class="muted">{t('review_pastEmpty')}</p> : (
        <ul data-testid="review-list">
          {data.reviews.map((r) => {
            const m = monthKey(new Date(r.periodStart));
            return (
              <li key={r.id}>
                <a href={reviewHash(r.vaId, m)} aria-current={m === data.month ? 'page' : undefined}>
                  {t('review_pastItem', [monthLabel(m), day.format(new Date(r.updatedAt))])}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
