// Check-in reminders. Per VA, the latest review (by period) names the next check-in; an alarm per
// VA goes off then and shows a notification, which opens that VA's review. Notifications are an
// optional permission, asked for in the review form on the owner's click: without it an alarm
// shows nothing and the reminder stays due, so it shows on a later start once allowed. Alarms do
// not survive every browser restart, so the background schedules again on each start.
import { db as defaultDb, type ScorecardDb } from '../db';
import type { Review } from '../model';
import { remindersShownItem } from '../storage/items';
import { t } from '../text/i18n';

export const REMINDER_ALARM_PREFIX = 'review-reminder:';

/** Per VA, its latest review when that review names a next check-in. */
function dueReviews(reviews: readonly Review[]): Map<string, Review> {
  const latest = new Map<string, Review>();
  for (const r of reviews) {
    const seen = latest.get(r.vaId);
    if (!seen || r.periodStart > seen.periodStart || (r.periodStart === seen.periodStart && r.updatedAt > seen.updatedAt)) latest.set(r.vaId, r);
  }
  for (const [vaId, r] of latest) if (r.nextCheckIn === null) latest.delete(vaId);
  return latest;
}

/** Makes the alarms match the reviews: one per VA with a check-in not yet reminded of. */
export async function scheduleReminders(d: ScorecardDb = defaultDb): Promise<void> {
  const [reviews, shown, alarms] = await Promise.all([d.reviews.toArray(), remindersShownItem.getValue(), browser.alarms.getAll()]);
  const wanted = new Map<string, number>();
  for (const [vaId, r] of dueReviews(reviews)) {
    if (shown[r.id] !== r.nextCheckIn) wanted.set(`${REMINDER_ALARM_PREFIX}${vaId}`, Date.parse(r.nextCheckIn!));
  }
  for (const alarm of alarms) {
    if (alarm.name.startsWith(REMINDER_ALARM_PREFIX) && !wanted.has(alarm.name)) await browser.alarms.clear(alarm.name);
  }
  for (const [name, when] of wanted) {
    if (alarms.find((a) => a.name === name)?.scheduledTime !== when) await browser.alarms.create(name, { when });
  }
}

async function remind(vaId: string, d: ScorecardDb): Promise<void> {
  const review = dueReviews(await d.reviews.where('[vaId+periodStart]').between([vaId, ''], [vaId, '\uffff']).toArray()).get(vaId);
  if (!review || Date.parse(review.nextCheckIn!) > Date.now() + 60_000) return; // moved since
  const shown = await remindersShownItem.getValue();
  if (shown[review.id] === review.nextCheckIn) return;
  if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  const va = await d.vas.get(vaId);
  await browser.notifications.create(`${REMINDER_ALARM_PREFIX}${vaId}`, {
    type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('review_reminderTitle', va?.name ?? ''), message: t('review_reminderBody'),
  });
  await remindersShownItem.setValue({ ...shown, [review.id]: review.nextCheckIn! });
}

function onNotificationClicked(id: string) {
  if (!id.startsWith(REMINDER_ALARM_PREFIX)) return;
  const vaId = id.slice(REMINDER_ALARM_PREFIX.length);
  void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html#review?${new URLSearchParams({ va: vaId })}`) });
  void browser.notifications.clear(id);
}

/** Registers synchronously (the worker may have been woken by the alarm or the click itself). */
export function registerReminders(d: ScorecardDb = defaultDb) {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(REMINDER_ALARM_PREFIX)) {
      remind(alarm.name.slice(REMINDER_ALARM_PREFIX.length), d).catch((e: unknown) => console.error('VA Scorecard: reminder failed', e));
    }
  });
  // The notifications API exists only once the optional permission is granted.
  const listen = () => {
    if (browser.notifications && !browser.notifications.onClicked.hasListener(onNotificationClicked)) browser.notifications.onClicked.addListener(onNotificationClicked);
  };
  listen();
  browser.permissions.onAdded.addListener(listen);
  scheduleReminders(d).catch((e: unknown) => console.error('VA Scorecard: scheduling reminders failed', e));
}
