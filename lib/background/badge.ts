// The running timer's elapsed minutes on the toolbar badge. The service worker sleeps, so a
// once-a-minute alarm (which wakes it) refreshes the text; the timer itself lives in storage.
import type { Timer } from '../model';
import { timerItem } from '../storage/items';

export const BADGE_ALARM = 'timer-badge';

/** At most four characters: `7m`, `59m`, `1:05`, `9:59`, then `10h`. */
export function badgeText(elapsedMs: number): string {
  const minutes = Math.max(0, Math.floor(elapsedMs / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const h = Math.floor(minutes / 60);
  return h < 10 ? `${h}:${String(minutes % 60).padStart(2, '0')}` : `${h}h`;
}

// MV3 has `action`; the Firefox MV2 build has `browserAction`.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export async function showTimer(timer: Timer | null, now = Date.now()) {
  if (!timer) {
    await Promise.all([action().setBadgeText({ text: '' }), browser.alarms.clear(BADGE_ALARM)]);
    return;
  }
  await action().setBadgeBackgroundColor({ color: '#0f766e' });
  await action().setBadgeText({ text: badgeText(now - Date.parse(timer.startedAt)) });
  if (!(await browser.alarms.get(BADGE_ALARM))) await browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
}

/** Registers synchronously (the worker may have been woken by the alarm itself). */
export function registerTimerBadge() {
  // One refresh at a time, each reading the timer afresh: a late answer never undoes a newer one.
  let chain: Promise<unknown> = Promise.resolve();
  const refresh = () => {
    chain = chain.then(() => timerItem.getValue()).then((t) => showTimer(t)).catch(() => { /* next tick retries */ });
  };
  browser.alarms.onAlarm.addListener((alarm) => { if (alarm.name === BADGE_ALARM) refresh(); });
  timerItem.watch(refresh);
  refresh(); // after a browser restart the badge starts empty
}
