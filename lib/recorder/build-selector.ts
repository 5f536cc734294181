import { finder } from '@medv/finder';
import { isSafeAttributeValue } from '../privacy/is-safe-attribute-value';
import { isSafeTestId } from '../privacy/is-safe-test-id';
import { structuralPath } from './structural-path';

export type SelectorOptions = {
  /** Attributes the study names as test ids (`data-testid`); preferred when present. */
  testIdAttributes: readonly string[];
  /** Structural words: ids, classes and attribute values made of them only may be used. */
  words?: ReadonlySet<string>;
};

/** Attributes whose values describe structure, not content, when they look word-like. */
const STRUCTURAL_ATTRIBUTES = new Set(['name', 'role', 'type', 'for']);

/** The search for a short selector starts no uniqueness check after this long. */
const SEARCH_BUDGET_MS = 1;

/**
 * A root is large once one uniqueness check on it (a scan of the whole root) took this
 * long: on a 100k-element page each takes about 1 ms, so searching there costs more
 * than an event may. Remembered per root for as long as its content stays in place.
 */
const LARGE_CHECK_MS = 0.4;
const largeRoots = new WeakMap<Node, Element | null>();

/**
 * A CSS selector unique within the element's root at record time, built only from
 * tag names, positions and scrub-safe ids, classes and attributes. The search is
 * capped in time, and skipped on roots known to be large, so a huge page cannot
 * stall the page's own handlers: there the selector is the element's position
 * below its nearest ancestor with a unique id (ids are found without a scan).
 */
export function buildSelector(element: Element, options: SelectorOptions): string {
  const testId = preferredTestId(element, options.testIdAttributes);
  if (testId) return testId;
  const root = element.getRootNode();
  if (!isLarge(root)) {
    try {
      return searchSelector(element, root, options);
    } catch {
      // The budget ran out, or finder found nothing unique: fall back to positions.
    }
  }
  return anchoredPath(element, root, options.words);
}

function searchSelector(element: Element, root: Node, options: SelectorOptions): string {
  const scope = (
    root.nodeType === Node.DOCUMENT_NODE ? (root as Document).documentElement : root
  ) as ParentNode & Node;
  const deadline = performance.now() + SEARCH_BUDGET_MS;
  const safe = (value: string) => isSafeAttributeValue(value, options.words);
  const timed = <T>(query: () => T): T => {
    const start = performance.now();
    if (start > deadline) throw new Error('selector search budget spent');
    const result = query();
    if (performance.now() - start > LARGE_CHECK_MS) markLarge(root);
    return result;
  };
  return finder(element, {
    // finder checks uniqueness only through its root's querySelector(All): a stand-in
    // root looks at the clock before each check, and stops the search by throwing.
    root: {
      nodeType: scope.nodeType,
      querySelectorAll: (css: string) => timed(() => scope.querySelectorAll(css)),
      querySelector: (css: string) => timed(() => scope.querySelector(css)),
    } as unknown as Element,
    idName: safe,
    className: safe,
    tagName: () => true,
    attr: (name, value) =>
      options.testIdAttributes.includes(name)
        ? isSafeTestId(value)
        : STRUCTURAL_ATTRIBUTES.has(name) && safe(value),
    seedMinLength: 1,
    optimizedMinLength: 2,
    maxNumberOfPathChecks: 200,
    timeoutMs: 5,
  });
}

/** The first element of the root's content: when it changes, the page was replaced. */
function contentMark(root: Node): Element | null {
  if (root.nodeType !== Node.DOCUMENT_NODE) return (root as ParentNode).firstElementChild;
  const document = root as Document;
  return document.body?.firstElementChild ?? document.documentElement;
}

function markLarge(root: Node): void {
  largeRoots.set(root, contentMark(root));
}

function isLarge(root: Node): boolean {
  return largeRoots.has(root) && largeRoots.get(root) === contentMark(root);
}

/**
 * Positions below the nearest ancestor (or the element itself) with a safe id that is
 * unique in the root: `#id` lookups use the browser's id map, not a scan.
 */
function anchoredPath(element: Element, root: Node, words?: ReadonlySet<string>): string {
  const scope = root as ParentNode;
  for (let current: Element | null = element; current; current = current.parentElement) {
    const id: string | null = current.getAttribute('id');
    if (!id || !isSafeAttributeValue(id, words)) continue;
    const selector = `#${CSS.escape(id)}`;
    const matches: NodeListOf<Element> = scope.querySelectorAll(selector);
    if (matches.length !== 1 || matches[0] !== current) continue;
    return current === element ? selector : `${selector} > ${structuralPath(element, current)}`;
  }
  return structuralPath(element);
}

function preferredTestId(element: Element, attributes: readonly string[]): string | null {
  for (const name of attributes) {
    const value = element.getAttribute(name);
    if (value === null || !isSafeTestId(value)) continue;
    const candidate = `[${name}="${value}"]`;
    const root = element.getRootNode() as Document | ShadowRoot;
    const matches = root.querySelectorAll(candidate);
    if (matches.length === 1 && matches[0] === element) return candidate;
  }
  return null;
}
