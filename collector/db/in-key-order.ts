import type { SqlClient, SqlQueryable } from './sql-client';

/**
 * Runs a keyset page's query with sorting priced out and without JIT, in a transaction
 * of its own so the settings end with it. Without statistics (PGlite never analyzes on its own; PostgreSQL
 * only after autovacuum's next round) the planner takes `study_id = $1` for a handful of
 * rows and sorts the whole rest of the study for every page: a 100,000-event export read
 * every row 100 times. The ordered index scan needs no statistics to be right.
 */
export function inKeyOrder<T>(db: SqlClient, work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // Both for this transaction only. JIT: with statistics the planner prices a page as
    // if it scanned far into the index, past jit_above_cost, and compiling it took ten
    // times the page's own run time (76 ms a page of 1,000 at 1,000,000 events).
    await tx.query("select set_config('enable_sort', 'off', true), set_config('jit', 'off', true)");
    return work(tx);
  });
}
