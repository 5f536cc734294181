/**
 * Node ids of one document's observations: each element gets the next number the first
 * time it is listed and keeps it for as long as it exists, wherever it moves. Held
 * weakly: an element removed from the page takes its id with it.
 */
export function nodeIds() {
  const ids = new WeakMap<Element, number>();
  let last = 0;
  return {
    /** The element's id, given now if it has none. */
    of(element: Element): number {
      let id = ids.get(element);
      if (id === undefined) {
        id = ++last;
        ids.set(element, id);
      }
      return id;
    },
    /** The element's id, if it ever had one. */
    peek: (element: Element): number | undefined => ids.get(element),
  };
}
