/**
 * An element's parent in the flat tree, as the page is rendered: the slot it is assigned
 * to, else its parent element, else the host of the shadow root it is in.
 */
export function flatParent(element: Element): Element | null {
  return (
    element.assignedSlot ??
    element.parentElement ??
    (element.parentNode as Partial<ShadowRoot> | null)?.host ??
    null
  );
}
