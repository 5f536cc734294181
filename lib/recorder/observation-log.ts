import { compactNodes } from '../schema/sent-nodes';
import { BOX_THRESHOLD_PX, diffSkeleton, type Kept } from './diff-skeleton';
import type { skeletonJob } from './skeleton-job';
import type { RecorderContext } from './types';

export type Cause = 'load' | 'change' | 'action';
type Job = ReturnType<typeof skeletonJob>;
export type Outcome = ReturnType<typeof diffSkeleton> & {
  viewport: { w: number; h: number };
  scroll: { x: number; y: number };
  truncated: boolean;
  /** Something readers do not have: a node changed or the page scrolled or resized. */
  any: boolean;
  /** The skeleton itself changed (not only boxes, scroll or size). */
  structural: boolean;
};

/**
 * The observations of one document recorded so far: their count, the skeleton readers
 * have, and where the page was; `outcome` compares a finished walk with it, `record`
 * emits one.
 */
export function observationLog(context: RecorderContext, doc: string) {
  const log = {
    n: 0,
    state: new Map<number, Kept>(),
    viewport: { w: 0, h: 0 },
    scroll: { x: 0, y: 0 },
    truncated: false,
    outcome,
    record,
  };

  function outcome(done: Job): Outcome {
    const diff = diffSkeleton(log.n === 0 ? new Map() : log.state, done.kept, done.scroll);
    // Where the page is scrolled is part of what it offered (what was on screen).
    const view =
      done.viewport.w !== log.viewport.w ||
      done.viewport.h !== log.viewport.h ||
      Math.abs(done.scroll.x - log.scroll.x) > BOX_THRESHOLD_PX ||
      Math.abs(done.scroll.y - log.scroll.y) > BOX_THRESHOLD_PX;
    return {
      ...diff,
      viewport: done.viewport,
      scroll: done.scroll,
      truncated: done.truncated,
      any: diff.nodes.length > 0 || view,
      structural: diff.structural || done.truncated !== log.truncated,
    };
  }

  function record(outcome: Outcome, cause: Cause): void {
    log.n += 1;
    log.state = outcome.state;
    log.viewport = outcome.viewport;
    log.scroll = outcome.scroll;
    log.truncated = outcome.truncated;
    context.emit({
      kind: 'observation',
      t: context.now(),
      frame: context.frame,
      page: context.page(),
      doc,
      n: log.n,
      full: log.n === 1,
      cause,
      viewport: log.viewport,
      scroll: log.scroll,
      nodes: compactNodes(outcome.nodes),
      removed: outcome.removed,
      truncated: log.truncated,
    });
  }

  return log;
}
