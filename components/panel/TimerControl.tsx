// Start / stop of the one running timer. The background keeps it (it survives reloads and card
// switches); this only shows it and asks.
import { useEffect, useState } from 'preact/hooks';
import { formatElapsed } from '@/lib/text/duration';
import { t } from '@/lib/text/i18n';
import type { Timer } from '@/lib/model';

export function TimerControl(props: { timer: Timer | null; taskKey: string; busy: boolean; onStart(): void; onStop(): void }) {
  const { timer, taskKey } = props;
  const running = timer?.taskKey === taskKey;
  const elapsed = useElapsed(running ? timer.startedAt : null);
  return (
    <>
      {running
        ? <button type="button" class="timer on" disabled={props.busy} onClick={props.onStop}>{t('panel_timerStop')}</button>
        : <button type="button" class="timer" disabled={props.busy} onClick={props.onStart}>{t('panel_timerStart')}</button>}
      {running && <span role="timer" data-testid="timer-elapsed">{t('panel_timerRunning', elapsed)}</span>}
      {timer && !running && <span class="muted">{t('panel_timerElsewhere')}</span>}
    </>
  );
}

function useElapsed(startedAt: string | null): string {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!startedAt) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [startedAt]);
  return startedAt ? formatElapsed(now - Date.parse(startedAt)) : '';
}
