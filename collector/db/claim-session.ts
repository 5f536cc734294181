import type { SqlQueryable } from './sql-client';
import type { NewSession } from './store';

/**
 * First upload wins the session id. Every batch after a session's first finds it stored:
 * one read answers, with no insert, row lock or commit (a third of an upload's writes).
 * Otherwise the owner is read back in a second statement after the insert so that, on
 * PostgreSQL, a concurrent first insert by another collector is seen too. A participant
 * erased meanwhile claims nothing: the row lock makes the insert wait for an erasure in
 * progress and then find them erased. Undefined means "no owner".
 */
export async function claimSession(
  db: SqlQueryable,
  session: NewSession,
): Promise<string | undefined> {
  const owner = await readOwner(db, session.id);
  // Erasure deletes a participant's sessions, so a stored one is no erased participant's;
  // one erased from here on is caught by the events insert's own guard, as before.
  if (owner !== undefined) return owner;
  await db.query(
    `insert into sessions (id, participant_id, study_id, started_at)
     select $1, p.id, $3, $4
     from (select id from participants where id = $2 and erased_at is null for share) as p
     on conflict (id) do nothing`,
    [session.id, session.participantId, session.studyId, session.startedAt],
  );
  return readOwner(db, session.id);
}

async function readOwner(db: SqlQueryable, sessionId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ participant_id: string }>(
    'select participant_id from sessions where id = $1',
    [sessionId],
  );
  return rows[0]?.participant_id;
}
