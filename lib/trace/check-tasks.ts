import { type TaskSpan, taskSpan } from '../schema';

/** "steps 3–7", "step 3": steps are numbered from 1, by sequence number. */
export function stepRange(start: number, end: number): string {
  return start === end ? `step ${start + 1}` : `steps ${start + 1}–${end + 1}`;
}

export function taskName(task: Pick<TaskSpan, 'start' | 'end' | 'goal'>): string {
  return task.goal ? `“${task.goal}”` : `at ${stepRange(task.start, task.end)}`;
}

/**
 * A session's task list as it may be saved: each a valid span (start ≤ end, a goal of
 * at most 500 characters or none), within the session's steps, none overlapping.
 * Returns them in order; throws a message the volunteer can act on.
 */
export function checkTasks(tasks: readonly unknown[], nextSeq: number): TaskSpan[] {
  const parsed = tasks.map((task, index) => {
    const result = taskSpan.safeParse(task);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') || 'task';
      throw new Error(`Task ${index + 1} is not valid (${field}: ${issue?.message}).`);
    }
    return result.data;
  });
  const sorted = [...parsed].sort((a, b) => a.start - b.start);
  let previous: TaskSpan | undefined;
  for (const task of sorted) {
    if (task.end >= nextSeq) {
      throw new Error(`Task ${taskName(task)} ends after the session's last step.`);
    }
    if (previous && task.start <= previous.end) {
      throw new Error(
        `Task ${taskName(task)} overlaps task ${taskName(previous)}: a step can belong to one task only.`,
      );
    }
    previous = task;
  }
  return sorted;
}
