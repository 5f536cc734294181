import { Hono } from 'hono';
import { type EventLine, SCHEMA_VERSION } from '../../lib/schema';
import { datasetTasks } from '../annotation/chosen-tasks';
import { taskLabeller } from '../annotation/task-labeller';
import { toEpisodes } from '../annotation/to-episodes';
import type { AppDeps } from '../app';
import type { EventCursor, SavedTaskLists, SessionRecord, Store, StoredEvent } from '../db/store';
import { ApiFailure } from '../http/api-failure';
import { authenticateStaff } from '../http/authenticate-staff';
import { EXPORT_PAGE_ROWS, EXPORT_SESSION_PAGE } from '../limits';

const FORMATS = ['events', 'episodes'] as const;
type Format = (typeof FORMATS)[number];

type ExportDeps = Pick<AppDeps, 'store' | 'log'>;

/** The dataset as JSON lines, streamed page by page so memory stays flat. */
export function exportRoutes(deps: Pick<AppDeps, 'store' | 'studies' | 'researcherToken' | 'log'>) {
  const app = new Hono();

  app.get('/', async (c) => {
    await authenticateStaff(deps, c.req.header('authorization'), ['researcher']);
    const studyId = c.req.query('study');
    if (!studyId) {
      throw new ApiFailure(400, 'missing_study', 'Say which study to export: ?study=<id>.');
    }
    if (!deps.studies.has(studyId)) {
      throw new ApiFailure(
        404,
        'unknown_study',
        `There is no study "${studyId}" on this collector.`,
      );
    }
    const format = c.req.query('format') ?? 'events';
    if (!isFormat(format)) {
      throw new ApiFailure(
        400,
        'unknown_format',
        `Unknown export format "${format}". Available: ${FORMATS.join(', ')}.`,
      );
    }

    // Read before answering: if the database fails now, the client gets a clean 500.
    const body =
      format === 'events'
        ? pullStream(deps, studyId, await eventPages(deps.store, studyId))
        : pullStream(deps, studyId, await episodePages(deps.store, studyId));
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${studyId}-${format}.jsonl"`);
    c.header('Cache-Control', 'no-store');
    // Without it, @hono/node-server may buffer the first chunks and, if a later page
    // fails, end the response with a Content-Length as if it were complete.
    c.header('Transfer-Encoding', 'chunked');
    return c.body(body);
  });

  return app;
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** Text to send next, or null at the end. */
type NextChunk = () => Promise<string | null>;

/**
 * A pull stream: the next chunk is read only when the client has taken the previous
 * one, so a slow download never piles rows up in memory. A failed read errors the
 * stream, which cuts the connection: a truncated file must never look complete.
 */
function pullStream(
  deps: ExportDeps,
  studyId: string,
  source: { first?: string | null; next: NextChunk },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending = source.first;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text: string | null;
        try {
          text = pending === undefined ? await source.next() : pending;
          pending = undefined;
        } catch (error) {
          deps.log?.(`error: export of study ${studyId} failed: ${(error as Error).message}`);
          controller.error(error);
          return;
        }
        if (text === null) controller.close();
        else controller.enqueue(encoder.encode(text));
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * `events.jsonl` in pages of EXPORT_PAGE_ROWS, keyset-paginated. Each page also reads
 * the saved task lists of its sessions (one query), to name each event's task.
 */
async function eventPages(store: Store, studyId: string) {
  const label = taskLabeller();
  let after: EventCursor | undefined;
  let done = false;
  const next: NextChunk = async () => {
    if (done) return null;
    const rows = await store.readEventsPage(studyId, after, EXPORT_PAGE_ROWS);
    const saved = await store.readSessionTasks([...new Set(rows.map((row) => row.sessionId))]);
    if (rows.length < EXPORT_PAGE_ROWS) done = true;
    else after = rows[rows.length - 1];
    if (rows.length === 0) return null;
    return rows.map((row) => toEventLine(row, label(row, saved.get(row.sessionId)))).join('');
  };
  return { first: await next(), next };
}

function toEventLine(row: StoredEvent, task: string | null): string {
  const line: EventLine = {
    schemaVersion: SCHEMA_VERSION,
    study: row.studyId,
    participant: row.participantId,
    session: row.sessionId,
    extensionVersion: row.extensionVersion,
    consentVersion: row.consentVersion,
    task,
    event: row.event,
  };
  return `${JSON.stringify(line)}\n`;
}

/**
 * `episodes.jsonl`, session by session: sessions in pages of EXPORT_SESSION_PAGE (with
 * their saved task lists), then one session's events at a time. Memory is bounded by
 * the largest session, however many the study has.
 */
async function episodePages(store: Store, studyId: string) {
  let sessions: SessionRecord[] = [];
  let saved = new Map<string, SavedTaskLists>();
  let after: string | undefined;
  let more = true;
  const readSessions = async () => {
    sessions = await store.readSessionsPage(studyId, after, EXPORT_SESSION_PAGE);
    more = sessions.length === EXPORT_SESSION_PAGE;
    after = sessions.at(-1)?.id;
    saved = await store.readSessionTasks(sessions.map((session) => session.id));
  };
  // Only the first page of sessions before answering: a study with many sessions and
  // few tasks would otherwise keep the client waiting for its headers.
  await readSessions();
  const next: NextChunk = async () => {
    for (;;) {
      if (sessions.length === 0) {
        if (!more) return null;
        await readSessions();
      }
      const session = sessions.shift();
      if (!session) return null;
      const rows = await store.readSessionEvents(session.id);
      const lines = toEpisodes(
        rows,
        datasetTasks(
          saved.get(session.id),
          rows.map((row) => row.event),
        ),
      );
      // A session without tasks adds no line: go on to the next rather than send nothing.
      if (lines.length > 0) return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
    }
  };
  return { next };
}
