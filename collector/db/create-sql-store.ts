import { addConsent } from './add-consent';
import { claimIdempotencyKey } from './claim-idempotency-key';
import { claimSession } from './claim-session';
import { completeIdempotencyKey } from './complete-idempotency-key';
import { createParticipant } from './create-participant';
import { eraseParticipant } from './erase-participant';
import { findParticipantByTokenHash } from './find-participant';
import { insertEvents } from './insert-events';
import { readEventsPage } from './read-events-page';
import { releaseIdempotencyKey } from './release-idempotency-key';
import type { SqlClient } from './sql-client';
import type { Store } from './store';

/** The store over any client that speaks PostgreSQL's SQL. */
export function createSqlStore(db: SqlClient): Store {
  return {
    createParticipant: (participant) => createParticipant(db, participant),
    findParticipantByTokenHash: (tokenHash) => findParticipantByTokenHash(db, tokenHash),
    addConsent: (participantId, consentVersion) => addConsent(db, participantId, consentVersion),
    claimSession: (session) => claimSession(db, session),
    insertEvents: (batch) => insertEvents(db, batch),
    claimIdempotencyKey: (claim) => claimIdempotencyKey(db, claim),
    completeIdempotencyKey: (key, answer) => completeIdempotencyKey(db, key, answer),
    releaseIdempotencyKey: (key) => releaseIdempotencyKey(db, key),
    readEventsPage: (studyId, after, limit) => readEventsPage(db, studyId, after, limit),
    eraseParticipant: (participantId) => eraseParticipant(db, participantId),
  };
}
