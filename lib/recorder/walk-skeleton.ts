import { distance, NEAR_VIEWPORT, type View } from './place-nodes';
import type { OpenShadowRoot } from './resolve-target';
import {
  INTERACTIVE,
  isHiddenByAttribute,
  NOT_OBSERVED,
  skeletonKind,
  walksInto,
} from './skeleton-kind';

/** An element of the skeleton as the walk found it: its observed ancestor and its box. */
export type Candidate = {
  element: Element;
  /** Index of the nearest observed ancestor among the candidates, or -1. */
  parent: number;
  /**
   * Its box in the document (`x`, `y`, `w`, `h`) and where it was on screen as it was
   * measured (`sx`, `sy`), as plain numbers: a large page has tens of thousands of
   * candidates, and one object each instead of three keeps the garbage collector's
   * pauses out of the walk's slices.
   */
  x: number;
  y: number;
  w: number;
  h: number;
  sx: number;
  sy: number;
  /** How far outside the viewport (place-nodes.ts): an observation over the cap lists the nearest. */
  distance: number;
  hidden: boolean;
  interactive: boolean;
};

/** One level of the walk: siblings followed by pointer, or a slot's assigned elements. */
type Frame = { next: Element | null; list: Element[] | null; index: number; parent: number };

export type WalkOptions = {
  openShadowRoot?: OpenShadowRoot;
  /** Told of each shadow root the walk enters, so its changes can be watched too. */
  onShadowRoot: (root: ShadowRoot) => void;
  /** The viewport's place in the document (scroll) and size, read before the first step. */
  view: View;
  /** Elements an action already named (see observe-interface.ts): listed even over the cap. */
  wanted: ReadonlySet<Element>;
  /** Whether readers have the element already: a page over the cap keeps listing it. */
  listed: (element: Element) => boolean;
};

/** How many elements the walk visits between two looks at the clock. */
const CLOCK_EVERY = 8;

/**
 * A walk of the document's skeleton in document order, resumable in slices: `step`
 * works until its deadline and says whether the walk is done. It follows the flat tree
 * (shadow roots, open ones and closed ones through the extension's accessor, and the
 * elements assigned to their slots) and never enters frames: a same-origin frame runs
 * a recorder of its own. Each observed element is measured once, and its descendants
 * are skipped when it is hidden. The page may change between slices: an element met
 * twice is kept once, and the parents recorded are those the walk went through.
 */
export function walkSkeleton(document: Document, options: WalkOptions) {
  const candidates: Candidate[] = [];
  /** Indexes of the candidates in or near the viewport: what a page over the cap lists. */
  const near: number[] = [];
  const seen = new Set<Element>();
  const stack: Frame[] = [{ next: document.documentElement, list: null, index: 0, parent: -1 }];

  const childrenOf = (element: Element, parent: number): Frame => {
    const root = shadowRootOf(element, options.openShadowRoot);
    if (root) options.onShadowRoot(root);
    const assigned =
      element.localName === 'slot' ? (element as HTMLSlotElement).assignedElements?.() : null;
    return assigned?.length
      ? { next: null, list: assigned, index: 0, parent }
      : { next: (root ?? element).firstElementChild, list: null, index: 0, parent };
  };

  const visit = (element: Element, parent: number) => {
    const kind = skeletonKind(element);
    if (kind !== NOT_OBSERVED) {
      if (seen.has(element)) return;
      seen.add(element);
      const hidden = isHiddenByAttribute(element) || !isRendered(element);
      const rect = element.getBoundingClientRect();
      const sx = Math.round(rect.x);
      const sy = Math.round(rect.y);
      // One object per candidate and nothing else: on a large page the garbage collector's
      // pauses otherwise land in the walk's slices.
      const candidate: Candidate = {
        element,
        parent,
        x: sx + options.view.x,
        y: sy + options.view.y,
        w: Math.max(0, Math.round(rect.width)),
        h: Math.max(0, Math.round(rect.height)),
        sx,
        sy,
        distance: 0,
        hidden,
        interactive: kind === INTERACTIVE,
      };
      if (!options.wanted.has(element))
        candidate.distance = distance(candidate, hidden, options.view);
      if (candidate.distance <= NEAR_VIEWPORT || options.listed(element)) {
        near.push(candidates.length);
      }
      candidates.push(candidate);
      if (hidden) return;
      parent = candidates.length - 1;
    }
    if (walksInto(element)) stack.push(childrenOf(element, parent));
  };

  const step = (deadline: number): boolean => {
    let visits = 0;
    while (stack.length > 0) {
      if (++visits % CLOCK_EVERY === 0 && performance.now() >= deadline) return false;
      const frame = stack[stack.length - 1]!;
      let element: Element | null;
      if (frame.list) element = frame.list[frame.index++] ?? null;
      else {
        element = frame.next;
        frame.next = element?.nextElementSibling ?? null;
      }
      if (element) visit(element, frame.parent);
      else stack.pop();
    }
    return true;
  };

  return { candidates, near, step };
}

/**
 * An open shadow root, or a closed one through the extension's accessor. The accessor
 * is a browser API call, so it is asked only of custom elements (a hyphen in the tag),
 * which is where closed roots live in practice: asking it of every `div` of a large page
 * would cost more than the whole walk.
 */
function shadowRootOf(element: Element, openShadowRoot?: OpenShadowRoot): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  return openShadowRoot && element.localName.includes('-') ? openShadowRoot(element) : null;
}

const VISIBILITY = { visibilityProperty: true };

/** Not `display: none` (itself or an ancestor) nor `visibility: hidden`. */
function isRendered(element: Element): boolean {
  return element.checkVisibility(VISIBILITY);
}
