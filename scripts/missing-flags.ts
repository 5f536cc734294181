/** What a command line lacks of its required flags, as the message its usage error gives; null when nothing. */
export function missingFlags(
  values: Record<string, unknown>,
  names: readonly string[],
): string | null {
  const missing = names.filter((name) => !values[name]);
  return missing.length > 0 ? `Missing ${missing.map((name) => `--${name}`).join(', ')}.` : null;
}
