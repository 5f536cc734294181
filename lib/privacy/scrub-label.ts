/**
 * Scrubs a name or label before it may be recorded at capture level `labels`:
 * identifiers and personal data become `<email>`, `<url>`, `<number>` or `<token>`;
 * then, failing closed, every word that is not structural (not in `words`, the set
 * `structuralWords()` builds) becomes `<text>`, a run of such words one `<text>`
 * ("Message from Alice Smith" → "Message from <text>"); and the result fits the
 * schema's 80 characters. Without `words`, every word becomes `<text>`.
 *
 * Phone numbers become `<number>`: telling a phone number from any other group of
 * digits is guesswork, and the placeholders are the five PRIVACY.md and the consent
 * screen name, so another would change what volunteers agreed to.
 *
 * Each pass is linear in the input, so page text cannot stall the recorder: a pattern
 * that scans a run either starts with a look-behind that fails inside that run, or
 * gives up after a bounded number of characters, and none nests ambiguous repetitions.
 */
export function scrubLabel(text: string, words?: ReadonlySet<string>): string | null {
  const scrubbed = normalize(text)
    // Emails first: their domain would otherwise look like a URL.
    .replace(EMAIL, '<email>')
    // URLs before tokens and numbers, which they often contain.
    .replace(SCHEME_URL, asUrl)
    .replace(WWW_URL, asUrl)
    .replace(DOMAIN_WITH_PATH, asUrl)
    .replace(LONG_WORD, '<token>')
    // UUIDs too: their digits and dashes are in the base64 alphabet.
    .replace(BASE64_RUN, (run) => (/\d/.test(run) && /[A-Za-z]/.test(run) ? '<token>' : run))
    .replace(HEX_RUN, (run) => (/\d/.test(run) && /[a-f]/i.test(run) ? '<token>' : run))
    // After tokens, so a token's digits are not split into numbers first.
    .replace(DIGIT_GROUP, asNumber)
    // A hyphenated word (`Jean-Luc`, `e-mail`) is kept only when each part is structural.
    .replace(WORD, (word) =>
      word.startsWith('<') ||
      word
        .toLowerCase()
        .split('-')
        .every((part) => words?.has?.(part))
        ? word
        : '<text>',
    )
    .replace(TEXT_RUN, '<text>');
  const result = truncate(scrubbed);
  return result === '' ? null : result;
}

const MAX_LABEL_LENGTH = 80;

const PLACEHOLDERS = ['<email>', '<url>', '<number>', '<token>', '<text>'];

/** A placeholder already written, or a word: letters, inner apostrophes and hyphens. */
const WORD = /<(?:email|url|number|token|text)>|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
/** `<text>`s with only spaces or punctuation between them: one name, however long. */
const TEXT_RUN = /<text>(?:[\s'’.,-]*<text>)+/g;

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu;
const SCHEME_URL = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\/\S*/gu;
const WWW_URL = /(?<![\p{L}\p{N}.-])www\.\S+/giu;
const DOMAIN_WITH_PATH =
  /(?<![\p{L}\p{N}.@-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}\/\S*/gu;
const LONG_WORD = /\S{33,}/gu;
const BASE64_RUN = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/=_-]{16,}/g;
const HEX_RUN = /(?<![\p{L}\p{N}])[0-9a-f]{8,}(?![\p{L}\p{N}])/giu;
/**
 * Digits joined by at most two separators: phone numbers (+44 20 7946 0958,
 * (555) 123-4567, 030/123456), card numbers and grouped numbers (1 234 567) are one
 * group, so splitting a number into short pieces does not get it through.
 */
const DIGIT_GROUP = /[+(]?\p{Nd}(?:[ ()./,+-]{0,2}\p{Nd})*/gu;
const DIGIT = /\p{Nd}/gu;

/** Invisible characters could split an email or a number so the patterns miss it. */
const INVISIBLE = /(?![\t\n\v\f\r])[\p{Cc}\p{Cf}\p{Cs}]/gu;

function normalize(text: string): string {
  // NFKC folds full-width and circled digits and look-alike `@` into what the patterns see.
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Trailing sentence punctuation is kept outside the placeholder. */
function asUrl(match: string): string {
  let end = match.length;
  while (end > 0 && `.,;:!?)]}'"`.includes(match.charAt(end - 1))) end--;
  return end === 0 ? match : `<url>${match.slice(end)}`;
}

function asNumber(group: string): string {
  if ((group.match(DIGIT)?.length ?? 0) < 4) return group;
  // An opening parenthesis whose partner lies outside the group stays, to keep text balanced.
  return group.startsWith('(') && !group.includes(')') ? '(<number>' : '<number>';
}

/** Cuts to the schema's length without leaving half a placeholder or half a surrogate pair. */
function truncate(text: string): string {
  if (text.length <= MAX_LABEL_LENGTH) return text;
  let end = MAX_LABEL_LENGTH;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  let cut = text.slice(0, end);
  const open = cut.lastIndexOf('<');
  if (open !== -1 && !cut.includes('>', open) && startsWithPlaceholder(text, open)) {
    cut = cut.slice(0, open);
  }
  return cut.trimEnd();
}

function startsWithPlaceholder(text: string, index: number): boolean {
  return PLACEHOLDERS.some((placeholder) => text.startsWith(placeholder, index));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
