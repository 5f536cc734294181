import { browser, type PublicPath } from 'wxt/browser';
import { getMeta } from '../db/meta';
import { getDb } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import { isStorageFull } from '../settings/storage-full';
import { setRecordingPaused } from './set-recording-paused';
import { updateBadges } from './update-badges';

/** Where a volunteer reviews a changed study and agrees again. */
const OPTIONS_PAGE = '/options.html' as PublicPath;

/**
 * The pause/resume keyboard command. With nothing to record it changes no data and
 * opens the page that lets the volunteer start: onboarding, or the changed study.
 */
export async function toggleRecording(): Promise<void> {
  const db = await getDb();
  const terms = await getRecordingTerms(db);
  if (!terms) {
    // Without terms, a volunteer who has joined is awaiting re-consent (see termsFrom).
    const awaitingReconsent = (await getMeta(db, 'enrollment')) !== undefined;
    const page = awaitingReconsent ? OPTIONS_PAGE : '/onboarding.html';
    await browser.tabs.create({ url: browser.runtime.getURL(page) });
    return;
  }
  // Paused for a full disk counts as paused: the shortcut resumes it as the popup does.
  const paused = ((await getMeta(db, 'paused')) ?? false) || (await isStorageFull());
  await setRecordingPaused(!paused, 'volunteer');
  await updateBadges();
}
