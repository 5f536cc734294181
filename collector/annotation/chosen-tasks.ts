import type { TaskSpan, TraceEvent } from '../../lib/schema';
import { tasksFromMarkers } from '../../lib/trace/tasks-from-markers';
import type { SavedTaskLists, SavedTasks, TasksBy } from '../db/store';

/**
 * The volunteer's tasks: the list they saved, even an empty one (they removed their
 * tasks on purpose), else their task markers read as tasks (version 0). Events in seq order.
 */
export function volunteerTasks(
  saved: SavedTaskLists | undefined,
  events: readonly TraceEvent[],
): SavedTasks {
  return saved?.volunteer ?? { version: 0, tasks: tasksFromMarkers(events) };
}

/**
 * The tasks the dataset uses: an annotator's once one saved (an empty list included:
 * "no task here" overrides the volunteer), otherwise the volunteer's.
 */
export function datasetTasks(
  saved: SavedTaskLists | undefined,
  events: readonly TraceEvent[],
): { by: TasksBy; tasks: TaskSpan[] } {
  if (saved?.annotator) return { by: 'annotator', tasks: saved.annotator.tasks };
  return { by: 'volunteer', tasks: volunteerTasks(saved, events).tasks };
}
