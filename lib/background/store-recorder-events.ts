import { type Browser, browser } from 'wxt/browser';
import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import type { EventsAck, RecorderEvents } from '../messaging/protocol';
import type { RecorderSettings } from '../messaging/recorder-settings';
import { allowsRecordedPage, compileAllowlist } from '../privacy/allowlist';
import { keptAsIs } from '../privacy/kept-as-is';
import { stripToLevel } from '../privacy/strip-to-level';
import { restrictPath } from '../privacy/structural-words';
import { pageWithinQueryKeys, selectorsWithinStudy } from '../privacy/within-named-terms';
import { recorderSettingsNow } from './recorder-settings-now';

/**
 * Stores a recorder's events. Everything is checked for every event, not once per
 * port: a single-page site moves between paths without a load, a site can be revoked
 * and terms can change while pages stay open. An event is kept only when it was made
 * under the settings in force (events made under other settings are dropped: they may
 * carry what the current ones forbid, and cannot be re-scrubbed here), its own page
 * is allowlisted and not under an excluded path, it names its frame's own origin, and
 * the tab's top page is allowlisted too; what the capture level does not allow is
 * stripped, a path segment that is not structural is replaced, query keys the study
 * does not name are removed, and an event whose selector uses a `data-*` attribute the
 * study does not name is dropped (the recorder should have done all of it already).
 */
export async function storeRecorderEvents(
  message: RecorderEvents,
  sender: Browser.runtime.MessageSender,
  ingest: (items: readonly IngestItem[]) => Promise<IngestOutcome[]>,
  settingsNow: () => Promise<RecorderSettings> = recorderSettingsNow,
): Promise<EventsAck> {
  // Acknowledge even what is discarded, so the recorder does not resend it.
  const acked = message.events.map((entry) => entry.cseq);
  if (!sender.url || !sender.tab || sender.tab.incognito) return { acked };
  const settings = await settingsNow();
  if (!settings.record || !(await topPageAllowed(sender, settings))) return { acked };
  const frameOrigin = new URL(sender.url).origin;
  const { words, kept } = wordsOf(settings);
  const items: IngestItem[] = message.events
    .filter(
      ({ v, draft }) =>
        v === settings.v &&
        draft.page.origin === frameOrigin &&
        allowsRecordedPage(settings.allowlist, draft.page, kept) &&
        selectorsWithinStudy(draft, settings.testIdAttributes, words),
    )
    .map(({ cseq, draft }) => {
      const path = restrictPath(draft.page.path, words);
      const named = pageWithinQueryKeys(draft.page, settings.queryKeys);
      const page = path === named.path ? named : { ...named, path };
      return {
        draft: stripToLevel({ ...draft, page }, settings.captureLevel),
        tabId: sender.tab?.id,
        source: [message.clientId, cseq],
      };
    });
  if (items.length > 0) await ingest(items);
  return { acked };
}

let cachedWords: { v: string; words: ReadonlySet<string>; kept: (s: string) => boolean } | null =
  null;

/** The settings' word set, built once per version of the settings. */
function wordsOf(settings: RecorderSettings) {
  if (cachedWords?.v !== settings.v) {
    const words = new Set(settings.words);
    cachedWords = { v: settings.v, words, kept: keptAsIs(words) };
  }
  return cachedWords;
}

/**
 * A frame's events also need its tab's top page allowlisted, as it is now: the
 * address the port was opened with may be long gone on a single-page site. The top
 * frame's own events name that page, so only framed recorders need the look-up.
 */
async function topPageAllowed(
  sender: Browser.runtime.MessageSender,
  settings: RecorderSettings,
): Promise<boolean> {
  if (sender.frameId === 0) return true;
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return tab?.url !== undefined && compileAllowlist(settings.allowlist)(tab.url);
}
