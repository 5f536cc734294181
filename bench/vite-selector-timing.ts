import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const REAL = fileURLToPath(new URL('../lib/recorder/build-selector.ts', import.meta.url));
const TIMED = fileURLToPath(new URL('../lib/bench-hooks/timed-build-selector.ts', import.meta.url));

/**
 * For `wxt build --mode bench` only: every import of the recorder's `build-selector`
 * resolves to a timed wrapper, except the wrapper's own import of the real one. The
 * recorder's source is untouched and production builds never see this plugin.
 */
export function selectorTiming(): Plugin {
  return {
    name: 'tasktrace-bench-selector-timing',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('build-selector') || importer === TIMED) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === REAL ? TIMED : null;
    },
  };
}
