import type { SqlQueryable } from './sql-client';
import type { NewSession } from './store';

/**
 * First upload wins the session id. The owner is read back in a second statement so
 * that, on PostgreSQL, a concurrent first insert by another collector is seen too.
 */
export async function claimSession(db: SqlQueryable, session: NewSession): Promise<string> {
  await db.query(
    `insert into sessions (id, participant_id, study_id, started_at)
     values ($1, $2, $3, $4)
     on conflict (id) do nothing`,
    [session.id, session.participantId, session.studyId, session.startedAt],
  );
  const { rows } = await db.query<{ participant_id: string }>(
    'select participant_id from sessions where id = $1',
    [session.id],
  );
  const owner = rows[0]?.participant_id;
  if (!owner) throw new Error(`session ${session.id} vanished right after it was claimed`);
  return owner;
}
