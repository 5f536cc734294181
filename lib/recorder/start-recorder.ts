import type { PageEventDraft } from '../schema';
import { observeChanges } from './observe-changes';
import { observeClicks } from './observe-clicks';
import { observeClipboard } from './observe-clipboard';
import { observeEdits } from './observe-edits';
import { observeFocus } from './observe-focus';
import { observeHistory } from './observe-history';
import { observeInterface } from './observe-interface';
import { observeKeys } from './observe-keys';
import { scrollObserver } from './observe-scroll';
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
  const scroll = scrollObserver();
  // Every observer records through this: a scroll still settling is recorded before
  // what the volunteer does next, so the trace keeps the order things happened in. Not
  // before an observation, which holds the scroll position itself and may be made while
  // an action's grounding is asked. Other fields are read through to the caller's
  // context, whose settings change while the page lives.
  const ordered: RecorderContext = Object.create(context, {
    emit: {
      value: (draft: PageEventDraft) => {
        if (draft.kind !== 'scroll' && draft.kind !== 'observation') scroll.flush();
        context.emit(draft);
      },
    },
  });
  const ground =
    options.observeInterface === false ? UNGROUNDED : observeInterface(ordered, controller.signal);
  for (const observe of [...OBSERVERS, scroll.observe]) observe(ordered, controller.signal, ground);
  return () => controller.abort();
}
