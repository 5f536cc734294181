import { getMeta, setMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import { permissionOrigin } from '../privacy/match-pattern';
import { revokeSiteAccess } from '../settings/revoke-site-access';
import { injectIntoOpenTabs } from './inject-into-open-tabs';
import { syncRecorderRegistration } from './sync-recorder-registration';

/**
 * Adds or removes one of the volunteer's own sites. The page asks the browser for the
 * site's permission first (only a click may); the recorder follows both lists.
 */
export async function setLocalSite(db: Db, match: string, present: boolean): Promise<void> {
  const local = await getMeta(db, 'local');
  if (!local) throw new Error('Choose "Record for myself" before adding sites.');
  const others = local.sites.filter((entry) => entry.match !== match);
  const sites = present ? [...others, { match, excludePaths: [] }] : others;
  await setMeta(db, 'local', { ...local, sites });
  const terms = await getRecordingTerms(db);
  await syncRecorderRegistration(terms);
  if (present && terms) await injectIntoOpenTabs(terms);
  const origin = permissionOrigin(match);
  if (!present && !sites.some((entry) => permissionOrigin(entry.match) === origin)) {
    await revokeSiteAccess([origin]);
  }
}
