/** How long uploads wait; every figure is in milliseconds. */
export type UploadTiming = {
  /** A request with no answer by then is treated as lost and retried with the same key. */
  requestTimeoutMs: number;
  /** First retry after a failure; doubles with each failure in a row. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Wait after 429 or 503 when the collector sends no Retry-After. */
  defaultRetryAfterMs: number;
  /** A Retry-After longer than this is capped, so one bad header cannot stall uploads for days. */
  retryAfterCapMs: number;
};

export const PRODUCTION_TIMING: UploadTiming = {
  requestTimeoutMs: 30_000,
  backoffBaseMs: 5_000,
  backoffCapMs: 30 * 60_000,
  defaultRetryAfterMs: 60_000,
  retryAfterCapMs: 6 * 60 * 60_000,
};

/**
 * The e2e build waits seconds, not minutes, so the fault suite can exercise every
 * path in a test run; the rules are the same and unit tests hold the production figures.
 */
const E2E_TIMING: UploadTiming = {
  requestTimeoutMs: 5_000,
  backoffBaseMs: 300,
  backoffCapMs: 3_000,
  defaultRetryAfterMs: 2_000,
  retryAfterCapMs: 10_000,
};

export const UPLOAD_TIMING: UploadTiming =
  import.meta.env?.MODE === 'e2e' ? E2E_TIMING : PRODUCTION_TIMING;
