import { compileAllowlistEntries, parseUrl } from '../privacy/allowlist';
import type { Enrollment } from '../schema';
import { isEntryGranted } from './is-entry-granted';

/** A URL is recorded only if the study allowlists it and its site is granted. */
export async function isRecordableUrl(
  enrollment: Enrollment,
  url: string | undefined,
): Promise<boolean> {
  const parsed = url ? parseUrl(url) : null;
  if (!parsed) return false;
  for (const { entry, allows } of compileAllowlistEntries(enrollment.study.allowlist)) {
    if (allows(parsed) && (await isEntryGranted(entry))) return true;
  }
  return false;
}
