/**
 * The path as a server is likely to understand it, for matching against the study's
 * excluded paths: a page must not slip out of `/account/*` by writing `/Account/x`,
 * `/%61ccount/x`, `//account/x`, `/./account/x`, `/x/../account/x`, `/account;v=1/x`
 * or `/account/x/`. Segments are percent-decoded (a few times, so double encoding
 * does not help either; a decoded `/` splits the segment), lowercased, stripped of
 * `;` parameters, and `.`/`..`/empty segments resolved. The result has no trailing
 * slash, except for the root `/`.
 *
 * Segments that start with `:` are placeholders of a scrubbed path and are kept as
 * they are (see `mayMatchExcluded`).
 */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const raw of path.split('/')) {
    if (raw.startsWith(':')) {
      out.push(raw);
      continue;
    }
    for (const part of decodeFully(raw).split('/')) {
      const segment = part.split(';')[0]?.toLowerCase() ?? '';
      if (segment === '' || segment === '.') continue;
      if (segment === '..') out.pop();
      else out.push(segment);
    }
  }
  return `/${out.join('/')}`;
}

/** A study's excluded-path glob, normalised like paths; `*` is kept as the wildcard. */
export function normalizeGlob(glob: string): string {
  const starred = glob.endsWith('/*');
  const body = normalizePath(starred ? glob.slice(0, -2) : glob);
  if (!starred) return body;
  return body === '/' ? '/*' : `${body}/*`;
}

function decodeFully(segment: string): string {
  let current = segment;
  for (let round = 0; round < 4 && current.includes('%'); round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      // A stray `%`: decode what can be decoded, leave the rest.
      next = current.replace(/%[0-9a-f]{2}/gi, (hex) => {
        try {
          return decodeURIComponent(hex);
        } catch {
          return hex;
        }
      });
    }
    if (next === current) break;
    current = next;
  }
  return current;
}
