const QUOTE = 34;
const BACKSLASH = 92;
const SPACE = 32;

/**
 * jsonb's text output without the space PostgreSQL writes after each `,` and `:`, the
 * only whitespace it writes outside strings. For the events the collector stores this
 * is byte for byte `JSON.stringify(JSON.parse(text))`: keys keep jsonb's order, its
 * string escapes are JSON.stringify's (`\n`, `\"`, `\u001f`…), and every number is an
 * integer, written the same by both. One pass over the text, not a parse and a print.
 */
export function compactJsonb(text: string): string {
  let out = '';
  let copied = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (inString) {
      // An escape's next character is never the string's end.
      if (code === BACKSLASH) at += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === SPACE) {
      out += text.slice(copied, at);
      copied = at + 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}
