import { observeChanges } from './observe-changes';
import { observeClicks } from './observe-clicks';
import { observeClipboard } from './observe-clipboard';
import { observeEdits } from './observe-edits';
import { observeFocus } from './observe-focus';
import { observeHistory } from './observe-history';
import { observeKeys } from './observe-keys';
import { observeScroll } from './observe-scroll';
import { observeSubmits } from './observe-submits';
import type { Observer, RecorderContext } from './types';

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

/** Starts every observer; returns the teardown that removes all their listeners. */
export function startRecorder(context: RecorderContext): () => void {
  const controller = new AbortController();
  for (const observe of OBSERVERS) observe(context, controller.signal);
  return () => controller.abort();
}
