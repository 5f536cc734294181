import { addConsent } from './add-consent';
import type { SqlClient } from './sql-client';
import type { NewParticipant } from './store';

/** The participant and their first consent record together, or neither. */
export async function createParticipant(db: SqlClient, p: NewParticipant): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into participants (id, study_id, token_hash, consent_version, extension_version)
       values ($1, $2, $3, $4, $5)`,
      [p.id, p.studyId, p.tokenHash, p.consentVersion, p.extensionVersion],
    );
    await addConsent(tx, p.id, p.consentVersion);
  });
}
