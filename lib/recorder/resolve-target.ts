import { eventTargetElement } from './event-target';

/** Gives extension code the shadow root of a host even when the page closed it. */
export type OpenShadowRoot = (host: Element) => ShadowRoot | null;

/** Custom elements (a hyphen in the name) and the elements `attachShadow` accepts. */
const SHADOW_HOST =
  /-|^(?:article|aside|blockquote|body|div|footer|h[1-6]|header|main|nav|p|section|span)$/;

/**
 * Whether the element could have a shadow root at all. Asking the extension accessor
 * is a browser API call, far dearer than this check, and every handler asks.
 */
function mayHostShadowRoot(element: Element): boolean {
  return SHADOW_HOST.test(element.localName);
}

/**
 * The element really interacted with. `composedPath()` already sees into open shadow
 * roots; closed ones hide their insides from the window, so the recorder looks in
 * through the extension-only accessor: by pointer position for mouse events, by
 * the focused element otherwise.
 */
export function resolveTarget(event: Event, openShadowRoot?: OpenShadowRoot): Element | null {
  let element = eventTargetElement(event);
  for (let depth = 0; element && openShadowRoot && depth < 16; depth++) {
    if (element.shadowRoot || !mayHostShadowRoot(element)) break;
    const root = openShadowRoot(element);
    if (!root) break;
    const inner =
      event instanceof MouseEvent
        ? root.elementFromPoint(event.clientX, event.clientY)
        : root.activeElement;
    if (!inner || inner === element) break;
    element = inner;
  }
  return element;
}
