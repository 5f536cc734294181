import { type ExportSelection, sessionConditions } from './export-selection';
import type { SqlClient, SqlQueryable } from './sql-client';

/** What an export holds, counted by the database: its datasheet's figures. */
export interface ExportFigures {
  participants: number;
  sessions: number;
  events: number;
  /** Tasks: an annotator's saved list, else the volunteer's, else one per task-start marker. */
  episodes: number;
  annotatorEpisodes: number;
  annotatedSessions: number;
  /** Of the events' own time `t`, ms since the epoch; null without events. */
  firstEventAt: number | null;
  lastEventAt: number | null;
  /** Events whose target has an accessible name or label (capture level `labels`). */
  labelledEvents: number;
  /** In version-string order, each with its events. */
  consentVersions: VersionCount[];
  extensionVersions: VersionCount[];
}

export interface VersionCount {
  version: string;
  events: number;
}

/**
 * Aggregates only, so the figures cost the same memory for a thousand events or a billion.
 * One read-only snapshot, so they agree with each other.
 */
export function readExportFigures(
  db: SqlClient,
  selection: ExportSelection,
): Promise<ExportFigures> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    return { ...(await countSessions(tx, selection)), ...(await countEvents(tx, selection)) };
  });
}

/** The export's sessions as a CTE `chosen (id, participant_id)`, parameters from $2. */
function chosenSessions(selection: ExportSelection) {
  const filters = sessionConditions(selection, 2);
  return {
    sql: `with chosen as (
       select s.id, s.participant_id
       from sessions s
       join participants p on p.id = s.participant_id
       where s.study_id = $1 and p.erased_at is null
       ${filters.sql}
     )`,
    params: [selection.studyId, ...filters.params],
  };
}

interface SessionFigures {
  sessions: string | number;
  participants: string | number;
  annotated_sessions: string | number;
  episodes: string | number;
  annotator_episodes: string | number;
}

// Counts come back as bigint: a driver may hand them over as strings.
async function countSessions(db: SqlQueryable, selection: ExportSelection) {
  const chosen = chosenSessions(selection);
  const { rows } = await db.query<SessionFigures>(
    `${chosen.sql}
     select count(*) as sessions,
            count(distinct c.participant_id) as participants,
            count(a.session_id) as annotated_sessions,
            coalesce(sum(coalesce(
              jsonb_array_length(a.tasks),
              jsonb_array_length(v.tasks),
              (select count(*) from events e where e.session_id = c.id and e.kind = 'task-start')
            )), 0) as episodes,
            coalesce(sum(jsonb_array_length(a.tasks)), 0) as annotator_episodes
     from chosen c
     left join session_tasks a on a.session_id = c.id and a.by = 'annotator'
     left join session_tasks v on v.session_id = c.id and v.by = 'volunteer'`,
    chosen.params,
  );
  const row = rows[0];
  return {
    sessions: Number(row?.sessions ?? 0),
    participants: Number(row?.participants ?? 0),
    annotatedSessions: Number(row?.annotated_sessions ?? 0),
    episodes: Number(row?.episodes ?? 0),
    annotatorEpisodes: Number(row?.annotator_episodes ?? 0),
  };
}

interface EventGroup {
  consent_version: string;
  extension_version: string;
  events: string | number;
  first_t: string | number;
  last_t: string | number;
  labelled: string | number;
}

/** One pass over the events, grouped by the two versions: few groups, however many events. */
async function countEvents(db: SqlQueryable, selection: ExportSelection) {
  const chosen = chosenSessions(selection);
  const { rows } = await db.query<EventGroup>(
    `${chosen.sql}
     select e.consent_version, e.extension_version,
            count(*) as events, min(e.t) as first_t, max(e.t) as last_t,
            count(*) filter (
              where e.body -> 'target' ->> 'name' is not null
                 or e.body -> 'target' ->> 'label' is not null
            ) as labelled
     from events e
     join chosen c on c.id = e.session_id
     group by e.consent_version, e.extension_version`,
    chosen.params,
  );
  const consent = new Map<string, number>();
  const extension = new Map<string, number>();
  let events = 0;
  let labelledEvents = 0;
  let firstEventAt: number | null = null;
  let lastEventAt: number | null = null;
  for (const row of rows) {
    const count = Number(row.events);
    events += count;
    labelledEvents += Number(row.labelled);
    consent.set(row.consent_version, (consent.get(row.consent_version) ?? 0) + count);
    extension.set(row.extension_version, (extension.get(row.extension_version) ?? 0) + count);
    firstEventAt = Math.min(firstEventAt ?? Number.POSITIVE_INFINITY, Number(row.first_t));
    lastEventAt = Math.max(lastEventAt ?? Number.NEGATIVE_INFINITY, Number(row.last_t));
  }
  return {
    events,
    labelledEvents,
    firstEventAt,
    lastEventAt,
    consentVersions: versionCounts(consent),
    extensionVersions: versionCounts(extension),
  };
}

function versionCounts(counts: Map<string, number>): VersionCount[] {
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([version, events]) => ({ version, events }));
}
