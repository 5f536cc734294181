import { classifySegment } from '../../lib/privacy/classify-segment';

/**
 * Recorded paths are templates: segments that held identifiers became `:id`, `:uuid`,
 * `:token`, `:email`, `:text`, or a study's route parameter (`/shop/products/:id`).
 * A live path matches a template when every plain segment is equal and every
 * placeholder stands for one non-empty segment.
 */
export function matchesTemplate(livePath: string, template: string): boolean {
  const live = livePath.split('/');
  const wanted = template.split('/');
  if (live.length !== wanted.length) return false;
  return wanted.every((part, index) => {
    const segment = safeDecode(live[index] ?? '');
    return isPlaceholder(part) ? segment !== '' : part === segment;
  });
}

/** Whether a recorded path has segments the dataset does not hold (so it cannot be opened). */
export function hasPlaceholders(template: string): boolean {
  return template.split('/').some(isPlaceholder);
}

/** A regular expression source that matches exactly the live paths of a template. */
export function templatePattern(template: string): string {
  const parts = template
    .split('/')
    .map((part) => (isPlaceholder(part) ? '[^/]+' : escapeRegExp(encodeURI(part))));
  return `^${parts.join('\\/')}$`;
}

/**
 * A live path as the replay reports it: the template it matches when one is given,
 * otherwise with identifier-like segments replaced as the recorder would.
 */
export function displayPath(livePath: string, templates: readonly string[] = []): string {
  const matched = templates.find((template) => matchesTemplate(livePath, template));
  if (matched) return matched;
  return livePath
    .split('/')
    .map((segment) => {
      const kind = classifySegment(safeDecode(segment));
      return kind ? `:${kind}` : segment;
    })
    .join('/');
}

function isPlaceholder(part: string): boolean {
  return /^:[A-Za-z][A-Za-z0-9_-]*$/.test(part);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
