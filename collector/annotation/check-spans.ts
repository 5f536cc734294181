import type { TaskSpan } from '../../lib/schema';
import { ApiFailure } from '../http/api-failure';

/**
 * A task list as it may be stored: every start and end a step the session has, no two
 * tasks sharing a step. Returns the tasks ordered by start; otherwise a 422 whose issues
 * name each bad task by its index in the request (`tasks.2.start: …`).
 */
export function checkSpans(tasks: readonly TaskSpan[], present: ReadonlySet<number>): TaskSpan[] {
  const issues: string[] = [];
  tasks.forEach((task, index) => {
    for (const edge of ['start', 'end'] as const) {
      if (!present.has(task[edge])) {
        issues.push(`tasks.${index}.${edge}: this session has no event with seq ${task[edge]}`);
      }
    }
  });
  const order = tasks
    .map((task, index) => ({ task, index }))
    .sort((a, b) => a.task.start - b.task.start);
  // Against the task reaching furthest so far, so a long task is caught overlapping every
  // task inside it, not only the first.
  let reach: (typeof order)[number] | undefined;
  for (const current of order) {
    if (reach && current.task.start <= reach.task.end) {
      issues.push(
        `tasks.${current.index}: overlaps tasks.${reach.index} (seq ${current.task.start}–${current.task.end} and ${reach.task.start}–${reach.task.end}); an event belongs to one task at most`,
      );
    }
    if (!reach || current.task.end > reach.task.end) reach = current;
  }
  if (issues.length > 0) {
    throw new ApiFailure(
      422,
      'invalid_task_spans',
      `Task list not saved: ${issues[0]}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}. Tasks must start and end on events of this session and must not overlap.`,
      issues,
    );
  }
  return order.map(({ task }) => task);
}
