import { browser } from 'wxt/browser';
import { getMeta } from '../db/meta';
import { getDb } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import { isStorageFull } from '../settings/storage-full';
import { badgeFor } from './badge-for';
import { isRecordableUrl } from './is-recordable-url';

let pending: Promise<void> | undefined;
let previous: Promise<void> = Promise.resolve();

/**
 * Shows on every open tab's toolbar button whether that tab is being recorded. Calls
 * arriving while an update runs are folded into one more update after it, which reads
 * the state afresh: an older update can never finish last and leave a stale badge.
 */
export function updateBadges(): Promise<void> {
  if (!pending) {
    const run = previous.then(() => {
      pending = undefined;
      return applyBadges();
    });
    pending = run;
    previous = run.catch(() => undefined);
  }
  return pending;
}

async function applyBadges(): Promise<void> {
  const db = await getDb();
  const [terms, enrollment, reconsent, paused, pausedReason, storageFull, tabs] = await Promise.all(
    [
      getRecordingTerms(db),
      getMeta(db, 'enrollment'),
      getMeta(db, 'reconsent'),
      getMeta(db, 'paused'),
      getMeta(db, 'pausedReason'),
      isStorageFull(),
      browser.tabs.query({}),
    ],
  );
  const awaitingReconsent = enrollment !== undefined && reconsent !== undefined;
  await Promise.all(
    tabs.map(async ({ id: tabId, url }) => {
      if (tabId === undefined) return;
      try {
        const badge = badgeFor({
          terms,
          awaitingReconsent,
          paused: paused ?? false,
          pausedReason,
          storageFull,
          recordable: terms ? await isRecordableUrl(terms, url) : false,
        });
        await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
        await browser.action.setTitle({ tabId, title: badge.title });
        await browser.action.setBadgeText({ tabId, text: badge.text });
      } catch (error) {
        // A tab that closed mid-update has no button left to set; anything else is a bug.
        if (await browser.tabs.get(tabId).catch(() => undefined)) throw error;
      }
    }),
  );
}
