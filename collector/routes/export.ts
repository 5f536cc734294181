import { Hono } from 'hono';
import { type EventLine, SCHEMA_VERSION } from '../../lib/schema';
import type { AppDeps } from '../app';
import type { EventCursor, StoredEvent } from '../db/store';
import { ApiFailure } from '../http/api-failure';
import { bearerToken } from '../http/bearer-token';
import { EXPORT_PAGE_ROWS } from '../limits';
import { tokensMatch } from '../tokens';

const FORMATS = ['events'] as const;

/** The dataset as JSON lines, streamed page by page so memory stays flat. */
export function exportRoutes(deps: Pick<AppDeps, 'store' | 'studies' | 'researcherToken' | 'log'>) {
  const app = new Hono();

  app.get('/', async (c) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token || !tokensMatch(token, deps.researcherToken)) {
      throw new ApiFailure(
        401,
        'invalid_researcher_token',
        'Exports need "Authorization: Bearer <researcher token>"; print the token with `npm run collector -- token --data <data folder>`.',
      );
    }
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
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new ApiFailure(
        400,
        'unknown_format',
        `Unknown export format "${format}". Available: ${FORMATS.join(', ')}.`,
      );
    }

    // Read before answering: if the database fails now, the client gets a clean 500.
    const first = await deps.store.readEventsPage(studyId, undefined, EXPORT_PAGE_ROWS);
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${studyId}-events.jsonl"`);
    c.header('Cache-Control', 'no-store');
    // Without it, @hono/node-server may buffer the first chunks and, if a later page
    // fails, end the response with a Content-Length as if it were complete.
    c.header('Transfer-Encoding', 'chunked');
    return c.body(eventLines(deps, studyId, first));
  });

  return app;
}

/**
 * A pull stream: the next page is read only when the client has taken the previous
 * one, so a slow download never piles rows up in memory. A failed page errors the
 * stream, which cuts the connection: a truncated file must never look complete.
 */
function eventLines(
  deps: Pick<AppDeps, 'store' | 'log'>,
  studyId: string,
  first: StoredEvent[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: StoredEvent[] | undefined = first;
  let after: EventCursor | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let rows: StoredEvent[];
        try {
          rows = pending ?? (await deps.store.readEventsPage(studyId, after, EXPORT_PAGE_ROWS));
          pending = undefined;
        } catch (error) {
          deps.log?.(`error: export of study ${studyId} failed: ${(error as Error).message}`);
          controller.error(error);
          return;
        }
        if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(toLine).join('')));
        if (rows.length < EXPORT_PAGE_ROWS) controller.close();
        else after = rows[rows.length - 1];
      },
    },
    { highWaterMark: 0 },
  );
}

function toLine(row: StoredEvent): string {
  const line: EventLine = {
    schemaVersion: SCHEMA_VERSION,
    study: row.studyId,
    participant: row.participantId,
    session: row.sessionId,
    extensionVersion: row.extensionVersion,
    consentVersion: row.consentVersion,
    task: null,
    event: row.event,
  };
  return `${JSON.stringify(line)}\n`;
}
