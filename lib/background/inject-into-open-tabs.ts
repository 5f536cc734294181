import { browser } from 'wxt/browser';
import type { RecordingTerms } from '../db/recording-terms';
import { isRecordableUrl } from './is-recordable-url';
import { RECORDER_SCRIPT_FILE } from './sync-recorder-registration';

/**
 * Registered content scripts only reach pages loaded after registration. After joining,
 * or after the extension is reloaded or updated (which orphans the old recorders), the
 * recorder is injected into tabs already showing an allowed page. Each frame still asks
 * the background whether it may record.
 */
export async function injectIntoOpenTabs(terms: RecordingTerms): Promise<number> {
  let injected = 0;
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || tab.incognito || !(await isRecordableUrl(terms, tab.url))) continue;
    try {
      await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        files: [`/${RECORDER_SCRIPT_FILE}` as '/recorder.js'],
      });
      injected += 1;
    } catch {
      // The tab navigated away or cannot be scripted; its next load gets the registered script.
    }
  }
  return injected;
}
