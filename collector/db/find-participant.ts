import type { SqlQueryable } from './sql-client';
import type { Participant } from './store';

interface Row {
  id: string;
  study_id: string;
  consent_version: string;
  erased_at: Date | string | null;
}

export async function findParticipantByTokenHash(
  db: SqlQueryable,
  tokenHash: string,
): Promise<Participant | undefined> {
  const { rows } = await db.query<Row>(
    'select id, study_id, consent_version, erased_at from participants where token_hash = $1',
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    studyId: row.study_id,
    consentVersion: row.consent_version,
    erasedAt: row.erased_at === null ? null : new Date(row.erased_at),
  };
}
