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

/** The expression for a tab's address and load state. */
export const LOCATION_EXPRESSION =
  '({ href: location.href, ready: document.readyState === "complete" })';
