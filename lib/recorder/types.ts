import type { ScrubbedPage } from '../privacy/scrub-url';
import type { ActionGrounding, CaptureLevel, PageEventDraft } from '../schema';
import type { DescribeContext } from './describe-target';
import type { OpenShadowRoot } from './resolve-target';

/** What every observer needs: where to send drafts, and how to describe things. */
export type RecorderContext = DescribeContext & {
  captureLevel: CaptureLevel;
  emit: (draft: PageEventDraft) => void;
  /** The current page, scrubbed; re-read on every event because SPAs change it. */
  page: () => ScrubbedPage;
  /** Scrubs another URL of this page the same way (for in-page navigations). */
  scrub: (url: string) => ScrubbedPage;
  frame: number[];
  now: () => number;
  /**
   * Whether events at this address are recorded now: not paused, allowed, not on an
   * excluded path. Asked before any work on every event, and for the destination of
   * every in-page navigation.
   */
  recordsAt: (url: string) => boolean;
  openShadowRoot?: OpenShadowRoot;
};

/** Whether the page as it is now is recorded (see `recordsAt`): asked first on every event. */
export function recordingHere(context: RecorderContext): boolean {
  return context.recordsAt(location.href);
}

/**
 * Names the observation an action is taken against, and its target's node there
 * (observe-interface.ts); `{}` while there is none. Asked while the action's draft is
 * built, after its gates, so an observation it makes is recorded before the action.
 * `moving`: the action itself moves the page (a scroll), so it is grounded in what was
 * there before it, and the movement does not call for a new observation.
 */
export type Ground = (target: Element | null, moving?: boolean) => { at?: ActionGrounding };

/** Each observer starts listening and stops when the signal aborts. */
export type Observer = (context: RecorderContext, signal: AbortSignal, ground: Ground) => void;

/** Options every observer's window listeners share: capture phase, so pages cannot hide events. */
export function listenerOptions(signal: AbortSignal): AddEventListenerOptions {
  return { capture: true, passive: true, signal };
}
