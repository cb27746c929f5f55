// Check-in reminders: one alarm per VA whose latest review names a next check-in, a notification
// when it goes off (only with the optional permission), and a click that opens that VA's review.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ScorecardDb } from '@/lib/db';
import { saveReview } from '@/lib/db/reviews';
import { saveVa } from '@/lib/db/writes';
import { BADGE_ALARM } from '@/lib/background/badge';
import { REMINDER_ALARM_PREFIX, registerReminders, scheduleReminders } from '@/lib/background/reminders';
import { createHandlers } from '@/lib/background/handlers';
import { dispatch } from '@/lib/messages/listen';

let d: ScorecardDb;
let granted: boolean;
beforeEach(() => {
  d = new ScorecardDb(`test-${crypto.randomUUID()}`);
  granted = true;
  // The fake browser has no permissions API; the optional notifications permission is asked for in the review form.
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async () => granted),
    onAdded: { addListener: vi.fn(), hasListener: () => false },
  });
});

const october = { periodStart: '2026-09-30T22:00:00.000Z', periodEnd: '2026-10-31T23:00:00.000Z' };
const november = { periodStart: '2026-10-31T23:00:00.000Z', periodEnd: '2026-11-30T23:00:00.000Z' };
const reminders = async () => (await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith(REMINDER_ALARM_PREFIX))
  .map((a) => [a.name.slice(REMINDER_ALARM_PREFIX.length), new Date(a.scheduledTime).toISOString()]).sort();

describe('check-in reminders', () => {
  it('schedules one alarm per VA at the next check-in of its latest review, and leaves other alarms alone', async () => {
    const sanne = await saveVa({ name: 'Sanne' }, d);
    const joost = await saveVa({ name: 'Joost' }, d);
    await saveReview({ id: 'r1', vaId: sanne.id, ...october }, { nextCheckIn: '2026-11-28T08:00:00.000Z' }, d);
    await saveReview({ id: 'r2', vaId: sanne.id, ...november }, { nextCheckIn: '2026-12-31T08:00:00.000Z' }, d);
    // Joost's November review has no date: his October reminder no longer applies.
    await saveReview({ id: 'r3', vaId: joost.id, ...october }, { nextCheckIn: '2026-11-30T08:00:00.000Z' }, d);
    await saveReview({ id: 'r4', vaId: joost.id, ...november }, { nextCheckIn: null }, d);
    await fakeBrowser.alarms.create(`${REMINDER_ALARM_PREFIX}gone-va`, { when: Date.now() + 60_000 });
    await fakeBrowser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });

    await scheduleReminders(d);
    expect(await reminders()).toEqual([[sanne.id, '2026-12-31T08:00:00.000Z']]);
    expect(await fakeBrowser.alarms.get(BADGE_ALARM)).toBeDefined();
  });

  it('a date changed in the review form moves the alarm when the page asks the background', async () => {
    const sanne = await saveVa({ name: 'Sanne' }, d);
    await saveReview({ id: 'r1', vaId: sanne.id, ...november }, { nextCheckIn: '2026-12-31T08:00:00.000Z' }, d);
    const handlers = createHandlers(d);
    await dispatch(handlers, 'reminders.sync', undefined, { id: fakeBrowser.runtime.id } as never);
    await saveReview({ id: 'r1', vaId: sanne.id, ...november }, { nextCheckIn: '2027-01-07T08:00:00.000Z' }, d);
    await dispatch(handlers, 'reminders.sync', undefined, { id: fakeBrowser.runtime.id } as never);
    expect(await reminders()).toEqual([[sanne.id, '2027-01-07T08:00:00.000Z']]);
  });

  it('shows a notification naming the VA when the alarm goes off, once; a click opens that VA\'s review', async () => {
    const sanne = await saveVa({ name: 'Sanne de Vries' }, d);
    const due = new Date(Date.now() - 60_000).toISOString();
    await saveReview({ id: 'r1', vaId: sanne.id, ...november }, { nextCheckIn: due }, d);
    registerReminders(d);
    await scheduleReminders(d);
    await fakeBrowser.alarms.onAlarm.trigger({ name: `${REMINDER_ALARM_PREFIX}${sanne.id}`, scheduledTime: Date.now() });
    await expect.poll(async () => Object.values(await fakeBrowser.notifications.getAll())).toHaveLength(1);
    const [[id, shown]] = Object.entries(await fakeBrowser.notifications.getAll()) as unknown as [[string, { title: string }]];
    expect(shown.title).toBe('Check-in with Sanne de Vries');

    await fakeBrowser.notifications.onClicked.trigger(id);
    await expect.poll(async () => (await fakeBrowser.tabs.query({})).map((t) => t.url))
      .toContain(`chrome-extension://test-extension-id/dashboard.html#review?va=${sanne.id}`);

    // The browser restarts: the reminder that was shown is not scheduled again.
    await fakeBrowser.notifications.clear(id);
    await scheduleReminders(d);
    expect(await reminders()).toEqual([]);
  });

  it('without the notifications permission nothing is shown, and the reminder waits for a later start', async () => {
    granted = false;
    const sanne = await saveVa({ name: 'Sanne' }, d);
    await saveReview({ id: 'r1', vaId: sanne.id, ...november }, { nextCheckIn: new Date(Date.now() - 60_000).toISOString() }, d);
    registerReminders(d);
    await scheduleReminders(d);
    await fakeBrowser.alarms.onAlarm.trigger({ name: `${REMINDER_ALARM_PREFIX}${sanne.id}`, scheduledTime: Date.now() });
    await new Promise((r) => setTimeout(r, 20));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    await scheduleReminders(d);
    expect((await reminders()).map(([va]) => va)).toEqual([sanne.id]);
  });
});
