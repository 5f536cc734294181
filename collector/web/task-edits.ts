import type { TaskSpan } from '../../lib/schema';
import { endTaskAt, startTaskAt, taskEndingAt } from '../../lib/trace/edit-tasks';

/**
 * The annotator's edits, on top of the review page's own (lib/trace/edit-tasks): `s`
 * and `e` mark tasks exactly as a volunteer does in review; the task cards move one
 * task's start or end. Tasks stay in order and never overlap: a step belongs to one task.
 */

/** `s`: a task starts at this step (splitting the task it is in, if any). */
export function startAt(tasks: readonly TaskSpan[], seq: number, lastSeq: number): TaskSpan[] {
  return startTaskAt(tasks, seq, lastSeq);
}

/** `e`: the task that started last at or before this step ends here. */
export function endAt(tasks: readonly TaskSpan[], seq: number): TaskSpan[] {
  if (taskEndingAt(tasks, seq) < 0) {
    throw new Error('No task starts at or before this step: set a start first (s).');
  }
  return endTaskAt(tasks, seq);
}

function neighbourName(index: number): string {
  return `task ${index + 1}`;
}

/** Task `index` now starts at `seq` (and ends there too if it ended before). */
export function moveStart(tasks: readonly TaskSpan[], index: number, seq: number): TaskSpan[] {
  const task = tasks[index];
  if (!task) return [...tasks];
  const previous = tasks[index - 1];
  if (previous && seq <= previous.end) {
    throw new Error(
      `Task ${index + 1} cannot start there: that step belongs to ${neighbourName(index - 1)}.`,
    );
  }
  const next = tasks[index + 1];
  const end = Math.max(task.end, seq);
  if (next && end >= next.start) {
    throw new Error(
      `Task ${index + 1} cannot start there: it would overlap ${neighbourName(index + 1)}.`,
    );
  }
  return tasks.map((t, i) => (i === index ? { ...t, start: seq, end } : t));
}

/** Task `index` now ends at `seq` (and starts there too if it started after). */
export function moveEnd(tasks: readonly TaskSpan[], index: number, seq: number): TaskSpan[] {
  const task = tasks[index];
  if (!task) return [...tasks];
  const next = tasks[index + 1];
  if (next && seq >= next.start) {
    throw new Error(
      `Task ${index + 1} cannot end there: that step belongs to ${neighbourName(index + 1)}.`,
    );
  }
  const previous = tasks[index - 1];
  const start = Math.min(task.start, seq);
  if (previous && start <= previous.end) {
    throw new Error(
      `Task ${index + 1} cannot end there: it would overlap ${neighbourName(index - 1)}.`,
    );
  }
  return tasks.map((t, i) => (i === index ? { ...t, start, end: seq } : t));
}

/** What is saved: goals trimmed (an empty goal is no goal), tasks in the order they start. */
export function toSaved(tasks: readonly TaskSpan[]): TaskSpan[] {
  return [...tasks]
    .map((task) => {
      const goal = task.goal?.trim() ?? '';
      return { ...task, goal: goal === '' ? null : goal };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
