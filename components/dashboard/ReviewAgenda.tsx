// The agenda of a check-in, from the data: KPIs against targets, went well, could be better and
// still open, each task linked to the board.
import type { ReviewData, TaskLink } from '@/lib/db/review-page';
import { categoryName } from '@/lib/files/review-markdown';
import { KPI_NAMES } from '@/lib/model/constants';
import { displayKpi, kpiLabel } from '@/lib/text/format';
import { t, uiLanguage } from '@/lib/text/i18n';

function TaskName({ task }: { task: TaskLink }) {
  return task.url ? <a href={task.url} target="_blank" rel="noreferrer">{task.title}</a> : <>{task.title}</>;
}

export function ReviewAgendaView({ data }: { data: ReviewData }) {
  const lang = uiLanguage();
  const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const calendarDay = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const task = (id: string) => data.tasks.get(id) ?? { title: id, url: null };
  const { card, agenda } = data;
  const kpi = (name: (typeof KPI_NAMES)[number], v: number | null) => displayKpi(name, v, { currency: data.va.currency });
  const shown = KPI_NAMES.filter((k) => card.targets[k] || card.kpis[k] !== null);

  return (
    <section class="card stack" aria-labelledby="review-agenda-heading" data-testid="review-agenda">
      <h3 id="review-agenda-heading">{t('review_agendaHeading')}</h3>
      <div class="table-scroll">
        <table data-testid="review-kpis">
          <caption class="visually-hidden">{t('review_kpisHeading')}</caption>
          <thead><tr><th scope="col">{t('review_colKpi')}</th><th scope="col">{t('review_colValue')}</th><th scope="col">{t('review_colTarget')}</th><th scope="col">{t('review_colStatus')}</th></tr></thead>
          <tbody>
            {shown.map((k) => {
              const check = card.targets[k];
              return (
                <tr key={k} data-kpi={k}>
                  <th scope="row">{kpiLabel(k)}</th>
                  <td>{kpi(k, card.kpis[k])}</td>
                  <td>{check ? `${check.target.op === '>=' ? '≥' : '≤'} ${kpi(k, check.target.value)}` : '—'}</td>
                  <td>{check && <span class={`mark ${check.status}`} data-target={check.status}>
                    {check.status === 'met' ? t('targetMet') : check.status === 'notMet' ? t('targetNotMet') : t('review_noData')}
                  </span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h4>{t('review_wentWellHeading')}</h4>
      <ul data-testid="review-went-well">
        {agenda.wentWell.map((i) => <li key={i.rating.id}><TaskName task={task(i.rating.id)} /> <span class="muted">{t('review_quality', i.rating.quality ?? '—')}</span></li>)}
        {data.goingWell.map((c) => <li key={c.category}>{t('review_categoryGoesWell', [categoryName(c.category, data, t), num.format(c.qualityAvg), c.tasksDone])}</li>)}
        {agenda.wentWell.length === 0 && data.goingWell.length === 0 && <li class="muted">{t('review_nothingListed')}</li>}
      </ul>

      <h4>{t('review_couldBeBetterHeading')}</h4>
      <ul data-testid="review-could-be-better">
        {agenda.couldBeBetter.map((i) => (
          <li key={i.rating.id} data-reasons={i.reasons.join(' ')}>
            <TaskName task={task(i.rating.id)} />{' '}
            <span class="muted">{i.reasons.map((r) => (r === 'overrun' ? t('review_reasonOverrun', num.format(i.ratio!))
              : r === 'late' ? t('review_reasonLate', num.format(i.hoursLate!)) : t('review_reasonError'))).join('; ')}</span>
          </li>
        ))}
        {agenda.couldBeBetter.length === 0 && <li class="muted">{t('review_nothingListed')}</li>}
      </ul>

      <h4>{t('review_openHeading')}</h4>
      <ul data-testid="review-open" aria-busy={data.open === null}>
        {data.open === null && <li class="muted">{t('loading')}</li>}
        {data.open?.map((o) => {
          const due = o.rating.dueAt;
          const when = due === null ? t('review_noDue')
            : t(o.overdue ? 'review_dueOverdue' : 'review_due', due.length === 10 ? calendarDay.format(new Date(`${due}T00:00:00Z`)) : day.format(new Date(due)));
          return <li key={o.rating.id}><TaskName task={task(o.rating.id)} /> <span class={o.overdue ? 'error' : 'muted'}>{when}; {t('review_openDays', o.daysOpen)}</span></li>;
        })}
        {data.open?.length === 0 && <li class="muted">{t('review_nothingListed')}</li>}
      </ul>
    </section>
  );
}
