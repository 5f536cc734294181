import type { TaskSpan } from '../schema';
import { stepRange, taskName } from './check-tasks';
import { capitalise } from './format';

/**
 * Edits to a session's task list, as the review page offers them. Each takes the
 * tasks in order and returns a new list in order; none overlaps another.
 */

const byStart = (a: TaskSpan, b: TaskSpan) => a.start - b.start;

/** The task that step `seq` belongs to, by index, or -1. */
export function taskAt(tasks: readonly TaskSpan[], seq: number): number {
  return tasks.findIndex((task) => task.start <= seq && seq <= task.end);
}

/** The task "End task here" on step `seq` would end: the last one starting at or before it. */
export function taskEndingAt(tasks: readonly TaskSpan[], seq: number): number {
  return tasks.findLastIndex((task) => task.start <= seq);
}

/**
 * "Start task here": a new task begins at `seq`. Inside a task, that task ends just
 * before it and the new one takes the rest, as starting a task from the popup does;
 * outside, the new one runs until the next task or the session's last step (`lastSeq`).
 */
export function startTaskAt(tasks: readonly TaskSpan[], seq: number, lastSeq: number): TaskSpan[] {
  const inside = taskAt(tasks, seq);
  const next: TaskSpan[] = tasks.map((task) => ({ ...task }));
  if (inside >= 0) {
    const task = next[inside] as TaskSpan;
    if (task.start === seq) return next;
    next.push({ start: seq, end: task.end, goal: null, outcome: 'unknown' });
    task.end = seq - 1;
  } else {
    const following = tasks.find((task) => task.start > seq);
    const end = following ? following.start - 1 : Math.max(seq, lastSeq);
    next.push({ start: seq, end, goal: null, outcome: 'unknown' });
  }
  return next.sort(byStart);
}

/** "End task here": the task started last at or before `seq` ends there (shorter or longer). */
export function endTaskAt(tasks: readonly TaskSpan[], seq: number): TaskSpan[] {
  const index = taskEndingAt(tasks, seq);
  if (index < 0) throw new Error(`No task starts at or before ${stepRange(seq, seq)}.`);
  return tasks.map((task, at) => (at === index ? { ...task, end: seq } : { ...task }));
}

/**
 * Steps `start`–`end` become one task. If they touch one task, that task moves there
 * and keeps its goal and outcome; if they touch several, it refuses rather than merge.
 */
export function spanTask(tasks: readonly TaskSpan[], start: number, end: number): TaskSpan[] {
  const touched = tasks.filter((task) => task.start <= end && task.end >= start);
  if (touched.length > 1) {
    throw new Error(
      `${capitalise(stepRange(start, end))} touch ${touched.length} tasks (${touched.map(taskName).join(', ')}). Choose steps within one task, or delete a task first.`,
    );
  }
  const kept = tasks.filter((task) => !touched.includes(task)).map((task) => ({ ...task }));
  const base = touched[0] ?? { goal: null, outcome: 'unknown' as const };
  return [...kept, { goal: base.goal, outcome: base.outcome, start, end }].sort(byStart);
}

export function updateTask(
  tasks: readonly TaskSpan[],
  index: number,
  change: Partial<Pick<TaskSpan, 'goal' | 'outcome'>>,
): TaskSpan[] {
  return tasks.map((task, at) => (at === index ? { ...task, ...change } : { ...task }));
}

export function removeTask(tasks: readonly TaskSpan[], index: number): TaskSpan[] {
  return tasks.filter((_, at) => at !== index).map((task) => ({ ...task }));
}
