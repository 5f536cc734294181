import { getMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import type { AllowlistEntry } from '../schema';
import { type OptionsState, recordingModeOf, type SiteAccess } from '../schema';
import { consentChanges } from '../settings/consent-changes';
import { isEntryGranted } from './is-entry-granted';

export async function getOptionsState(db: Db): Promise<OptionsState> {
  const [enrollment, local, reconsent, autoPauseMinutes] = await Promise.all([
    getMeta(db, 'enrollment'),
    getMeta(db, 'local'),
    getMeta(db, 'reconsent'),
    getMeta(db, 'autoPauseMinutes'),
  ]);
  const sessions = await db.getAll('sessions');
  const events = sessions.reduce((sum, session) => sum + session.eventCount, 0);
  const uploaded = sessions.reduce((sum, session) => sum + session.uploadedCount, 0);
  const entries = enrollment?.study.allowlist ?? local?.sites ?? [];
  return {
    mode: recordingModeOf(enrollment, local),
    study: enrollment
      ? {
          name: enrollment.study.name,
          researcher: enrollment.study.researcher.name,
          contact: enrollment.study.researcher.contact,
          endpoint: enrollment.study.endpoint,
          captureLevel: enrollment.study.captureLevel,
          retentionDays: enrollment.study.retentionDays,
          consentVersion: enrollment.consentVersion,
          enrolledAt: enrollment.enrolledAt,
        }
      : null,
    reconsent:
      enrollment && reconsent
        ? {
            changes: consentChanges(enrollment.study, reconsent),
            consentVersion: reconsent.consent.version,
          }
        : null,
    local: local ? { captureLevel: local.captureLevel, startedAt: local.startedAt } : null,
    sites: await Promise.all(entries.map(siteAccess)),
    autoPauseMinutes: autoPauseMinutes ?? 0,
    stored: {
      sessions: sessions.length,
      events,
      pendingUpload: enrollment ? Math.max(0, events - uploaded) : 0,
    },
  };
}

async function siteAccess(entry: AllowlistEntry): Promise<SiteAccess> {
  return {
    match: entry.match,
    excludePaths: entry.excludePaths,
    granted: await isEntryGranted(entry),
  };
}
