import type { SqlQueryable } from './sql-client';
import type { Participant } from './store';

interface Row {
  id: string;
  study_id: string;
  consent_versions: string[];
  erased_at: Date | string | null;
}

export async function findParticipantByTokenHash(
  db: SqlQueryable,
  tokenHash: string,
): Promise<Participant | undefined> {
  const { rows } = await db.query<Row>(
    `select p.id, p.study_id, p.erased_at,
            array(select c.consent_version from participant_consents c
                  where c.participant_id = p.id
                  order by c.agreed_at, c.consent_version) as consent_versions
     from participants p
     where p.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    studyId: row.study_id,
    consentVersions: row.consent_versions,
    erasedAt: row.erased_at === null ? null : new Date(row.erased_at),
  };
}
