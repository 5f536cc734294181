import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const HOOKS = fileURLToPath(new URL('./hooks/', import.meta.url));

/**
 * Product modules and the timed wrappers that stand in for them in the bench build.
 * Each wrapper has the real module's type, imports the real module and times it.
 */
const SUBSTITUTES: Record<string, string> = {
  // Every selector the recorder builds.
  'lib/recorder/build-selector.ts': 'timed-build-selector.ts',
  // The recorder entrypoint's one call: start-up, handlers, sends, and the DOM channel.
  'lib/messaging/run-content-recorder.ts': 'timed-run-content-recorder.ts',
  // Observations, or none on a page loaded with `?observations=off`.
  'lib/recorder/observe-interface.ts': 'switchable-observe-interface.ts',
  // The background's ingest of recorder messages, from receipt to commit.
  'lib/background/accept-recorder-port.ts': 'timed-accept-recorder-port.ts',
};

const BY_REAL = new Map(
  Object.entries(SUBSTITUTES).map(([real, timed]) => [
    path.join(ROOT, real),
    path.join(HOOKS, timed),
  ]),
);
/** What an import must end with to be worth resolving: the module's name. */
const NAMES = [...BY_REAL.keys()].map((real) => path.basename(real, '.ts'));

/**
 * For the bench build only (bench/wxt.config.ts): every import of a module in
 * SUBSTITUTES resolves to its timed wrapper, except the hooks' own imports, which
 * reach the real one. The product's source is untouched and other builds never
 * see this plugin.
 */
export function benchHooks(): Plugin {
  return {
    name: 'tasktrace-bench-hooks',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer.startsWith(HOOKS)) return null;
      if (!NAMES.some((name) => source.endsWith(name) || source.endsWith(`${name}.ts`))) {
        return null;
      }
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return (resolved && BY_REAL.get(resolved.id)) ?? null;
    },
  };
}
