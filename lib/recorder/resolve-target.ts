import { eventTargetElement } from './event-target';

/** Gives extension code the shadow root of a host even when the page closed it. */
export type OpenShadowRoot = (host: Element) => ShadowRoot | null;

/**
 * The element really interacted with. `composedPath()` already sees into open shadow
 * roots; closed ones hide their insides from the window, so the recorder looks in
 * through the extension-only accessor: by pointer position for mouse events, by
 * the focused element otherwise.
 */
export function resolveTarget(event: Event, openShadowRoot?: OpenShadowRoot): Element | null {
  let element = eventTargetElement(event);
  for (let depth = 0; element && openShadowRoot && depth < 16; depth++) {
    if (element.shadowRoot) break;
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
