import { MAX_SEQ } from '../common/limits';
import type { SqlQueryable } from './sql-client';

/** Which of `seqs` the session has events for; larger than any storable seq means none. */
export async function findPresentSeqs(
  db: SqlQueryable,
  sessionId: string,
  seqs: readonly number[],
): Promise<Set<number>> {
  const storable = [...new Set(seqs)].filter((seq) => seq <= MAX_SEQ);
  if (storable.length === 0) return new Set();
  const { rows } = await db.query<{ seq: number }>(
    'select seq from events where session_id = $1 and seq = any($2::integer[])',
    [sessionId, storable],
  );
  return new Set(rows.map((row) => Number(row.seq)));
}
