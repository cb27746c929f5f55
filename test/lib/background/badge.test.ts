import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_ALARM, badgeText, registerTimerBadge, showTimer } from '@/lib/background/badge';
import { timerItem } from '@/lib/storage/items';

describe('the toolbar badge of a running timer', () => {
  it.each([[0, '0m'], [7 * 60_000 + 59_000, '7m'], [59 * 60_000, '59m'], [65 * 60_000, '1:05'], [599 * 60_000, '9:59'], [600 * 60_000, '10h']])(
    'shows %i ms as %s',
    (ms, text) => expect(badgeText(ms)).toBe(text),
  );

  it('shows the elapsed minutes while a timer runs and nothing once it stops', async () => {
    const startedAt = new Date(Date.now() - 12 * 60_000).toISOString();
    await showTimer({ taskKey: 'trello:AbCd1234', startedAt });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('12m');
    expect(await fakeBrowser.alarms.get(BADGE_ALARM)).toMatchObject({ periodInMinutes: 1 });
    await showTimer(null);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.alarms.get(BADGE_ALARM)).toBeUndefined();
  });

  it('follows the stored timer and refreshes on its alarm', async () => {
    registerTimerBadge();
    await timerItem.setValue({ taskKey: 'trello:AbCd1234', startedAt: new Date(Date.now() - 3 * 60_000).toISOString() });
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('3m');
    await timerItem.setValue({ taskKey: 'trello:AbCd1234', startedAt: new Date(Date.now() - 64 * 60_000).toISOString() });
    await fakeBrowser.alarms.onAlarm.trigger({ name: BADGE_ALARM, scheduledTime: Date.now() });
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1:04');
    await timerItem.setValue(null);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
