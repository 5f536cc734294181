import type { StudyManifest } from '../schema';

/**
 * The parts of a study a volunteer agreed to: what is recorded, where and how long it
 * is kept, and the text itself. A change to any of them needs their consent again;
 * the study's name, description and researcher details may change without it.
 */
const TERMS: { label: string; pick: (study: StudyManifest) => unknown }[] = [
  { label: 'the consent text', pick: (study) => study.consent },
  { label: 'the sites it records', pick: (study) => study.allowlist },
  { label: 'what is recorded', pick: (study) => study.captureLevel },
  {
    label: 'what is recorded about pages',
    // Structural words only when named, so studies agreed to before they existed still hold.
    pick: (study) => [
      study.routeTemplates,
      study.queryKeys,
      study.testIdAttributes,
      ...(study.structuralWords?.length ? [study.structuralWords] : []),
    ],
  },
  { label: 'where the data goes', pick: (study) => study.endpoint },
  { label: 'how long it is kept', pick: (study) => study.retentionDays },
];

/** Plain-language names of the terms that differ; empty when consent still holds. */
export function consentChanges(agreed: StudyManifest, current: StudyManifest): string[] {
  return TERMS.filter(
    ({ pick }) => JSON.stringify(pick(agreed)) !== JSON.stringify(pick(current)),
  ).map(({ label }) => label);
}
