/**
 * The little the store needs from a database driver: PGlite in a worker thread
 * (open-pglite.ts) and a node-postgres pool (open-postgres.ts) run the very same SQL.
 * Errors carry PostgreSQL's SQLSTATE as `code` on both.
 */
export interface SqlQueryable {
  /** One statement, `$1`-style parameters only. */
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows: number }>;
}

export interface SqlClient extends SqlQueryable {
  /** Commits if `work` resolves, rolls back if it throws; other queries never see it half done. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** False when the database runs one query at a time (PGlite's single worker). */
  readonly concurrent?: boolean;
}
