import { browser } from 'wxt/browser';
import type { RecordingTerms } from '../db/recording-terms';
import { isEntryGranted } from './is-entry-granted';
import { publishRecorderSettings } from './publish-recorder-settings';

export const RECORDER_SCRIPT_ID = 'tasktrace-recorder';
export const RECORDER_SCRIPT_FILE = 'recorder.js';

/**
 * Registers the recorder for the allowlisted patterns whose origin the
 * volunteer has granted, and for nothing else. Called on every start and whenever
 * enrollment or permissions change, so a revoked site stops at once; the recorders
 * already running hear the same change through their published settings.
 */
export async function syncRecorderRegistration(
  terms: RecordingTerms | undefined,
): Promise<string[]> {
  const matches: string[] = [];
  for (const entry of terms?.allowlist ?? []) {
    if (await isEntryGranted(entry)) matches.push(entry.match);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [RECORDER_SCRIPT_ID],
  });
  if (existing.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [RECORDER_SCRIPT_ID] });
  }
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: RECORDER_SCRIPT_ID,
        js: [RECORDER_SCRIPT_FILE],
        matches,
        allFrames: true,
        runAt: 'document_start',
      },
    ]);
  }
  await publishRecorderSettings({ terms });
  return matches;
}
