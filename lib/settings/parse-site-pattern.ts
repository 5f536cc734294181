import { matchPattern } from '../schema';

/**
 * Turns what a volunteer typed into a match pattern: a bare address gets `/*`, so
 * `https://shop.example` records the whole site. Errors say how to write one.
 */
export function parseSitePattern(input: string): string {
  let text = input.trim();
  if (/^https?:\/\/[^/]+$/i.test(text)) text = `${text}/*`;
  const parsed = matchPattern.safeParse(text);
  if (!parsed.success) {
    throw new Error(
      `"${input.trim()}" is not a site pattern. Write the address with * for any path, like https://shop.example/* (no port, query or #).`,
    );
  }
  return parsed.data;
}
