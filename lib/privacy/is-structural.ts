/**
 * The fail-closed test for strings the page controls (PRIVACY.md, "Strings the page
 * controls"): whether an identifier-like string (a path segment, an id, a class) is made
 * of structural words only. It is split on `-`, `_`, `.`, `~`, between letters and
 * digits and at camelCase humps (`addToCart` is add, to, cart); each word must be in
 * `words` (built by `structuralWords()`) or be a number of at most 3 digits. Anything
 * with other characters, or longer than 64, is not structural; without `words`, only
 * numbers are (nor with a plain array: `has?.` fails closed). Kept small: the content
 * script ships it.
 */
export function isStructural(value: string, words?: ReadonlySet<string>): boolean {
  return (
    /^[\w.~-]{1,64}$/.test(value) &&
    (
      value
        .replace(/([a-z])(?=[A-Z])/g, '$1-')
        .toLowerCase()
        .match(/[a-z]+|\d+/g) ?? []
    ).every((word) => /^\d{1,3}$/.test(word) || words?.has?.(word))
  );
}
