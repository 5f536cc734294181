import { browser } from 'wxt/browser';
import { permissionOrigin } from '../privacy/match-pattern';
import type { AllowlistEntry } from '../schema';

/** Whether the volunteer has granted the site an allowlist entry covers. */
export function isEntryGranted(entry: AllowlistEntry): Promise<boolean> {
  return browser.permissions.contains({ origins: [permissionOrigin(entry.match)] });
}
