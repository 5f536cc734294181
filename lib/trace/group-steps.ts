import type { ReviewStep, TaskSpan } from '../schema';

/** A run of steps in one task (`task` and its index), or outside any task (`null`). */
export type StepGroup = { task: TaskSpan | null; index: number | null; steps: ReviewStep[] };

/**
 * The session's steps in order, cut into groups: each task's steps under that task,
 * and runs of steps outside any task between them. A task whose steps were all
 * deleted still shows, empty, so the volunteer can delete it too.
 */
export function groupSteps(steps: readonly ReviewStep[], tasks: readonly TaskSpan[]): StepGroup[] {
  const groups: StepGroup[] = [];
  let next = 0;
  const openTask = (index: number) =>
    groups.push({ task: tasks[index] as TaskSpan, index, steps: [] });
  for (const step of steps) {
    const { seq } = step.event;
    // Tasks that begin before this step and have not been shown yet.
    while (next < tasks.length && (tasks[next] as TaskSpan).start <= seq) {
      openTask(next);
      next += 1;
    }
    const current = next - 1;
    const inTask = current >= 0 && (tasks[current] as TaskSpan).end >= seq ? current : null;
    const last = groups.at(-1);
    if (last && last.index === inTask) last.steps.push(step);
    else
      groups.push({
        task: inTask === null ? null : (tasks[inTask] as TaskSpan),
        index: inTask,
        steps: [step],
      });
  }
  while (next < tasks.length) {
    openTask(next);
    next += 1;
  }
  return groups;
}
