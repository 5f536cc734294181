import type { SqlQueryable } from './sql-client';

/**
 * Records that a participant agreed to a consent version; agreeing again changes nothing.
 * `for share` waits for a concurrent erasure to commit and then sees the participant as
 * erased, so no consent record is left behind after erasure.
 */
export async function addConsent(
  db: SqlQueryable,
  participantId: string,
  consentVersion: string,
): Promise<void> {
  await db.query(
    `insert into participant_consents (participant_id, consent_version)
     select id, $2 from participants where id = $1 and erased_at is null
     for share
     on conflict (participant_id, consent_version) do nothing`,
    [participantId, consentVersion],
  );
}
