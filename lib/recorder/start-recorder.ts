import { observeClicks } from './observe-clicks';
import type { Observer, RecorderContext } from './types';

const OBSERVERS: Observer[] = [observeClicks];

/** Starts every observer; returns the teardown that removes all their listeners. */
export function startRecorder(context: RecorderContext): () => void {
  const controller = new AbortController();
  for (const observe of OBSERVERS) observe(context, controller.signal);
  return () => controller.abort();
}
