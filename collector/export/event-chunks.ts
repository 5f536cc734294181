import { taskLabeller } from '../annotation/task-labeller';
import type { ExportSelection } from '../db/export-selection';
import type { EventCursor, ExportEvent, SavedTaskLists, Store } from '../db/store';
import { EXPORT_PAGE_ROWS } from '../limits';
import { eventLineWriter } from './event-line';
import type { NextChunk } from './pull-stream';

interface Page {
  rows: ExportEvent[];
  saved: Map<string, SavedTaskLists>;
}

/**
 * `events.jsonl` in pages of EXPORT_PAGE_ROWS, keyset-paginated. Each page also reads
 * the saved task lists of its sessions (one query), to name each event's task. The
 * first page is read before answering: if the database fails then, the client gets a
 * clean 500 rather than a cut stream. While a page is sent, the next one is read: the
 * database and the client work at once, and at most two pages are held.
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
  let ahead: Promise<Page> | null = prefetch(undefined);
  const next: NextChunk = async () => {
    if (!ahead) return null;
    const { rows, saved } = await ahead;
    ahead = rows.length < EXPORT_PAGE_ROWS ? null : prefetch(rows[rows.length - 1]);
    if (rows.length === 0) return null;
    let text = '';
    for (const row of rows) text += line(row, label(row, saved.get(row.sessionId)));
    return text;
  };
  return { first: await next(), next };
}
