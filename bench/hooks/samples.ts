/**
 * Timings the bench build collects inside the content script's isolated world, one
 * store per document. Only the bench build imports this (see bench/wxt.config.ts).
 */

/** One run of a content-script listener or timer callback. */
export type HandlerSample = {
  /** The event type (`click`, `scroll`…) or `timer`. */
  type: string;
  ms: number;
  /** Events the recorder sent to the background during this run. */
  emitted: number;
  /** Of `ms`, the time spent inside `runtime.sendMessage` handing events to the browser. */
  sendMs: number;
};

/** One `buildSelector` call; its uniqueness is checked later, outside any timing. */
export type SelectorSample = { ms: number; unique: boolean | null };

/** Main-thread time the recorder takes to start, split at its one `await`. */
export type StartupSample = {
  /** Synchronous part of `main()` at document_start, before asking the background. */
  mainMs: number;
  /** From the background's answer to observers listening (null until it arrives). */
  startMs: number | null;
  /** When the recorder was listening, in ms after navigation start. */
  readyAt: number | null;
};

type PendingCheck = { element: Element; selector: string; sample: SelectorSample };

const MAX_PENDING_CHECKS = 20_000;

export const benchSamples = {
  handlers: [] as HandlerSample[],
  selectors: [] as SelectorSample[],
  startup: { mainMs: 0, startMs: null, readyAt: null } as StartupSample,
  /** Recorder events sent so far; a handler's share is the difference across its run. */
  emitted: 0,
  /** Time spent in `runtime.sendMessage` so far, likewise. */
  sendMs: 0,
  /** The last event sent, as a realistic template for the ingest load generator. */
  lastDraft: null as unknown,
  pendingChecks: [] as PendingCheck[],
};

/** Records a selector timing; its uniqueness is checked when samples are read. */
export function noteSelector(element: Element, selector: string, ms: number): void {
  const sample: SelectorSample = { ms, unique: null };
  benchSamples.selectors.push(sample);
  if (benchSamples.pendingChecks.length < MAX_PENDING_CHECKS) {
    benchSamples.pendingChecks.push({ element, selector, sample });
  }
}

/**
 * Checks that each selector still matches exactly its element. The bench pages never
 * restructure themselves, so this equals uniqueness at record time, and doing it here
 * keeps the extra document scans out of the timed handlers.
 */
function checkPendingSelectors(): void {
  for (const { element, selector, sample } of benchSamples.pendingChecks) {
    try {
      const root = element.getRootNode() as ParentNode;
      const matches = root.querySelectorAll(selector);
      sample.unique = matches.length === 1 && matches[0] === element;
    } catch {
      sample.unique = false;
    }
  }
  benchSamples.pendingChecks = [];
}

export type TakenSamples = {
  handlers: HandlerSample[];
  selectors: SelectorSample[];
  startup: StartupSample;
};

/** Everything collected since the last call; the store starts empty again. */
export function takeSamples(): TakenSamples {
  checkPendingSelectors();
  const taken = {
    handlers: benchSamples.handlers,
    selectors: benchSamples.selectors,
    startup: { ...benchSamples.startup },
  };
  benchSamples.handlers = [];
  benchSamples.selectors = [];
  return taken;
}
