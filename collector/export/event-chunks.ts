import { type EventLine, SCHEMA_VERSION } from '../../lib/schema';
import { taskLabeller } from '../annotation/task-labeller';
import type { ExportSelection } from '../db/export-selection';
import type { EventCursor, Store, StoredEvent } from '../db/store';
import { EXPORT_PAGE_ROWS } from '../limits';
import type { NextChunk } from './pull-stream';

/**
 * `events.jsonl` in pages of EXPORT_PAGE_ROWS, keyset-paginated. Each page also reads
 * the saved task lists of its sessions (one query), to name each event's task. The
 * first page is read before answering: if the database fails then, the client gets a
 * clean 500 rather than a cut stream.
 */
export async function eventChunks(store: Store, selection: ExportSelection) {
  const label = taskLabeller();
  let after: EventCursor | undefined;
  let done = false;
  const next: NextChunk = async () => {
    if (done) return null;
    const rows = await store.readExportEventsPage(selection, after, EXPORT_PAGE_ROWS);
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
