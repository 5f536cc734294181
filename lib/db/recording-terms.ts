import {
  type AllowlistEntry,
  type CaptureLevel,
  type Enrollment,
  LOCAL_CONSENT_VERSION,
  type LocalProfile,
} from '../schema';
import type { Db } from './open-db';
import type { MetaValues } from './schema';

/** What may be recorded right now, whether for a study or for the volunteer alone. */
export type RecordingTerms = {
  mode: 'study' | 'local';
  studyId: string | null;
  consentVersion: string;
  allowlist: AllowlistEntry[];
  captureLevel: CaptureLevel;
  testIdAttributes: string[];
  routeTemplates: string[];
  queryKeys: string[];
  /** The study's own structural words (lib/privacy/structural-words.ts); none locally. */
  structuralWords?: string[];
  /** Days a session is kept on this machine; null keeps it until the volunteer deletes it. */
  retentionDays: number | null;
};

/**
 * A study whose terms changed since the volunteer agreed records nothing until they
 * agree again, so pending re-consent yields no terms at all.
 */
export function termsFrom(
  enrollment: MetaValues['enrollment'] | undefined,
  local: MetaValues['local'] | undefined,
  reconsent: MetaValues['reconsent'] | undefined,
): RecordingTerms | undefined {
  if (enrollment) return reconsent ? undefined : studyTerms(enrollment);
  if (local) return localTerms(local);
  return undefined;
}

function studyTerms({ study, consentVersion }: Enrollment): RecordingTerms {
  return {
    mode: 'study',
    studyId: study.id,
    consentVersion,
    allowlist: study.allowlist,
    captureLevel: study.captureLevel,
    testIdAttributes: study.testIdAttributes,
    routeTemplates: study.routeTemplates,
    queryKeys: study.queryKeys,
    // Absent from studies stored before the field existed.
    structuralWords: study.structuralWords ?? [],
    retentionDays: study.retentionDays,
  };
}

function localTerms(local: LocalProfile): RecordingTerms {
  return {
    mode: 'local',
    studyId: null,
    consentVersion: LOCAL_CONSENT_VERSION,
    allowlist: local.sites,
    captureLevel: local.captureLevel,
    testIdAttributes: [],
    routeTemplates: [],
    queryKeys: [],
    retentionDays: null,
  };
}

export async function getRecordingTerms(db: Db): Promise<RecordingTerms | undefined> {
  const tx = db.transaction('meta');
  const [enrollment, local, reconsent] = (await Promise.all([
    tx.store.get('enrollment'),
    tx.store.get('local'),
    tx.store.get('reconsent'),
  ])) as [
    MetaValues['enrollment'] | undefined,
    MetaValues['local'] | undefined,
    MetaValues['reconsent'] | undefined,
  ];
  await tx.done;
  return termsFrom(enrollment, local, reconsent);
}
