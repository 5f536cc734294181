import { finder } from '@medv/finder';
import { isSafeAttributeValue } from '../privacy/is-safe-attribute-value';
import { isSafeTestId } from '../privacy/is-safe-test-id';
import { structuralPath } from './structural-path';

export type SelectorOptions = {
  /** Attributes the study names as test ids (`data-testid`); preferred when present. */
  testIdAttributes: readonly string[];
};

/** Attributes whose values describe structure, not content, when they look word-like. */
const STRUCTURAL_ATTRIBUTES = new Set(['name', 'role', 'type', 'for']);

/**
 * A CSS selector unique within the element's root at record time, built only from
 * tag names, positions and scrub-safe ids, classes and attributes. The search is
 * capped so a huge page cannot stall the page's own handlers.
 */
export function buildSelector(element: Element, options: SelectorOptions): string {
  const testId = preferredTestId(element, options.testIdAttributes);
  if (testId) return testId;
  const root = element.getRootNode();
  try {
    return searchSelector(element, root, options);
  } catch {
    // finder throws when its capped search finds nothing unique: fall back to positions.
    return structuralPath(element);
  }
}

function searchSelector(element: Element, root: Node, options: SelectorOptions): string {
  return finder(element, {
    root: (root instanceof Document ? root.documentElement : root) as Element,
    idName: isSafeAttributeValue,
    className: isSafeAttributeValue,
    tagName: () => true,
    attr: (name, value) =>
      options.testIdAttributes.includes(name)
        ? isSafeTestId(value)
        : STRUCTURAL_ATTRIBUTES.has(name) && isSafeAttributeValue(value),
    seedMinLength: 1,
    optimizedMinLength: 2,
    maxNumberOfPathChecks: 200,
    timeoutMs: 5,
  });
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
