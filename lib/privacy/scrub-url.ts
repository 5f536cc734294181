import { classifySegment } from './classify-segment';
import { isStructural } from './is-structural';

export type ScrubbedPage = { origin: string; path: string; queryKeys?: string[] };

export type ScrubOptions = {
  /** Study route templates such as `/:user/:repo/issues/:n`; they win over generic rules. */
  routeTemplates?: readonly string[];
  /** Query keys whose presence may be kept; values never are. */
  queryKeys?: readonly string[];
  /**
   * The structural words (`structuralWords()`): a segment is kept only when all its words
   * are among them. Without them, every segment a template does not name is replaced.
   */
  words?: ReadonlySet<string>;
};

/**
 * Reduces a URL to origin and a path template. Query and fragment are dropped;
 * segments that carry identifiers become `:id`, `:uuid`, `:token` or `:email`, and
 * any other segment not made of structural words becomes `:text` (fail closed).
 */
export function scrubUrl(input: string | URL, options: ScrubOptions = {}): ScrubbedPage {
  const url = typeof input === 'string' ? new URL(input) : input;
  const segments = url.pathname.split('/').slice(1);
  const path =
    applyTemplate(segments, options.routeTemplates ?? []) ??
    `/${segments.map((raw) => scrubSegment(raw, options.words)).join('/')}`;
  const page: ScrubbedPage = { origin: url.origin, path };
  if (options.queryKeys?.length) {
    const present = options.queryKeys.filter((key) => url.searchParams.has(key));
    if (present.length) page.queryKeys = present;
  }
  return page;
}

function scrubSegment(raw: string, words?: ReadonlySet<string>): string {
  const segment = safeDecode(raw);
  const kind = classifySegment(segment);
  if (kind) return `:${kind}`;
  // Structural segments hold only letters, digits, `_`, `.`, `~` and `-`.
  return segment === '' || isStructural(segment, words) ? segment : ':text';
}

function applyTemplate(segments: string[], templates: readonly string[]): string | null {
  for (const template of templates) {
    const parts = template.split('/').slice(1);
    const trailing = parts.at(-1) === '' ? 1 : 0;
    if (parts.length - trailing !== segments.length - (segments.at(-1) === '' ? 1 : 0)) continue;
    const matches = parts.every(
      (part, index) => part === '' || part.startsWith(':') || part === segments[index],
    );
    if (matches) return template;
  }
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
