/**
 * A selector from tag names and child positions only: always unique, never content.
 * The fallback when the capped search for a shorter selector gives up. With `anchor`
 * (an ancestor the caller knows a unique selector for), the path starts below it.
 */
export function structuralPath(element: Element, anchor?: Element): string {
  const parts: string[] = [];
  let current: Element | null = element;
  while (current && current !== anchor && parts.length < 64) {
    const parent: Element | null = current.parentElement;
    const tag = /^[a-z][a-z0-9-]*$/.test(current.localName) ? current.localName : '*';
    if (!parent) {
      parts.unshift(current.parentNode instanceof ShadowRoot ? `:host > ${tag}` : tag);
      break;
    }
    const index = Array.prototype.indexOf.call(parent.children, current) + 1;
    parts.unshift(`${tag}:nth-child(${index})`);
    current = parent;
  }
  return parts.join(' > ').replace(/^:host > /, '');
}
