import { browser } from 'wxt/browser';
import { getDb } from '../db/open-db';
import { getRecordingTerms, type RecordingTerms } from '../db/recording-terms';
import { RECORDER_SETTINGS_KEY } from '../messaging/recorder-settings';
import { recorderSettingsNow } from './recorder-settings-now';

/**
 * Writes what recorders must follow where every frame reads it and hears it change:
 * pausing, resuming, joining, leaving, changed terms and revoked sites reach open
 * tabs at once, and a frame that loads while the worker is stopped has its settings
 * without waking it. Call after every change of terms, pause or site access; pass the
 * terms when they are not yet (or no longer) what storage says, as leaving does.
 * Without terms (never joined, left, awaiting consent again) the settings are removed:
 * recorders without settings record nothing, and leaving leaves nothing behind.
 */
export async function publishRecorderSettings(terms?: {
  terms: RecordingTerms | undefined;
}): Promise<void> {
  const current = terms ? terms.terms : await getRecordingTerms(await getDb());
  if (!current) await browser.storage.local.remove(RECORDER_SETTINGS_KEY);
  else {
    const settings = await recorderSettingsNow({ terms: current });
    await browser.storage.local.set({ [RECORDER_SETTINGS_KEY]: settings });
  }
}
