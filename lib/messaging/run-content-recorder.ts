import { browser } from 'wxt/browser';
import { scrubUrl } from '../privacy/scrub-url';
import { framePathOf } from '../recorder/frame-path';
import type { OpenShadowRoot } from '../recorder/resolve-target';
import { startRecorder } from '../recorder/start-recorder';
import { createEventSender, type EventPort } from './create-event-sender';
import type { RecorderConfig } from './protocol';
import { RECORDER_PORT } from './recorder-port';

// The content script checks shapes by hand instead of with zod: it runs in every
// granted frame, so its bundle stays small. The background validates everything.
function isActiveConfig(value: unknown): value is Extract<RecorderConfig, { record: true }> {
  return typeof value === 'object' && value !== null && (value as RecorderConfig).record === true;
}

function pausedState(message: unknown): boolean | null {
  if (typeof message !== 'object' || message === null) return null;
  const candidate = message as { type?: unknown; paused?: unknown };
  return candidate.type === 'recorder/state' && typeof candidate.paused === 'boolean'
    ? candidate.paused
    : null;
}

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

/**
 * The content script's life: ask the background whether this frame may be recorded,
 * then record until paused, and stop for good when the extension context goes away.
 */
export async function runContentRecorder(signal: AbortSignal): Promise<void> {
  // Joining or reinjection may run the script again in a frame that already records;
  // scripts of one extension instance share this isolated world, pages never see it.
  const scope = globalThis as { tasktraceRecorderActive?: boolean };
  if (scope.tasktraceRecorderActive) return;
  scope.tasktraceRecorderActive = true;
  signal.addEventListener('abort', () => {
    scope.tasktraceRecorderActive = false;
  });
  let config: unknown;
  try {
    config = await browser.runtime.sendMessage({ type: 'recorder/hello' });
  } catch {
    return;
  }
  if (!isActiveConfig(config) || signal.aborted) return;
  const settings = config;

  const sender = createEventSender(
    () => browser.runtime.connect({ name: RECORDER_PORT }) as EventPort,
    signal,
  );
  const frame = framePathOf(window);
  const passwordsSeen = new WeakSet<Element>();
  // Every event names its page: scrub the address once per address, not once per event.
  let scrubbed: { href: string; page: ReturnType<typeof scrubUrl> } | null = null;
  const page = () => {
    if (scrubbed?.href !== location.href) {
      scrubbed = { href: location.href, page: scrubUrl(location.href, settings) };
    }
    return scrubbed.page;
  };
  let stop: (() => void) | null = null;

  const start = () => {
    stop ??= startRecorder({
      captureLevel: settings.captureLevel,
      testIdAttributes: settings.testIdAttributes,
      passwordsSeen,
      frame,
      now: Date.now,
      page,
      scrub: (url) => scrubUrl(url, settings),
      openShadowRoot: extensionShadowRootAccessor(),
      emit: (draft) => sender.push(draft),
    });
  };
  const halt = () => {
    stop?.();
    stop = null;
  };

  const onMessage = (message: unknown) => {
    const paused = pausedState(message);
    if (paused === true) halt();
    if (paused === false) start();
  };
  browser.runtime.onMessage.addListener(onMessage);
  // Resend what is unacknowledged whenever the page may have lost a message: leaving,
  // hiding, or coming back from the back/forward cache.
  window.addEventListener('pagehide', () => sender.flush(), { signal });
  window.addEventListener('pageshow', () => sender.flush(), { signal });
  document.addEventListener('visibilitychange', () => sender.flush(), { signal });
  signal.addEventListener('abort', () => {
    halt();
    browser.runtime.onMessage.removeListener(onMessage);
  });
  if (!settings.paused) start();
}
