import type { SqlQueryable } from './sql-client';
import type { TasksSave, TasksSaveOutcome } from './store';

/**
 * Optimistic concurrency in one statement each way. The first save (expected version 0)
 * inserts and loses to any row already there; later saves update only the row still at
 * the expected version. Of two saves from the same version, the database lets exactly
 * one through: the other sees the new row (or its new version) and changes nothing.
 * The first save takes the participant row `for share`, like uploads, so it waits for
 * an erasure in progress and then stores nothing; later saves update a row erasure
 * deletes, so they wait for it too.
 */
export async function saveSessionTasks(
  db: SqlQueryable,
  save: TasksSave,
): Promise<TasksSaveOutcome> {
  const tasks = JSON.stringify(save.tasks);
  const { rows } =
    save.expectedVersion === 0
      ? await db.query<{ version: number }>(
          `insert into session_tasks (session_id, by, version, tasks)
           select s.id, $2, 1, $3::jsonb
           from sessions s,
                (select p.id from participants p
                 where p.id = (select participant_id from sessions where id = $1)
                   and p.erased_at is null
                 for share) as owner
           where s.id = $1 and s.participant_id = owner.id
           on conflict (session_id, by) do nothing
           returning version`,
          [save.sessionId, save.by, tasks],
        )
      : await db.query<{ version: number }>(
          `update session_tasks
           set version = version + 1, tasks = $4::jsonb, updated_at = now()
           where session_id = $1 and by = $2 and version = $3
           returning version`,
          [save.sessionId, save.by, save.expectedVersion, tasks],
        );
  const saved = rows[0];
  if (saved) return { kind: 'saved', version: Number(saved.version) };

  const current = await db.query<{ version: number | null }>(
    `select (select t.version from session_tasks t where t.session_id = s.id and t.by = $2) as version
     from sessions s
     join participants p on p.id = s.participant_id
     where s.id = $1 and p.erased_at is null`,
    [save.sessionId, save.by],
  );
  const row = current.rows[0];
  if (!row) return { kind: 'gone' };
  return { kind: 'conflict', currentVersion: Number(row.version ?? 0) };
}
