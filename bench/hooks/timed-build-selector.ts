import { buildSelector as untimedBuildSelector } from '../../lib/recorder/build-selector';
import { noteSelector } from './samples';

export type { SelectorOptions } from '../../lib/recorder/build-selector';

/**
 * `buildSelector` with a stopwatch. In the bench build the recorder's imports of
 * `./build-selector` resolve here instead (see bench/vite-bench-hooks.ts), so the
 * recorder's own code and the production bundle stay exactly as they are.
 */
export const buildSelector: typeof untimedBuildSelector = (element, options) => {
  const start = performance.now();
  const selector = untimedBuildSelector(element, options);
  noteSelector(element, selector, performance.now() - start);
  return selector;
};
