import type { SqlQueryable } from './sql-client';
import type { NewParticipant } from './store';

export async function createParticipant(db: SqlQueryable, p: NewParticipant): Promise<void> {
  await db.query(
    `insert into participants (id, study_id, token_hash, consent_version, extension_version)
     values ($1, $2, $3, $4, $5)`,
    [p.id, p.studyId, p.tokenHash, p.consentVersion, p.extensionVersion],
  );
}
