import { defineConfig, type UserManifest } from 'wxt';
import config from '../wxt.config';
import { benchHooks } from './vite-bench-hooks';

/**
 * The bench build, `wxt build -c bench/wxt.config.ts --mode bench` (build-extensions.ts):
 * the product's config in mode `bench`, so written to `chrome-mv3-bench` and without the
 * e2e build's message log, but with the e2e build's manifest (its loopback host
 * permissions), and with stopwatches put in at build time by substituting timed
 * wrappers (hooks/) for a few product modules (vite-bench-hooks.ts).
 */
export default defineConfig({
  ...config,
  // Here so that no other build's folder is ever written over; on the command line as
  // well (build-extensions.ts), because WXT sets NODE_ENV from the command line's mode
  // only: without it the pages would be built with production JSX, unlike the e2e build.
  mode: 'bench',
  manifest: async (env): Promise<UserManifest> => {
    const e2e = { ...env, mode: 'e2e' };
    const { manifest } = config;
    return typeof manifest === 'function' ? manifest(e2e) : ((await manifest) ?? {});
  },
  vite: async (env) => {
    const vite = (await config.vite?.(env)) ?? {};
    return { ...vite, plugins: [...(vite.plugins ?? []), benchHooks()] };
  },
});
