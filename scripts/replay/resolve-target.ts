import type { FoundBy } from './find-target';
import { findTarget } from './find-target';
import { pageCall } from './page-call';
import type { PlannedStep } from './plan-episode';
import type { ElementRef, ReplayTab } from './replay-browser';
import { targetQuery } from './target-query';
import { sleep } from './wait-for-page';

/** How long only the recorded selector is tried before the observation may stand in. */
const SELECTOR_GRACE_MS = 1_000;

export class TargetNotFound extends Error {
  override name = 'TargetNotFound';
}

/**
 * Finds a step's target in the tab: by its recorded selector (in its shadow hosts) as
 * soon as that matches, or, once the selector has had SELECTOR_GRACE_MS to appear, by
 * the node's tag, role, position and box in the observation. Retries until `timeoutMs`
 * (the page may still be loading or rendering); errors from a page being replaced
 * count as "not yet".
 */
export async function resolveTarget(
  tab: ReplayTab,
  step: PlannedStep,
  timeoutMs: number,
): Promise<{ ref: ElementRef; found: FoundBy }> {
  const query = targetQuery(step);
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    const elapsed = Date.now() - started;
    const fallback = query.selector === null || elapsed >= Math.min(SELECTOR_GRACE_MS, timeoutMs);
    try {
      const result = await tab.find(pageCall(findTarget, query, fallback), step.action.frame);
      if (result) return result;
    } catch (error) {
      lastError = error;
    }
    if (elapsed > timeoutMs) break;
    await sleep(100);
  }
  const what = [step.node?.tag, query.role].filter(Boolean).join(' ') || 'element';
  const parts = [
    query.selector === null
      ? 'no selector was recorded'
      : `the selector ${[...query.shadow, query.selector].join(' >>> ')} matched no single ${step.node?.tag ?? 'element'}`,
    query.tag === null && query.role === null
      ? 'the observation does not have the node'
      : `no ${what} stands where the observation had it`,
  ];
  const cause = lastError ? ` (last error: ${firstLine(lastError)})` : '';
  throw new TargetNotFound(`target not found: ${parts.join(', and ')}${cause}`);
}

export function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0] ?? '';
}
