import type { StudyManifest } from '../schema';
import { consentChanges } from './consent-changes';

/**
 * What the consent screen shows besides the terms themselves: joining needs these to be
 * exactly as read too, though an enrolled volunteer's consent survives a change to them.
 */
const SHOWN: { label: string; pick: (study: StudyManifest) => unknown }[] = [
  { label: 'which study it is', pick: (study) => study.id },
  { label: "the study's name", pick: (study) => study.name },
  { label: 'who runs it', pick: (study) => study.researcher },
  { label: 'its description', pick: (study) => study.description },
  { label: 'the license its data is shared under', pick: (study) => study.license ?? null },
];

/**
 * Plain-language names of what differs between the study a volunteer read before
 * pressing "I agree" and the study as it reads now; empty only when they are identical.
 */
export function joinChanges(shown: StudyManifest, current: StudyManifest): string[] {
  const changes = [
    ...consentChanges(shown, current),
    ...SHOWN.filter(({ pick }) => canonical(pick(shown)) !== canonical(pick(current))).map(
      ({ label }) => label,
    ),
  ];
  // A field added to studies later is not silently agreed to either.
  if (changes.length === 0 && canonical(shown) !== canonical(current)) {
    changes.push('other details of the study');
  }
  return changes;
}

/** JSON with object keys sorted, so key order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}
