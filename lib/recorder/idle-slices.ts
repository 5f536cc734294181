/**
 * The longest slice of work the recorder does in one task, in milliseconds: the quality
 * bar is no recorder task over 2 ms, and the clock is read only every few elements
 * (and rounded to 1 ms by Firefox's reduced timer precision).
 */
export const SLICE_MS = 1;

/** How long a slice waits for the page to be idle before it runs anyway. */
const IDLE_TIMEOUT_MS = 200;

type IdleWindow = {
  requestIdleCallback?: (
    callback: (deadline: { timeRemaining(): number; didTimeout: boolean }) => void,
    options?: { timeout: number },
  ) => number;
};

/**
 * Runs `work` in short slices until it says it is done: in idle periods where the
 * browser has idle callbacks (each slice ends at the idle deadline or after SLICE_MS,
 * whichever comes first; a long idle period holds several, each its own task), else in
 * timer tasks of SLICE_MS each. A page that gives no idle time
 * (busy, or in a background tab, where Chromium runs idle callbacks only at their
 * timeout) gets timer slices for the rest of the work: each is still short, and the
 * browser handles input between them. `work` gets the time it must stop by
 * (`performance.now()` scale) and returns true once finished. Stops when the signal
 * aborts.
 */
export function inIdleSlices(work: (deadline: number) => boolean, signal: AbortSignal): void {
  const idle = window as IdleWindow;
  let timers = !idle.requestIdleCallback;
  /** One slice; `left` says how long the idle period still lasts (SLICE_MS on timers). */
  const run = (left: () => number) => {
    if (signal.aborted) return;
    const budget = left();
    if (budget <= 0) next();
    else if (!work(performance.now() + Math.min(budget, SLICE_MS))) {
      // Time left in this idle period (or none to wait for): go on in a timer task,
      // which lets input through first.
      if (timers || left() > SLICE_MS) setTimeout(() => run(left), 0);
      else next();
    }
  };
  const next = () => {
    if (signal.aborted) return;
    if (timers) setTimeout(() => run(() => SLICE_MS), 0);
    else {
      idle.requestIdleCallback?.(
        (deadline) => {
          timers = deadline.didTimeout;
          run(() => (timers ? SLICE_MS : deadline.timeRemaining()));
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
    }
  };
  next();
}
