import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_WAIT_MS, layoutWatch } from '../../lib/recorder/layout-watch';

let frames: FrameRequestCallback[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    frames.push(callback);
    return frames.length;
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The browser renders a frame: animation callbacks, then layout, then the next task. */
async function frame() {
  const due = frames.splice(0);
  for (const callback of due) callback(performance.now());
  await vi.advanceTimersByTimeAsync(0);
}

describe('layoutWatch', () => {
  it('says layout is stale from a change until the frame after it', async () => {
    const watch = layoutWatch(new AbortController().signal);
    expect(watch.clean()).toBe(true);
    watch.invalidate();
    expect(watch.clean()).toBe(false);
    await frame();
    expect(watch.clean()).toBe(true);
  });

  it('waits for another frame when the page changes after the animation callbacks', async () => {
    const watch = layoutWatch(new AbortController().signal);
    watch.invalidate();
    frames.splice(0)[0]!(performance.now());
    // A change between the animation callbacks and the task after the frame.
    watch.invalidate();
    await vi.advanceTimersByTimeAsync(0);
    expect(watch.clean()).toBe(false);
    await frame();
    expect(watch.clean()).toBe(true);
  });

  it('says layout is stale after input that restyles the page, until the next frame', async () => {
    const controller = new AbortController();
    const watch = layoutWatch(controller.signal);
    for (const event of [
      new KeyboardEvent('keyup', { bubbles: true }),
      new FocusEvent('focusin', { bubbles: true }),
      new PointerEvent('pointerover', { bubbles: true }),
    ]) {
      document.body.dispatchEvent(event);
      expect(watch.clean()).toBe(false);
      await frame();
      expect(watch.clean()).toBe(true);
    }
    controller.abort();
    document.body.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    expect(watch.clean()).toBe(true);
  });

  it('goes ahead when no frame comes in time, or the document is not shown', async () => {
    const watch = layoutWatch(new AbortController().signal);
    watch.invalidate();
    await vi.advanceTimersByTimeAsync(FRAME_WAIT_MS + 1);
    expect(watch.clean()).toBe(true);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const hidden = layoutWatch(new AbortController().signal);
    hidden.invalidate();
    expect(hidden.clean()).toBe(true);
    expect(frames).toHaveLength(1);
  });
});
