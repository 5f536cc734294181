import { afterEach } from 'vitest';
import { scrubUrl } from '../../../lib/privacy/scrub-url';
import { structuralWordSet } from '../../../lib/privacy/structural-words';
import { startRecorder } from '../../../lib/recorder/start-recorder';
import type { CaptureLevel, PageEventDraft } from '../../../lib/schema';

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

/** Starts the real recorder on the test document and collects what it emits. */
export function record(
  captureLevel: CaptureLevel = 'structure',
  recordsAt: (url: string) => boolean = () => true,
) {
  const drafts: PageEventDraft[] = [];
  // The built-in structural words, as the background hands them to every recorder.
  const words = structuralWordSet({});
  const stop = startRecorder(
    {
      captureLevel,
      testIdAttributes: ['data-testid'],
      words,
      passwordsSeen: new WeakSet(),
      frame: [],
      now: () => 1_000,
      page: () => ({ origin: 'https://shop.example', path: '/cart' }),
      scrub: (url) => scrubUrl(url, { words }),
      recordsAt,
      emit: (draft) => drafts.push(draft),
    },
    // Observations have their own tests (observe-interface*.test.ts).
    { observeInterface: false },
  );
  stops.push(stop);
  return { drafts, stop };
}

/** happy-dom cannot make trusted events; the recorder ignores untrusted ones. */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
