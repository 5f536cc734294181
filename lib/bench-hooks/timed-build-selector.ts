import { buildSelector as untimedBuildSelector } from '../recorder/build-selector';
import { noteSelector } from './samples';

export type { SelectorOptions } from '../recorder/build-selector';

/**
 * `buildSelector` with a stopwatch. In `--mode bench` builds the recorder's imports of
 * `./build-selector` resolve here instead (see bench/vite-selector-timing.ts), so the
 * recorder's own code and the production bundle stay exactly as they are.
 */
export function buildSelector(
  element: Element,
  options: Parameters<typeof untimedBuildSelector>[1],
): string {
  const start = performance.now();
  const selector = untimedBuildSelector(element, options);
  noteSelector(element, selector, performance.now() - start);
  return selector;
}
