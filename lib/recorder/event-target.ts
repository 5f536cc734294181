/**
 * The element really interacted with, seen through open and closed shadow roots:
 * the first element of the composed path, which the page's own listeners do not see.
 */
export function eventTargetElement(event: Event): Element | null {
  const path = event.composedPath();
  for (const node of path) {
    if (node instanceof Element) return node;
  }
  return event.target instanceof Element ? event.target : null;
}
