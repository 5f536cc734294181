import type { WireError } from './sql-error';

/** What the PGlite worker is started with. */
export interface PgliteWorkerData {
  dir: string;
}

/**
 * Requests from the collector's thread to the PGlite worker. A transaction is opened by
 * `begin` (answered once PGlite has begun it, after any transaction before it), used by
 * queries naming it, and finished by `end`; queries naming no transaction wait meanwhile.
 */
export type PgliteRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[] | undefined; tx: number | undefined }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

/** The answer to request `id`; id 0 says the database is open (or could not be opened). */
export type PgliteReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError };

export interface QueryResult<Row = unknown> {
  rows: Row[];
  affectedRows: number;
}
