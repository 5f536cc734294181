import type { ScrubbedPage } from './scrub-url';

/**
 * Whether every `data-*` attribute an event's selectors use is one of the study's
 * test-id attributes: a stale or faulty recorder must not carry other `data-*` values.
 */
export function selectorsWithinTestIds(
  event: object,
  testIdAttributes: readonly string[],
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
