import type { SqlClient } from './sql-client';

export type ExpiredReceipt = { sessions: number; events: number };

/**
 * Deletes one study's sessions first uploaded more than `days` ago, with their events and
 * task lists: the study promised volunteers their data is kept that long and no longer.
 * Idempotent, so several collector processes may sweep at once.
 */
export async function deleteExpiredSessions(
  db: SqlClient,
  studyId: string,
  days: number,
): Promise<ExpiredReceipt> {
  return db.transaction(async (tx) => {
    const expired = `select id from sessions
       where study_id = $1 and first_seen < now() - make_interval(days => $2::int)`;
    const events = await tx.query(`delete from events where session_id in (${expired})`, [
      studyId,
      days,
    ]);
    await tx.query(`delete from session_tasks where session_id in (${expired})`, [studyId, days]);
    const sessions = await tx.query(
      `delete from sessions where study_id = $1 and first_seen < now() - make_interval(days => $2::int)`,
      [studyId, days],
    );
    return { sessions: sessions.affectedRows, events: events.affectedRows };
  });
}
