import { ingestEvents } from '../db/ingest-events';
import type { Db } from '../db/open-db';
import { openTask } from '../db/open-task';

/**
 * The volunteer's own task markers. Starting a task while one is open leaves that one
 * open-ended (its outcome `unknown`), which review lets the volunteer settle. Markers go
 * through the same ingest as every event, so a pause holds for them too.
 */
export async function markTask(
  db: Db,
  mark: { goal: string } | { outcome: 'done' | 'gave-up' },
  now = Date.now(),
): Promise<void> {
  if ('outcome' in mark && !(await openTask(db))) {
    throw new Error('There is no task to end. Start one first.');
  }
  const draft =
    'goal' in mark
      ? { kind: 'task-start' as const, t: now, goal: mark.goal }
      : { kind: 'task-end' as const, t: now, outcome: mark.outcome };
  const [outcome] = await ingestEvents(db, [{ draft, opensSession: 'goal' in mark }], now);
  if (outcome !== 'stored') {
    throw new Error(
      'The marker was not recorded: recording is paused or stopped. Resume recording first.',
    );
  }
}
