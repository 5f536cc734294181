const QUOTE = 34;
const BACKSLASH = 92;
const SPACE = 32;

/**
 * Drops, in place, the space PostgreSQL's jsonb text output writes after each `,` and
 * `:`, the only whitespace it writes outside strings; returns the new end. For the events
 * the collector stores the result is byte for byte `JSON.stringify(JSON.parse(text))`:
 * keys keep jsonb's order, its string escapes are JSON.stringify's (`\n`, `\"`,
 * `\u001f`…), and every number is an integer, written the same by both. It works on the
 * UTF-8 bytes, where a multi-byte character never contains a quote, backslash or space
 * byte: one pass, and no string is made per row.
 */
export function compactJsonbBytes(bytes: Uint8Array, start: number, end: number): number {
  let to = start;
  let inString = false;
  for (let at = start; at < end; at++) {
    const byte = bytes[at] as number;
    if (inString) {
      if (byte === BACKSLASH) {
        // An escape's next character is never the string's end.
        bytes[to++] = byte;
        at += 1;
        bytes[to++] = bytes[at] as number;
        continue;
      }
      if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === SPACE) {
      continue;
    }
    bytes[to++] = byte;
  }
  return to;
}
