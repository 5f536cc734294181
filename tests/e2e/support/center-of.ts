import type { PageHandle } from './driver';

/** Scrolls an element into view and returns a point inside it, offset from its top left. */
export async function pointIn(
  page: PageHandle,
  selector: string,
  offset?: { x: number; y: number },
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ selector, offset }) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`No element matches ${selector}`);
      element.scrollIntoView({ block: 'center' });
      const rect = element.getBoundingClientRect();
      return offset
        ? { x: rect.x + offset.x, y: rect.y + offset.y }
        : { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    },
    { selector, offset },
  );
}
