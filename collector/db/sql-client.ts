/**
 * The little the store needs from a database driver. PGlite implements it now; a
 * node-postgres pool can implement it later, running the very same SQL.
 */
export interface SqlQueryable {
  /** One statement, `$1`-style parameters only. */
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows: number }>;
}

export interface SqlClient extends SqlQueryable {
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
