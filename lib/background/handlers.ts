// The background's answers to content-script messages. Validation happens here, once, for all.
import { db as defaultDb, getTaskRating, listVas, type ScorecardDb } from '../db';
import { addActualMinutes, mapVaIdentity, saveTaskRating, saveVa } from '../db/writes';
import { serve, type Handlers } from '../messages/listen';
import { t } from '../text/i18n';
import { nowIso, type Timer } from '../model';
import { pageStatusItem, timerItem } from '../storage/items';
import { linkAssignee } from '../db/sync';
import { createSyncService, type SyncService } from './sync';
import { scheduleReminders } from './reminders';

export function createHandlers(d: ScorecardDb = defaultDb, sync: SyncService = createSyncService(d)): Handlers {
  // Timer steps read storage, write the database, then write storage: run one at a time, so two
  // tabs pressing stop together bank the minutes once.
  let timerQueue: Promise<unknown> = Promise.resolve();
  function serialised<T>(step: () => Promise<T>): Promise<T> {
    const run = timerQueue.then(step);
    timerQueue = run.catch(() => {});
    return run;
  }

  /** Banks the running timer's minutes, and only then clears it: a failed write keeps it running. */
  async function stopTimer() {
    const timer = await timerItem.getValue();
    if (!timer) return null;
    const minutes = Math.max(0, (Date.now() - Date.parse(timer.startedAt)) / 60_000);
    const rating = await addActualMinutes(timer.taskKey, Math.round(minutes), d).catch((e: unknown) => {
      throw new Error(t('panel_timerNotSaved', e instanceof Error ? e.message : String(e)));
    });
    await timerItem.setValue(null);
    return rating;
  }

  return {
    async 'panel.load'({ task }) {
      const [{ rating }, vas, customCategories, timer] = await Promise.all([
        getTaskRating(task.key, d), listVas(d), d.categories.toArray(), timerItem.getValue(),
      ]);
      return { rating, vas, customCategories, timer };
    },
    async 'rating.save'({ task, patch, proposed }) {
      return saveTaskRating(task, patch, d, proposed);
    },
    async 'va.create'({ name, identity }) {
      return saveVa({ name, identities: identity ? [identity] : [] }, d);
    },
    async 'va.mapIdentity'({ vaId, identity }) {
      return mapVaIdentity(vaId, identity, d);
    },
    async 'page.status'({ platform, recognised }, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      await pageStatusItem(tabId).setValue({ platform, recognised, url: sender.tab?.url ?? null });
    },
    async 'timer.start'({ task }) {
      return serialised(async () => {
        await stopTimer(); // one timer at a time: starting another banks the running one
        await saveTaskRating(task, {}, d);
        const timer: Timer = { taskKey: task.key, startedAt: nowIso() };
        await timerItem.setValue(timer);
        return timer;
      });
    },
    async 'timer.stop'() {
      return serialised(stopTimer);
    },
    async 'sync.test'({ platform, token }) {
      return { account: await sync.test(platform, token) };
    },
    async 'sync.connect'({ platform, token }) {
      return sync.connect(platform, token);
    },
    async 'sync.boards'({ platform }) {
      return sync.boards(platform);
    },
    async 'sync.choose'({ platform, boards }) {
      return sync.choose(platform, boards);
    },
    async 'sync.run'(filter) {
      return sync.run(filter);
    },
    async 'sync.disconnect'({ platform }) {
      return sync.disconnect(platform);
    },
    async 'sync.linkAssignee'({ vaId, identity }) {
      return linkAssignee(vaId, identity, d);
    },
    async 'reminders.sync'() {
      await scheduleReminders(d);
    },
  };
}

export function registerHandlers(sync: SyncService = createSyncService(), handlers: Handlers = createHandlers(defaultDb, sync)) {
  serve(handlers);
}
