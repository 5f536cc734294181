/** Cap on an upload body after decompression; a gzip bomb stops here, not in memory. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

/** Enrollment bodies are two short strings; anything large is a mistake or an attack. */
export const MAX_ENROLLMENT_BYTES = 16 * 1024;

/** A consent request is one short string. */
export const MAX_CONSENT_BYTES = 16 * 1024;

/** Rows per export query: large enough to be fast, small enough to keep memory flat. */
export const EXPORT_PAGE_ROWS = 1000;

/** Sessions per page of the episodes export; each session's events are read on their own. */
export const EXPORT_SESSION_PAGE = 100;

/** A task list is at most 500 short spans; a megabyte is far more than it needs. */
export const MAX_TASKS_BYTES = 1024 * 1024;

/** The events table stores `seq` as a PostgreSQL integer. */
export const MAX_SEQ = 2_147_483_647;

/**
 * How long an upload may hold its Idempotency-Key in flight. A claim older than this was
 * left by a request that died (a crash, a restart) and a retry with the same body takes
 * it over; events stay unique on (session, seq), so a late original stores nothing twice.
 */
export const IDEMPOTENCY_CLAIM_LEASE_SECONDS = 60;

/** Idempotency-Key values: what the extension sends (`<session>:<first>-<last>:<hash>`) and more. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** At most `requests` in `seconds`, refilled evenly: a burst of `requests`, then `requests / seconds` a second. */
export interface RateLimit {
  requests: number;
  seconds: number;
}

/**
 * Per upload or staff token. An extension uploads one batch at a time (500 events each),
 * so even a week of backlog stays far below this; the extension honours Retry-After anyway.
 */
export const DEFAULT_TOKEN_RATE_LIMIT: RateLimit = { requests: 600, seconds: 60 };

/**
 * Per client address, whatever the token. Generous: volunteers behind one NAT (a lab, an
 * office) share an address, and the annotation page asks for a session per keystroke.
 */
export const DEFAULT_IP_RATE_LIMIT: RateLimit = { requests: 3000, seconds: 60 };

/** Buckets kept in memory before the least recently used are forgotten. */
export const MAX_RATE_LIMIT_KEYS = 100_000;
