import { createRequire } from 'node:module';

/** The collector's version, as package.json states it: stamped on exports, for provenance. */
export const COLLECTOR_VERSION: string = (
  createRequire(import.meta.url)('../../package.json') as { version: string }
).version;
