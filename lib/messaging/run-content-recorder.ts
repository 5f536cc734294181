import { browser } from 'wxt/browser';
import { compileSites } from '../privacy/allows-address';
import { type ScrubbedPage, scrubUrl } from '../privacy/scrub-url';
import { framePathOf } from '../recorder/frame-path';
import type { OpenShadowRoot } from '../recorder/resolve-target';
import { startRecorder } from '../recorder/start-recorder';
import type { RecorderContext } from '../recorder/types';
import type { PageEventDraft } from '../schema';
import { createEventSender, type EventPort } from './create-event-sender';
import { OUTBOX_PREFIX, type RecorderOutbox } from './recorder-outbox';
import { RECORDER_PORT } from './recorder-port';
import {
  BEFORE_SETTINGS,
  isRecorderSettings,
  RECORDER_SETTINGS_KEY,
  type RecorderSettings,
} from './recorder-settings';

/**
 * Closed shadow roots are hidden from pages but not from extensions: Chromium offers
 * `chrome.dom.openOrClosedShadowRoot`, Firefox `element.openOrClosedShadowRoot`.
 */
function extensionShadowRootAccessor(): OpenShadowRoot {
  const dom = (
    globalThis as {
      chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } };
    }
  ).chrome?.dom;
  return (host) => {
    try {
      if (dom?.openOrClosedShadowRoot) return dom.openOrClosedShadowRoot(host) ?? null;
      return (
        (host as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ??
        null
      );
    } catch {
      return null;
    }
  };
}

/** Drafts made before the settings were read, with the address each page was scrubbed from. */
type Held = { draft: PageEventDraft; url: string };

/**
 * The content script's life. It listens from `document_start`, before it knows its
 * settings, at the strictest level (`structure`, no test ids, no route templates, no
 * structural words), and holds what it records until the settings arrive from
 * storage, a read that does not wait for the background to wake. Then it sends what
 * it held (or drops it, if this frame may not record) and follows every change of
 * the settings from then on. Each event is checked where it happens: paused, not
 * allowed, or on an excluded path (single-page sites change paths without a load),
 * the recorder does no work at all. `onReady` lets the bench build time start-up.
 */
export async function runContentRecorder(
  onReady?: (applyMs: number) => void,
  controller = new AbortController(),
): Promise<void> {
  const { signal } = controller;
  // Joining or reinjection may run the script again in a frame that already records, and
  // an extension reload leaves the old recorder behind with a dead extension context.
  // Both run in this isolated world, which pages never see: a live recorder keeps the
  // frame, a dead one gives it up.
  const scope = globalThis as { tasktraceRecorder?: { alive(): boolean; stop(): void } };
  if (scope.tasktraceRecorder?.alive()) return;
  scope.tasktraceRecorder?.stop();
  const alive = () => !signal.aborted && browser.runtime?.id !== undefined;
  scope.tasktraceRecorder = { alive, stop: () => controller.abort() };

  const sender = createEventSender(() => {
    try {
      return browser.runtime.connect({ name: RECORDER_PORT }) as EventPort;
    } catch (error) {
      // The extension was reloaded or removed: this recorder is done.
      if (!alive()) controller.abort();
      throw error;
    }
  }, signal);
  let settings: RecorderSettings | null = null;
  let held: Held[] | null = [];
  /** A framed recorder stays silent when the tab's top page may not be recorded. */
  let topAllowed = true;
  let allows: (url: string) => boolean = () => false;
  let words: ReadonlySet<string> = new Set();
  const verdicts = new Map<string, boolean>();
  const recordsAt = (url: string) => {
    if (!settings) return held !== null;
    if (!settings.record || !topAllowed) return false;
    let verdict = verdicts.get(url);
    if (verdict === undefined) {
      verdict = allows(url);
      if (verdicts.size >= 64) verdicts.clear();
      verdicts.set(url, verdict);
    }
    return verdict;
  };

  // Every event names its page: scrub each address once, not once per event. The
  // address each page came from is kept in memory only, to scrub held events again.
  const sources = new WeakMap<ScrubbedPage, string>();
  let scrubbed = new Map<string, ScrubbedPage>();
  const scrub = (url: string) => {
    let page = scrubbed.get(url);
    if (!page) {
      page = scrubUrl(url, {
        routeTemplates: settings?.routeTemplates,
        queryKeys: settings?.queryKeys,
        words,
      });
      sources.set(page, url);
      if (scrubbed.size >= 32) scrubbed = new Map();
      scrubbed.set(url, page);
    }
    return page;
  };

  const context: RecorderContext = {
    captureLevel: 'structure',
    testIdAttributes: [],
    passwordsSeen: new WeakSet<Element>(),
    frame: framePathOf(window),
    now: Date.now,
    page: () => scrub(location.href),
    scrub,
    recordsAt,
    openShadowRoot: extensionShadowRootAccessor(),
    emit: (draft) => {
      if (settings) {
        if (recordsAt(sources.get(draft.page) ?? location.href)) push(draft, settings.v);
      } else held?.push({ draft, url: sources.get(draft.page) ?? location.href });
    },
  };

  // Until the background has answered once it may be stopped, and a message on a port it
  // has not yet opened dies with the page (a link clicked right after a load): each
  // task's events also go to the outbox, which the browser writes even then.
  let outboxQueued = false;
  const writeOutbox = () => {
    outboxQueued = false;
    const left = sender.unacknowledged();
    if (!left) return;
    const outbox: RecorderOutbox = { ...left, origin: location.origin, top: window === top };
    browser.storage.local.set({ [OUTBOX_PREFIX + left.clientId]: outbox }).catch(() => {});
  };
  const push = (draft: PageEventDraft, v: string) => {
    sender.push(draft, v);
    if (sender.answered || outboxQueued) return;
    outboxQueued = true;
    queueMicrotask(writeOutbox);
  };

  const apply = (value: unknown) => {
    // Removed or unreadable settings record nothing.
    const next = isRecorderSettings(value) ? value : settings && { ...settings, record: false };
    if (!next) return;
    settings = next;
    allows = compileSites(next.sites);
    words = new Set(next.words);
    verdicts.clear();
    scrubbed = new Map();
    context.captureLevel = next.captureLevel;
    context.testIdAttributes = next.testIdAttributes;
    context.words = words;
    const waiting = held ?? [];
    held = null;
    for (const { draft, url } of waiting) {
      if (recordsAt(url)) push({ ...draft, page: scrub(url) } as PageEventDraft, next.v);
    }
  };

  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[RECORDER_SETTINGS_KEY];
    if (area === 'local' && change) apply(change.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  const stop = startRecorder(context);
  // Resend what is unacknowledged whenever the page may have lost a message: leaving,
  // hiding, or coming back from the back/forward cache.
  const flush = (event: Event) => {
    if (event.isTrusted) sender.flush();
  };
  // Leaving: what the background has not acknowledged also goes to the outbox, and so
  // does what was held, if the settings are still unread (a link clicked right after a
  // load, while the browser was slow to answer): it was made at the strictest level, and
  // the background judges its scrubbed page by the study's terms alone.
  window.addEventListener(
    'pagehide',
    (event) => {
      if (!event.isTrusted) return;
      if (!settings && held?.length) {
        for (const { draft } of held) sender.push(draft, BEFORE_SETTINGS);
        held = [];
      }
      writeOutbox();
    },
    { signal },
  );
  window.addEventListener('pagehide', flush, { signal });
  window.addEventListener('pageshow', flush, { signal });
  document.addEventListener('visibilitychange', flush, { signal });
  signal.addEventListener('abort', () => {
    stop();
    browser.storage.onChanged.removeListener(onChanged);
  });

  try {
    const [stored] = await Promise.all([
      browser.storage.local.get(RECORDER_SETTINGS_KEY),
      window === window.top ? undefined : askTopAllowed().then((answer) => (topAllowed = answer)),
    ]);
    // A change heard meanwhile is newer than what was read.
    const start = performance.now();
    if (!settings) apply(stored[RECORDER_SETTINGS_KEY]);
    onReady?.(performance.now() - start);
  } catch {
    // The extension context is gone (reloaded or removed).
  }
  // Without readable settings nothing is recorded: held events are dropped.
  held = null;
}

async function askTopAllowed(): Promise<boolean> {
  try {
    const answer = (await browser.runtime.sendMessage({ type: 'recorder/hello' })) as {
      record?: unknown;
    } | null;
    return answer?.record === true;
  } catch {
    return false;
  }
}
