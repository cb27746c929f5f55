import { listVas } from '@/lib/db';
import { loadReviewData } from '@/lib/db/review-page';
import { lastMonths, monthKey } from '@/lib/kpi/periods';
import { t, uiLanguage } from '@/lib/text/i18n';
import type { SectionProps } from './Dashboard';
import { ReviewAgendaView } from './ReviewAgenda';
import { ReviewForm } from './ReviewForm';
import { useAsync } from '../useAsync';

/** `#review?va=…&period=YYYY-MM`: the selection lives in the URL, so a reminder can link to it. */
export const reviewHash = (vaId: string, month: string) => `#review?${new URLSearchParams({ va: vaId, period: month })}`;

export const monthLabel = (month: string) =>
  new Intl.DateTimeFormat(uiLanguage(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`));

/** The review meeting: choose VA and month, see the agenda from the data, hold the check-in. */
export function ReviewPage({ params }: SectionProps) {
  const vas = useAsync(() => listVas());
  const va = vas.data?.find((v) => v.id === params.get('va')) ?? vas.data?.[0];
  const requested = params.get('period');
  const month = requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : monthKey(new Date());
  const months = lastMonths(13);
  if (!months.includes(month)) months.unshift(month);
  const data = useAsync(async () => (va ? loadReviewData(va, month) : null), [va?.id, month]);
  const select = (vaId: string, m: string) => { location.hash = reviewHash(vaId, m); };

  return (
    <section class="stack" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('review_heading')}</h2>
      <p class="muted">{t('review_intro')}</p>
      {vas.error && <p class="error" role="alert">{t('errorGeneric', vas.error)}</p>}
      {vas.data?.length === 0 && <p class="empty">{t('review_noVas')}</p>}
      {va && (
        <div class="card row">
          <label>{t('review_va')}
            <select name="va" value={va.id} onChange={(e) => select(e.currentTarget.value, month)}>
              {vas.data!.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </label>
          <label>{t('review_month')}
            <select name="period" value={month} onChange={(e) => select(va.id, e.currentTarget.value)}>
              {[...months].reverse().map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
            </select>
          </label>
        </div>
      )}
      {data.error && <p class="error" role="alert">{t('errorGeneric', data.error)}</p>}
      {data.data && data.data.va.id === va?.id && data.data.month === month && (
        <>
          <ReviewAgendaView data={data.data} />
          <ReviewForm key={`${va.id}|${month}`} data={data.data} onSaved={data.reload} />
          <PastReviews data={data.data} />
        </>
      )}
    </section>
  );
}

function PastReviews({ data }: { data: NonNullable<Awaited<ReturnType<typeof loadReviewData>>> }) {
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
