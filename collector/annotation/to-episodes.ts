import { type EpisodeLine, SCHEMA_VERSION, type TaskSpan } from '../../lib/schema';
import type { CollectedEvent, TasksBy } from '../db/store';
import { isMarker } from './is-marker';
import { taskId } from './task-id';

/**
 * One `episodes.jsonl` line per task of a session: its boundary events and the actions
 * between them, markers left out. `events` are the whole session in seq order. A task
 * whose boundary event is missing is skipped: saving checks boundaries, so it cannot
 * happen short of editing the database by hand.
 */
export function toEpisodes(
  events: readonly CollectedEvent[],
  chosen: { by: TasksBy; tasks: readonly TaskSpan[] },
): EpisodeLine[] {
  const indexOf = new Map(events.map((row, index) => [row.seq, index]));
  const lines: EpisodeLine[] = [];
  for (const task of chosen.tasks) {
    const first = indexOf.get(task.start);
    const last = indexOf.get(task.end);
    if (first === undefined || last === undefined) continue;
    const start = events[first]!;
    const end = events[last]!;
    lines.push({
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
      actions: events
        .slice(first, last + 1)
        .map((row) => row.event)
        .filter((event) => !isMarker(event)),
    });
  }
  return lines;
}
