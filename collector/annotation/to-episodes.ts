import { type EpisodeLine, SCHEMA_VERSION, type TaskSpan } from '../../lib/schema';
import { sessionActions } from '../../lib/trace/to-actions';
import type { CollectedEvent, TasksBy } from '../db/store';
import { taskId } from './task-id';

/**
 * One `episodes.jsonl` line per task of a session: its boundary events, and its steps as
 * actions an agent could take, with the observations they were taken against
 * (lib/trace/to-actions.ts). `events` are the whole session in seq order: what came before
 * a task is its context (the page as observed before the task started, scroll positions).
 * Sessions recorded under schema 1 have no observations: their actions' `observation` is
 * null. A task whose boundary event is missing is skipped: saving checks boundaries, so it
 * cannot happen short of editing the database by hand.
 */
export function toEpisodes(
  events: readonly CollectedEvent[],
  chosen: { by: TasksBy; tasks: readonly TaskSpan[] },
): EpisodeLine[] {
  const indexOf = new Map(events.map((row, index) => [row.seq, index]));
  const tasks = chosen.tasks.flatMap((task) => {
    const first = indexOf.get(task.start);
    const last = indexOf.get(task.end);
    if (first === undefined || last === undefined) return [];
    return [{ task, start: events[first] as CollectedEvent, end: events[last] as CollectedEvent }];
  });
  if (tasks.length === 0) return [];
  // What comes after the last task is no task's context: its observations need no folding.
  const last = Math.max(...tasks.map(({ end }) => indexOf.get(end.seq) as number));
  const steps = sessionActions(
    events.slice(0, last + 1).map((row) => row.event),
    tasks.map(({ task }) => ({ start: task.start, end: task.end })),
  );
  return tasks.map(({ task, start, end }, index): EpisodeLine => {
    const { actions, observations } = steps[index]!;
    return {
      schemaVersion: SCHEMA_VERSION,
      study: start.studyId,
      participant: start.participantId,
      session: start.sessionId,
      extensionVersion: start.extensionVersion,
      consentVersion: start.consentVersion,
      task: taskId(start.sessionId, task.start),
      goal: task.goal,
      outcome: task.outcome,
      boundariesBy: chosen.by,
      start: { seq: start.seq, t: start.event.t },
      end: { seq: end.seq, t: end.event.t },
      actions,
      observations,
    };
  });
}
