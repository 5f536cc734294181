import { fileURLToPath } from 'node:url';

/** The extension as `wxt build --mode bench` writes it. */
export const BENCH_EXTENSION = fileURLToPath(
  new URL('../.output/chrome-mv3-bench', import.meta.url),
);

/** The production build, copied aside by bench/wxt-production-copy.config.ts. */
export const PRODUCTION_COPY = fileURLToPath(
  new URL('../.output/bench-production/chrome-mv3', import.meta.url),
);

export const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));
export const ROOT_DIR = fileURLToPath(new URL('../', import.meta.url));
