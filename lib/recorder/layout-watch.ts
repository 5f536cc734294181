/** How long measuring waits for a frame before it goes ahead: some visible tabs get none. */
export const FRAME_WAIT_MS = 100;

/**
 * Input that changes styles or layout without a DOM mutation: typing into a field,
 * hover, press and focus styles, and the window gaining or losing focus or being shown
 * again. Each leaves the layout stale like a DOM change does (a measure right after a
 * key press laid out a 100,000-element page: up to 19 ms).
 */
const RESTYLING_INPUT = [
  'keydown',
  'keyup',
  'input',
  'compositionend',
  'pointerover',
  'pointerout',
  'pointerdown',
  'pointerup',
  'focusin',
  'focusout',
  'focus',
  'blur',
  'visibilitychange',
] as const;

/**
 * Whether the page's layout is likely up to date, so that measuring boxes costs no
 * layout of our own. A DOM change (`invalidate`) or input that restyles the page leaves
 * it stale until the browser's next frame lays the page out anyway: the frame's
 * animation callback runs just before that layout, and a task queued from it runs
 * after. A document that is not shown gets no frames, and a shown one may get none for
 * a while (a tab behind others): after FRAME_WAIT_MS without one, measuring goes ahead.
 */
export function layoutWatch(signal: AbortSignal) {
  let stale = false;
  /** When the frame waited for was asked, or null when none is. */
  let askedAt: number | null = null;
  /** A change came after the frame's animation callback: that frame may not lay it out. */
  let late = false;

  const ask = () => {
    askedAt = performance.now();
    requestAnimationFrame(() => {
      late = false;
      setTimeout(() => {
        askedAt = null;
        if (signal.aborted) return;
        if (late) ask();
        else stale = false;
      }, 0);
    });
  };

  const invalidate = () => {
    stale = true;
    late = true;
    if (askedAt === null && !signal.aborted && document.visibilityState === 'visible') ask();
  };
  const options = { capture: true, passive: true, signal };
  for (const type of RESTYLING_INPUT) window.addEventListener(type, invalidate, options);

  return {
    invalidate,
    clean(): boolean {
      if (!stale || document.visibilityState !== 'visible') return true;
      return askedAt === null || performance.now() - askedAt > FRAME_WAIT_MS;
    },
  };
}
