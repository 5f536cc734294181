import type { TaskSpan } from '../../lib/schema';
import type { ExportEvent, SavedTaskLists } from '../db/store';
import { taskId } from './task-id';

/**
 * Names the task each event of the events export belongs to, as the episodes export
 * draws them, while the export streams (participant, session, seq) in order and page by
 * page. With saved tasks (an annotator's, else the volunteer's) an event is in the span
 * that covers it; without, the volunteer's markers are followed as they stream past,
 * exactly as `tasksFromMarkers` reads them: a task runs from its `task-start` through its
 * `task-end`, or up to the next `task-start` or the session's last event.
 */
export function taskLabeller() {
  let session: string | undefined;
  let spans: readonly TaskSpan[] | undefined;
  let nextSpan = 0;
  let openStart: number | null = null;

  return (
    row: Pick<ExportEvent, 'sessionId' | 'seq' | 'kind'>,
    saved: SavedTaskLists | undefined,
  ): string | null => {
    if (row.sessionId !== session) {
      // Chosen once per session, so a session split across pages is labelled one way.
      session = row.sessionId;
      spans = (saved?.annotator ?? saved?.volunteer)?.tasks;
      nextSpan = 0;
      openStart = null;
    }
    if (spans) {
      while (nextSpan < spans.length && spans[nextSpan]!.end < row.seq) nextSpan += 1;
      const span = spans[nextSpan];
      return span && span.start <= row.seq ? taskId(row.sessionId, span.start) : null;
    }
    // The kind and seq columns are the event's own (the export never parses its body).
    if (row.kind === 'task-start') openStart = row.seq;
    if (openStart === null) return null;
    const id = taskId(row.sessionId, openStart);
    if (row.kind === 'task-end') openStart = null;
    return id;
  };
}
