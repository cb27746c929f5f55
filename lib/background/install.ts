// Opens the database when the extension is installed or updated, so an update's schema upgrade
// (version 2 builds the popup's done-days copy: ~1 s for 50,000 ratings in Chromium) runs then,
// not on the owner's first popup open afterwards.
import { db as defaultDb, type ScorecardDb } from '../db';

export function upgradeDatabaseOnInstall(d: ScorecardDb = defaultDb) {
  browser.runtime.onInstalled.addListener(() => {
    d.open().catch((e: unknown) => console.error('VA Scorecard: the database could not be opened', e));
  });
}
