import type { EditedTasks, TaskSpan, TraceEvent } from '../schema';
import { tasksFromMarkers } from './tasks-from-markers';

/**
 * The tasks review shows for a session: the ones the volunteer saved, if they edited
 * them, plus tasks from markers recorded since (a session may still be recording);
 * otherwise the volunteer's task markers alone. Events must be in seq order.
 */
export function sessionTasks(
  events: readonly TraceEvent[],
  saved: EditedTasks | undefined,
): TaskSpan[] {
  if (!saved) return tasksFromMarkers(events);
  const later = events.filter((event) => event.seq >= saved.through);
  return [...saved.spans, ...tasksFromMarkers(later)];
}
