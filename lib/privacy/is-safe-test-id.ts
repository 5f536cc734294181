/**
 * Values of the test-id attributes a study names are trusted to be structural
 * (`add-to-cart-1042`), so digits are allowed; only characters that could break
 * out of a selector, or values long enough to carry text, are refused.
 */
export function isSafeTestId(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(value) && !value.includes('@');
}
