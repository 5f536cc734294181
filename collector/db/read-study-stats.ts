import type { StudyProgress } from '../../lib/schema';
import { countAnnotatedSessions } from './count-annotated-sessions';
import { countEvents } from './count-events';
import { countEventsPerDay } from './count-events-per-day';
import { countParticipants } from './count-participants';
import { countSessions } from './count-sessions';
import type { SqlClient } from './sql-client';

/** One query per figure, in one read-only transaction so the figures agree with each other. */
export function readStudyStats(db: SqlClient, studyId: string): Promise<StudyProgress> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    return {
      participants: await countParticipants(tx, studyId),
      sessions: await countSessions(tx, studyId),
      events: await countEvents(tx, studyId),
      annotatedSessions: await countAnnotatedSessions(tx, studyId),
      eventsPerDay: await countEventsPerDay(tx, studyId),
    };
  });
}
