import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { recordNavigation } from '../lib/background/record-navigation';
import { recordTabEvents } from '../lib/background/record-tab-events';
import { routeMessage } from '../lib/background/route-message';
import { syncRecorderRegistration } from '../lib/background/sync-recorder-registration';
import { createIngestQueue } from '../lib/db/ingest-queue';
import { getMeta } from '../lib/db/meta';
import { getDb } from '../lib/db/open-db';

export default defineBackground(() => {
  const ingest = createIngestQueue(getDb);
  const sync = async () => syncRecorderRegistration(await getMeta(await getDb(), 'enrollment'));

  // Listeners are added synchronously so a restarted worker receives the event that woke it.
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    await sync();
    const enrolled = (await getMeta(await getDb(), 'enrollment')) !== undefined;
    if (reason === 'install' && !enrolled) {
      await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    }
  });
  browser.runtime.onStartup.addListener(() => void sync());
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender, ingest));
  browser.webNavigation.onCommitted.addListener(
    (details) => void recordNavigation(details, ingest),
  );
  recordTabEvents(ingest);
});
