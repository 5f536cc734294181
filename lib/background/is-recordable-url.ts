import { browser } from 'wxt/browser';
import { compileAllowlist } from '../privacy/allowlist';
import { permissionOrigin } from '../privacy/match-pattern';
import type { Enrollment } from '../schema';

/** A URL is recorded only if the study allowlists it and its site is granted. */
export async function isRecordableUrl(
  enrollment: Enrollment,
  url: string | undefined,
): Promise<boolean> {
  if (!url) return false;
  const allowlist = compileAllowlist(enrollment.study.allowlist);
  if (!allowlist(url)) return false;
  const parsed = new URL(url);
  for (const entry of enrollment.study.allowlist) {
    if (!compileAllowlist([entry])(parsed)) continue;
    if (await browser.permissions.contains({ origins: [permissionOrigin(entry.match)] })) {
      return true;
    }
  }
  return false;
}
