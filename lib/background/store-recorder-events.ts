import { type Browser, browser } from 'wxt/browser';
import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import type { EventsAck, RecorderEvents } from '../messaging/protocol';
import { BEFORE_SETTINGS, type RecorderSettings } from '../messaging/recorder-settings';
import { compileAllowlist, recordedPageCheck } from '../privacy/allowlist';
import { keptAsIs } from '../privacy/kept-as-is';
import { stripToLevel } from '../privacy/strip-to-level';
import { restrictPath } from '../privacy/structural-words';
import { pageWithinQueryKeys, selectorsWithinStudy } from '../privacy/within-named-terms';
import { compileObservationCheck, type ObservationCheck } from '../privacy/within-observation';
import { recorderSettingsNow } from './recorder-settings-now';

/**
 * Stores a recorder's events. Everything is checked for every event, not once per
 * port: a single-page site moves between paths without a load, a site can be revoked
 * and terms can change while pages stay open. An event is kept only when it was made
 * under the settings in force (events made under other settings are dropped: they may
 * carry what the current ones forbid, and cannot be re-scrubbed here) or before any
 * (BEFORE_SETTINGS: made at the strictest level by a page that left before it could
 * read its settings, so only these checks judge them), its own page
 * is allowlisted and not under an excluded path, it names its frame's own origin, and
 * the tab's top page is allowlisted too; what the capture level does not allow is
 * stripped, a path segment that is not structural is replaced, query keys the study
 * does not name are removed, and an event whose selector uses a `data-*` attribute the
 * study does not name is dropped (the recorder should have done all of it already).
 * An observation's nodes are held to the same terms (within-observation.ts): names
 * the level does not allow go, link paths that are not certainly allowed go, and tags
 * and roles the page made up are replaced. An action's `at` (which observation, which
 * node: a document id and two numbers) travels with its event and goes with it.
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
  const terms = termsOf(settings);
  const { words } = terms;
  // Which terms judge an event follows from the settings it was made under, or none.
  const termsFor = (v: string): PageTerms | null =>
    v === settings.v ? terms : v === BEFORE_SETTINGS ? terms.beforeSettings : null;
  const items: IngestItem[] = message.events.flatMap(({ cseq, v, draft }) => {
    const judge = termsFor(v);
    if (
      !judge ||
      draft.page.origin !== frameOrigin ||
      !judge.allows(draft.page.origin, draft.page.path) ||
      !selectorsWithinStudy(draft, settings.testIdAttributes, words)
    ) {
      return [];
    }
    const path = restrictPath(draft.page.path, words);
    const named = pageWithinQueryKeys(draft.page, settings.queryKeys);
    const page = path === named.path ? named : { ...named, path };
    return [
      {
        draft: judge.observation(stripToLevel({ ...draft, page }, settings.captureLevel)).event,
        tabId: sender.tab?.id,
        source: [message.clientId, cseq] as [string, number],
      },
    ];
  });
  if (items.length > 0) await ingest(items);
  return { acked };
}

type PageTerms = {
  /** Whether a recorded address is certainly allowed (verdicts remembered). */
  allows: (origin: string, path: string) => boolean;
  observation: ObservationCheck;
};

type CompiledTerms = PageTerms & {
  v: string;
  words: ReadonlySet<string>;
  /**
   * The same for events made before the settings were read: scrubbed without the
   * study's words, so a placeholder may stand for any segment, a structural word too.
   */
  beforeSettings: PageTerms;
};

let cachedTerms: CompiledTerms | null = null;

/**
 * The settings' word set and checks, built once per version of the settings: an
 * observation can hold 1,500 nodes, and ingest must keep up with thousands of events a
 * second, so nothing is compiled per event or per node.
 */
function termsOf(settings: RecorderSettings): CompiledTerms {
  if (cachedTerms?.v !== settings.v) {
    const words = new Set(settings.words);
    const pageTerms = (kept: ReadonlySet<string>): PageTerms => {
      const allows = recordedPageCheck(settings.allowlist, keptAsIs(kept));
      const observation = compileObservationCheck({
        captureLevel: settings.captureLevel,
        words,
        allowsPage: allows,
      });
      return { allows, observation };
    };
    cachedTerms = {
      v: settings.v,
      words,
      ...pageTerms(words),
      beforeSettings: pageTerms(new Set()),
    };
  }
  return cachedTerms;
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
