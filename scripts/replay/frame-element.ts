/**
 * Runs in the page (see page-call.ts): the frame element whose window is `frames[index]`,
 * the numbering the recorder's frame paths use.
 */
export function frameElementAt(index: number): Element | null {
  const win = window.frames[index];
  if (!win) return null;
  for (const element of document.querySelectorAll('iframe, frame')) {
    if ((element as HTMLIFrameElement).contentWindow === win) return element;
  }
  return null;
}

/**
 * Runs in the page (see page-call.ts): where the content of the frame `frames[index]`
 * starts in this document's viewport (its box, inside its border and padding).
 */
export function frameContentOffset(index: number): { x: number; y: number } {
  const win = window.frames[index];
  for (const element of document.querySelectorAll('iframe, frame')) {
    if ((element as HTMLIFrameElement).contentWindow !== win) continue;
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      x: rect.left + element.clientLeft + Number.parseFloat(style.paddingLeft),
      y: rect.top + element.clientTop + Number.parseFloat(style.paddingTop),
    };
  }
  return { x: 0, y: 0 };
}

/** The expression for a tab's address and load state. */
export const LOCATION_EXPRESSION =
  '({ href: location.href, ready: document.readyState === "complete" })';
