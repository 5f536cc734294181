import { describeNode, type Placed } from './describe-node';
import { type Kept, keyOf } from './diff-skeleton';
import { chooseNodes, placeNodes } from './place-nodes';
import type { RecorderContext } from './types';
import { walkSkeleton } from './walk-skeleton';

export type JobOptions = {
  idOf: (element: Element) => number;
  onShadowRoot: (root: ShadowRoot) => void;
  /** Sizes kept for fields typed into (see observe-interface.ts). */
  frozen: WeakMap<Element, { w: number; h: number }>;
};

/**
 * Building one observation of the page's skeleton, in slices: walk and measure, choose
 * what to list (the cap), then describe each listed node. `step` works until its
 * deadline and returns true once `kept` holds the whole skeleton in document order.
 */
export function skeletonJob(context: RecorderContext, options: JobOptions) {
  const job = {
    /**
     * The viewport, and where the page was scrolled, as the walk measured it: read at
     * its first step, when boxes are measured too (reading them forces a layout).
     */
    viewport: { w: 0, h: 0 },
    view: undefined as string | undefined,
    truncated: false,
    kept: [] as Kept[],
    /** Milliseconds spent on it so far. */
    work: 0,
    step,
  };
  const walk = walkSkeleton(document, {
    openShadowRoot: context.openShadowRoot,
    onShadowRoot: options.onShadowRoot,
    viewport: job.viewport,
  });
  let placed: Placed[] | null = null;
  let elements: Element[] = [];

  function step(deadline: number): boolean {
    const start = performance.now();
    try {
      return advance(deadline);
    } finally {
      job.work += performance.now() - start;
    }
  }

  function advance(deadline: number): boolean {
    if (job.view === undefined) {
      job.view = viewOf();
      job.viewport.w = innerWidth;
      job.viewport.h = innerHeight;
    }
    if (!placed) {
      if (!walk.step(deadline)) return false;
      const { chosen, truncated } = chooseNodes(walk.candidates, walk.near);
      job.truncated = truncated;
      placed = placeNodes(walk.candidates, chosen, options.idOf);
      elements = chosen.map((index) => walk.candidates[index]!.element);
    }
    while (job.kept.length < placed.length) {
      if (performance.now() >= deadline) return false;
      const index = job.kept.length;
      const element = elements[index]!;
      const where = placed[index]!;
      const size = options.frozen.get(element);
      if (size) where.box = { ...where.box, ...size };
      const node = describeNode(element, where, context);
      job.kept.push({ node, key: keyOf(node), interactive: where.interactive });
    }
    return true;
  }

  return job;
}

/** Where the page is scrolled and how large its viewport is: boxes are relative to them. */
export function viewOf(): string {
  return [scrollX, scrollY, innerWidth, innerHeight].join();
}
