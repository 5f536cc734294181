import type { TaskSpan, TraceEvent } from '../schema';

/**
 * The volunteer's own task boundaries, read from their markers: a task runs from its
 * `task-start` to the next `task-end` (or the next `task-start`, or the session's last
 * event, when it was never ended, with outcome `unknown`). Events must be in seq order.
 */
export function tasksFromMarkers(events: readonly TraceEvent[]): TaskSpan[] {
  const tasks: TaskSpan[] = [];
  let open: TaskSpan | null = null;
  let last: number | null = null;
  for (const event of events) {
    if (event.kind === 'task-start') {
      if (open && last !== null) tasks.push({ ...open, end: Math.max(open.start, last) });
      open = { start: event.seq, end: event.seq, goal: event.goal, outcome: 'unknown' };
    } else if (event.kind === 'task-end' && open) {
      tasks.push({ ...open, end: event.seq, outcome: event.outcome });
      open = null;
    }
    last = event.seq;
  }
  if (open && last !== null) tasks.push({ ...open, end: last });
  return tasks;
}
