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
  /** Elements actions named before this observation was made: listed even over the cap. */
  wanted: ReadonlySet<Element>;
  /** Whether readers have the element already (see `chooseNodes`). */
  listed: (element: Element) => boolean;
};

/**
 * Building one observation of the page's skeleton, in slices: walk and measure, choose
 * what to list (the cap), then describe each listed node. `step` works until its
 * deadline and returns true once `kept` holds the whole skeleton in document order.
 */
export function skeletonJob(context: RecorderContext, options: JobOptions) {
  const job = {
    /** The viewport, and where the page was scrolled, at the walk's latest slice. */
    viewport: { w: 0, h: 0 },
    scroll: { x: 0, y: 0 },
    truncated: false,
    kept: [] as Kept[],
    /** Milliseconds spent on it so far. */
    work: 0,
    step,
  };
  const view = { x: 0, y: 0, w: 0, h: 0 };
  const walk = walkSkeleton(document, {
    openShadowRoot: context.openShadowRoot,
    onShadowRoot: options.onShadowRoot,
    view,
    wanted: options.wanted,
    listed: options.listed,
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
    // Read again at every slice: the page may scroll between two, and each box is
    // placed in the document by the scroll as it was when the box was measured.
    Object.assign(view, {
      x: Math.round(scrollX),
      y: Math.round(scrollY),
      w: innerWidth,
      h: innerHeight,
    });
    job.viewport = { w: view.w, h: view.h };
    job.scroll = { x: view.x, y: view.y };
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
      job.kept.push({
        node,
        key: keyOf(node),
        interactive: where.interactive,
        screen: { ...where.screen, w: node.box.w, h: node.box.h },
      });
    }
    return true;
  }

  return job;
}
