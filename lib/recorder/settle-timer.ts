/**
 * Calls `run` once the page has been quiet for `settleMs` since the last `poke`, or
 * `maxWaitMs` after the first poke if it never is, and never before `notBefore(ms)`
 * (a `performance.now()` time) says.
 */
export function settleTimer(run: () => void, settleMs: number, maxWaitMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let since = 0;
  let readyAt = 0;
  return {
    poke() {
      const now = performance.now();
      if (timer === undefined) since = now;
      else clearTimeout(timer);
      const wait = Math.max(0, Math.min(settleMs, since + maxWaitMs - now), readyAt - now);
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, wait);
    },
    /** Runs as soon as `notBefore` allows, without waiting for the page to settle. */
    soon() {
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          timer = undefined;
          run();
        },
        Math.max(0, readyAt - performance.now()),
      );
    },
    notBefore(time: number) {
      readyAt = time;
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}
