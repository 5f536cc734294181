import { taskLabeller } from '../annotation/task-labeller';
import { EXPORT_PAGE_ROWS } from '../common/limits';
import type { ExportSelection } from '../db/export-selection';
import type { EventCursor, ExportEvent, SavedTaskLists, Store } from '../db/store';
import { eventLineWriter } from './event-line';
import { LineBuffer } from './line-buffer';
import type { NextChunk } from './pull-stream';

/** Bytes of a line before its event: ids, versions and a task name. */
const HEAD_GUESS = 256;

interface Page {
  rows: ExportEvent[];
  saved: Map<string, SavedTaskLists>;
}

/**
 * `events.jsonl` in pages of EXPORT_PAGE_ROWS, keyset-paginated. Each page also reads
 * the saved task lists of its sessions (one query), to name each event's task. The
 * first page is read before answering: if the database fails then, the client gets a
 * clean 500 rather than a cut stream. On PostgreSQL, while a page is sent, the next one
 * is read: the database and the client work at once, and at most two pages are held.
 */
export async function eventChunks(store: Store, selection: ExportSelection) {
  const label = taskLabeller();
  const line = eventLineWriter();
  const read = async (after: EventCursor | undefined): Promise<Page> => {
    const rows = await store.readExportEventsPage(selection, after, EXPORT_PAGE_ROWS);
    const sessions = [...new Set(rows.map((row) => row.sessionId))];
    return { rows, saved: await store.readSessionTasks(sessions) };
  };
  const prefetch = (after: EventCursor | undefined) => {
    const page = read(after);
    // Its failure is reported when the page is asked for; until then it must not count
    // as unhandled (which would stop the process), nor if the client has left.
    page.catch(() => undefined);
    return page;
  };
  // Without concurrent reads (PGlite) the next page is read only when asked for.
  const readAhead = store.concurrentReads !== false;
  let ahead: Promise<Page> | null = prefetch(undefined);
  let after: EventCursor | undefined;
  let ended = false;
  const next: NextChunk = async () => {
    if (ended) return null;
    const { rows, saved } = await (ahead ?? read(after));
    ahead = null;
    ended = rows.length < EXPORT_PAGE_ROWS;
    after = rows[rows.length - 1];
    if (!ended && readAhead) ahead = prefetch(after);
    if (rows.length === 0) return null;
    // A first guess at the page's size: its events plus a head per line, in ASCII.
    let chars = 0;
    for (const row of rows) chars += row.eventJson.length + HEAD_GUESS;
    const out = new LineBuffer(chars);
    for (const row of rows) line(row, label(row, saved.get(row.sessionId)), out);
    return out.done();
  };
  return { first: await next(), next };
}
