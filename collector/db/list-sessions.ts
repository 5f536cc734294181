import type { SessionSummary } from '../../lib/schema';
import type { SqlQueryable } from './sql-client';
import type { SessionListQuery } from './store';

interface Row {
  id: string;
  study_id: string;
  participant_id: string;
  started_at: number | string;
  events: number;
  annotation_version: number | null;
  volunteer_tasks: number;
}

/**
 * Keyset pagination on the session id (`sessions_by_study`), so a deep page costs what
 * the first does. Counts come from the events primary key, one session at a time: a
 * page is at most 200 sessions. Until the volunteer saves tasks, they have one per
 * `task-start` marker (see `tasksFromMarkers`).
 */
export async function listSessions(
  db: SqlQueryable,
  query: SessionListQuery,
): Promise<SessionSummary[]> {
  const { rows } = await db.query<Row>(
    `select s.id, s.study_id, s.participant_id, s.started_at,
            (select count(*) from events e where e.session_id = s.id)::integer as events,
            a.version as annotation_version,
            coalesce(
              jsonb_array_length(v.tasks),
              (select count(*) from events e where e.session_id = s.id and e.kind = 'task-start')
            )::integer as volunteer_tasks
     from sessions s
     join participants p on p.id = s.participant_id
     left join session_tasks a on a.session_id = s.id and a.by = 'annotator'
     left join session_tasks v on v.session_id = s.id and v.by = 'volunteer'
     where s.study_id = $1
       and p.erased_at is null
       and s.id > $2
       and ($3::boolean is null or (a.session_id is not null) = $3::boolean)
     order by s.id
     limit $4`,
    [query.studyId, query.after ?? '', query.annotated ?? null, query.limit],
  );
  return rows.map((row) => ({
    id: row.id,
    study: row.study_id,
    participant: row.participant_id,
    startedAt: Number(row.started_at),
    events: Number(row.events),
    annotated: row.annotation_version !== null,
    annotationVersion: row.annotation_version ?? 0,
    volunteerTasks: Number(row.volunteer_tasks),
  }));
}
