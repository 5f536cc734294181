import type { Store } from '../db/store';
import type { Study } from '../studies/load-studies';
import type { RateLimits } from './rate-limit';

/**
 * What the collector's app is built from. Kept apart from `app.ts` so that routes can
 * name the parts they need without importing the app that imports them.
 */
export interface AppDeps {
  store: Store;
  studies: ReadonlyMap<string, Study>;
  researcherToken: string;
  /** Where extensions reach this collector; a function because the port is known only after listen. */
  publicUrl: () => string;
  /** Where log lines go: one JSON object a line per request (see log.ts), never content. */
  log?: (line: string) => void;
  /** Defaults: DEFAULT_TOKEN_RATE_LIMIT and DEFAULT_IP_RATE_LIMIT, no proxy trusted. */
  rateLimits?: RateLimits;
  /** The built web pages (dashboard, annotation); defaults to .output/collector-web. */
  webDir?: string;
}
