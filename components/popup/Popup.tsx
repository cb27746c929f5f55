import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { t } from '@/lib/text/i18n';
import { loadSummary, withComparison, type Summary } from '@/lib/db/summary';
import type { PeriodChoice } from '@/lib/kpi/periods';
import { ExportButtons } from './ExportButtons';
import { PageStatusNotice } from './PageStatusNotice';
import { PeriodPicker } from './PeriodPicker';
import { VaCard } from './VaCard';

export function Popup() {
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'thisMonth' });
  const { summary, error } = useSummary(choice);
  const dashboardUrl = browser.runtime.getURL('/dashboard.html');
  const cards = summary?.cards ?? [];
  const shownCards = useFirstScreenFirst(cards);
  const anyDone = cards.some((c) => (c.kpis.tasksDone ?? 0) > 0);

  return (
    <div class="popup stack">
      <header class="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h1 style={{ margin: 0 }}>{t('popupTitle')}</h1>
        <a href={dashboardUrl} target="_blank">{t('openDashboard')}</a>
      </header>
      <PageStatusNotice />
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
      {!summary && !error && <p class="muted">{t('loading')}</p>}
      {summary && cards.length === 0 && (
        <div class="empty" data-testid="popup-empty">
          <h2>{t('popupEmptyTitle')}</h2>
          <p>{t('popupEmptyBody')}</p>
          <a class="button primary" href={dashboardUrl} target="_blank">{t('popupAddFirstVa')}</a>
        </div>
      )}
      {summary && cards.length > 0 && (
        <>
          <PeriodPicker value={choice} onChange={setChoice} />
          {!anyDone && <p class="empty" data-testid="popup-no-ratings">{t('popupNoRatings')}</p>}
          <div class="stack" data-testid="popup-vas">
            {shownCards.map((card) => <VaCard key={card.va.id} card={card} />)}
          </div>
          <ExportButtons summary={summary} />
        </>
      )}
    </div>
  );
}

/** Cards that fill the popup's first screen (it is at most 600 px tall). */
const FIRST_SCREEN_CARDS = 3;

/**
 * The first screen of cards renders at once and the rest right after that frame is painted, so
 * with many VAs the owner does not wait for cards below the fold to be built and laid out.
 */
function useFirstScreenFirst<T>(cards: T[]): T[] {
  const [all, setAll] = useState(false);
  const waiting = !all && cards.length > FIRST_SCREEN_CARDS;
  useEffect(() => {
    if (!waiting) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame callback runs before the paint; the timeout after it runs once the frame is out.
    const frame = requestAnimationFrame(() => { timer = setTimeout(() => setAll(true)); });
    return () => { cancelAnimationFrame(frame); clearTimeout(timer); };
  }, [waiting]);
  return waiting ? cards.slice(0, FIRST_SCREEN_CARDS) : cards;
}

/** Shows this period's KPIs as soon as they are read, then adds the comparison. */
function useSummary(choice: PeriodChoice) {
  const [state, setState] = useState<{ summary?: Summary; error?: string }>({});
  // A layout effect starts the read right after the first render; useEffect would wait a frame.
  useLayoutEffect(() => {
    let current = true;
    const show = (summary: Summary) => { if (current) setState({ summary }); return summary; };
    loadSummary(choice, undefined, undefined, FIRST_SCREEN_CARDS).then(show).then(withComparison).then(show)
      .catch((e: unknown) => { if (current) setState({ error: e instanceof Error ? e.message : String(e) }); });
    return () => { current = false; };
  }, [JSON.stringify(choice)]);
  return state;
}
