import { isStructural } from './is-structural';

/**
 * Whether an id, class, or attribute value may appear in a selector: made only of
 * structural words (`add-to-cart`, `searchBox`), so it can carry neither an identifier
 * nor a name (`msg-from-alice` is refused), and without a run of 3 digits. Fail closed:
 * without a word set, nothing but short numbers is safe. Selectors escape what they use.
 */
export function isSafeAttributeValue(value: string, words?: ReadonlySet<string>): boolean {
  return !/\d{3}/.test(value) && isStructural(value, words);
}
