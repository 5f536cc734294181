import { getMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import type { PendingStudy } from '../schema';
import { consentChanges } from '../settings/consent-changes';

/** The changed study awaiting consent, with what changed, for the consent screen. */
export async function getPendingStudy(db: Db): Promise<PendingStudy | null> {
  const [enrollment, study] = await Promise.all([
    getMeta(db, 'enrollment'),
    getMeta(db, 'reconsent'),
  ]);
  if (!enrollment || !study) return null;
  return { study, changes: consentChanges(enrollment.study, study) };
}
