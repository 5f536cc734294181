import { fileURLToPath } from 'node:url';

/** Where the builds go: `.output`, or TASKTRACE_OUT_DIR as for every build (wxt.config.ts). */
export const OUT_DIR = process.env.TASKTRACE_OUT_DIR ?? '.output';
const OUTPUT = new URL(`../${OUT_DIR}/`, import.meta.url);

/** The extension as `wxt build -c bench/wxt.config.ts --mode bench` writes it. */
export const BENCH_EXTENSION = fileURLToPath(new URL('chrome-mv3-bench', OUTPUT));

/** The production build, copied aside by bench/wxt-production-copy.config.ts. */
export const PRODUCTION_COPY = fileURLToPath(new URL('bench-production/chrome-mv3', OUTPUT));

export const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));
export const ROOT_DIR = fileURLToPath(new URL('../', import.meta.url));
