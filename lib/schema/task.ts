import { z } from 'zod';
import { seq, sessionId } from './primitives';

export const taskOutcome = z.enum(['done', 'gave-up', 'unknown']);

/**
 * One task within a session: an inclusive range of the session's sequence numbers,
 * what the volunteer set out to do and how it ended. Volunteers set these in review
 * (from their task markers), annotators in /annotate; episodes use the annotator's.
 */
export const taskSpan = z
  .strictObject({
    start: seq,
    end: seq,
    goal: z.string().trim().min(1).max(500).nullable(),
    outcome: taskOutcome,
  })
  .refine((task) => task.end >= task.start, { message: 'end must not come before start' });
export type TaskSpan = z.infer<typeof taskSpan>;

export const tasksBy = z.enum(['volunteer', 'annotator']);

/** `PUT /v1/sessions/:id/tasks`: the whole list, with the version it was edited from. */
export const putTasksRequest = z.strictObject({
  /** The version read before editing; a mismatch means someone else saved first (409). */
  version: z.number().int().nonnegative(),
  tasks: z.array(taskSpan).max(500),
});
export type PutTasksRequest = z.infer<typeof putTasksRequest>;

export const sessionTasks = z.strictObject({
  session: sessionId,
  by: tasksBy,
  /** 0 before anyone saved; each save adds one. */
  version: z.number().int().nonnegative(),
  tasks: z.array(taskSpan),
});
export type SessionTasks = z.infer<typeof sessionTasks>;
