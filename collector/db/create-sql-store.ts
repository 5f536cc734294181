import { addConsent } from './add-consent';
import { claimIdempotencyKey } from './claim-idempotency-key';
import { claimSession } from './claim-session';
import { completeIdempotencyKey } from './complete-idempotency-key';
import { createParticipant } from './create-participant';
import { createStaffToken } from './create-staff-token';
import { deleteExpiredSessions } from './delete-expired-sessions';
import { eraseParticipant } from './erase-participant';
import { findParticipantByTokenHash } from './find-participant';
import { findPresentSeqs } from './find-present-seqs';
import { findSession } from './find-session';
import { findStaffTokenByHash } from './find-staff-token';
import { inKeyOrder } from './in-key-order';
import { insertEvents } from './insert-events';
import { insertSessionEvents } from './insert-session-events';
import { listSessions } from './list-sessions';
import { listStaffTokens } from './list-staff-tokens';
import { readEventsPage } from './read-events-page';
import { readExportEventsPage } from './read-export-events-page';
import { readExportFigures } from './read-export-figures';
import { readExportSessionsPage } from './read-export-sessions-page';
import { readSessionEvents } from './read-session-events';
import { readSessionTasks } from './read-session-tasks';
import { readSessionsPage } from './read-sessions-page';
import { readStudyStats } from './read-study-stats';
import { releaseIdempotencyKey } from './release-idempotency-key';
import { revokeStaffToken } from './revoke-staff-token';
import { saveSessionTasks } from './save-session-tasks';
import type { SqlClient } from './sql-client';
import type { Store } from './store';

/** The store over any client that speaks PostgreSQL's SQL. */
export function createSqlStore(db: SqlClient): Store {
  return {
    concurrentReads: db.concurrent !== false,
    createParticipant: (participant) => createParticipant(db, participant),
    findParticipantByTokenHash: (tokenHash) => findParticipantByTokenHash(db, tokenHash),
    addConsent: (participantId, consentVersion) => addConsent(db, participantId, consentVersion),
    claimSession: (session) => claimSession(db, session),
    insertEvents: (batch) => insertEvents(db, batch),
    insertSessionEvents: (batch, answerTo, notes) =>
      insertSessionEvents(db, batch, answerTo, notes),
    claimIdempotencyKey: (claim) => claimIdempotencyKey(db, claim),
    completeIdempotencyKey: (key, answer) => completeIdempotencyKey(db, key, answer),
    releaseIdempotencyKey: (key) => releaseIdempotencyKey(db, key),
    readEventsPage: (studyId, after, limit) => readEventsPage(db, studyId, after, limit),
    eraseParticipant: (participantId) => eraseParticipant(db, participantId),
    deleteExpiredSessions: (studyId, days) => deleteExpiredSessions(db, studyId, days),
    createStaffToken: (token) => createStaffToken(db, token),
    listStaffTokens: () => listStaffTokens(db),
    findStaffTokenByHash: (tokenHash) => findStaffTokenByHash(db, tokenHash),
    revokeStaffToken: (id) => revokeStaffToken(db, id),
    listSessions: (query) => listSessions(db, query),
    findSession: (id) => findSession(db, id),
    readSessionEvents: (sessionId) => readSessionEvents(db, sessionId),
    readSessionTasks: (sessionIds) => readSessionTasks(db, sessionIds),
    findPresentSeqs: (sessionId, seqs) => findPresentSeqs(db, sessionId, seqs),
    saveSessionTasks: (save) => saveSessionTasks(db, save),
    readSessionsPage: (studyId, after, limit) => readSessionsPage(db, studyId, after, limit),
    readStudyStats: (studyId) => readStudyStats(db, studyId),
    readExportEventsPage: (selection, after, limit) =>
      inKeyOrder(db, (tx) => readExportEventsPage(tx, selection, after, limit)),
    readExportSessionsPage: (selection, after, limit) =>
      readExportSessionsPage(db, selection, after, limit),
    readExportFigures: (selection) => readExportFigures(db, selection),
  };
}
