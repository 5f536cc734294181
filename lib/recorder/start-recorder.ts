import { observeChanges } from './observe-changes';
import { observeClicks } from './observe-clicks';
import { observeClipboard } from './observe-clipboard';
import { observeEdits } from './observe-edits';
import { observeFocus } from './observe-focus';
import { observeHistory } from './observe-history';
import { observeInterface } from './observe-interface';
import { observeKeys } from './observe-keys';
import { observeScroll } from './observe-scroll';
import { observeSubmits } from './observe-submits';
import type { Ground, Observer, RecorderContext } from './types';

const OBSERVERS: Observer[] = [
  observeClicks,
  observeFocus,
  observeEdits,
  observeChanges,
  observeSubmits,
  observeKeys,
  observeClipboard,
  observeScroll,
  observeHistory,
];

export type RecorderOptions = {
  /**
   * Observations of the page's interface, which actions are grounded in (on unless
   * turned off: unit tests of the other observers leave them out).
   */
  observeInterface?: boolean;
};

const UNGROUNDED: Ground = () => ({});

/** Starts every observer; returns the teardown that removes all their listeners. */
export function startRecorder(context: RecorderContext, options: RecorderOptions = {}): () => void {
  const controller = new AbortController();
  const ground =
    options.observeInterface === false ? UNGROUNDED : observeInterface(context, controller.signal);
  for (const observe of OBSERVERS) observe(context, controller.signal, ground);
  return () => controller.abort();
}
