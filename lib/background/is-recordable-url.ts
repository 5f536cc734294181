import type { RecordingTerms } from '../db/recording-terms';
import { compileAllowlistEntries, parseUrl } from '../privacy/allowlist';
import { isEntryGranted } from './is-entry-granted';

/** A URL is recorded only if the terms allowlist it and its site is granted. */
export async function isRecordableUrl(
  terms: Pick<RecordingTerms, 'allowlist'>,
  url: string | undefined,
): Promise<boolean> {
  const parsed = url ? parseUrl(url) : null;
  if (!parsed) return false;
  for (const { entry, allows } of compileAllowlistEntries(terms.allowlist)) {
    if (allows(parsed) && (await isEntryGranted(entry))) return true;
  }
  return false;
}
