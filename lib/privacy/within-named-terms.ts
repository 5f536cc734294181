import { isStructural } from './is-structural';
import type { ScrubbedPage } from './scrub-url';

/**
 * Whether an event's selectors use only what the study allows: `data-*` attributes that
 * are its test-id attributes, and ids and classes made of structural words (given the
 * word set): a stale or faulty recorder must not carry other page strings.
 */
export function selectorsWithinStudy(
  event: object,
  testIdAttributes: readonly string[],
  words?: ReadonlySet<string>,
): boolean {
  const target = 'target' in event ? event.target : undefined;
  const selectors =
    typeof target === 'string'
      ? [target]
      : typeof target === 'object' && target !== null
        ? [
            (target as { selector?: string }).selector ?? '',
            ...((target as { shadow?: string[] }).shadow ?? []),
          ]
        : [];
  return selectors.every((selector) => {
    for (const match of selector.matchAll(/\[\s*(data-[\w-]+)/gi)) {
      if (!testIdAttributes.includes((match[1] ?? '').toLowerCase())) return false;
    }
    if (!words) return true;
    // Ids and classes outside attribute selectors (whose quoted values may hold dots).
    const bare = selector.replace(/\[[^\]]*\]/g, '');
    for (const match of bare.matchAll(/[#.](-?[A-Za-z_\\][\w\\-]*)/g)) {
      if (!isStructural(match[1] ?? '', words)) return false;
    }
    return true;
  });
}

/** The page with only the query keys the study names (their presence, never values). */
export function pageWithinQueryKeys<P extends ScrubbedPage>(
  page: P,
  queryKeys: readonly string[],
): P {
  if (!page.queryKeys) return page;
  const kept = page.queryKeys.filter((key) => queryKeys.includes(key));
  if (kept.length === page.queryKeys.length) return page;
  const { queryKeys: _dropped, ...rest } = page;
  return (kept.length > 0 ? { ...rest, queryKeys: kept } : rest) as P;
}
