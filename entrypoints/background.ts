import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { broadcastRecorderState } from '../lib/background/broadcast-state';
import { detectBrowserRestart, noteInstalled } from '../lib/background/detect-browser-restart';
import {
  onInstalled,
  onPermissionsRemoved,
  onRetentionAlarm,
  onStartup,
  RETENTION_ALARM,
} from '../lib/background/lifecycle';
import { logMessageForTests } from '../lib/background/log-message-for-tests';
import { recordNavigation } from '../lib/background/record-navigation';
import { recordTabEvents } from '../lib/background/record-tab-events';
import { routeMessage } from '../lib/background/route-message';
import { syncRecorderRegistration } from '../lib/background/sync-recorder-registration';
import { createIngestQueue } from '../lib/db/ingest-queue';
import { getMeta } from '../lib/db/meta';
import { getDb } from '../lib/db/open-db';
import { setStorageFull } from '../lib/settings/storage-full';

export default defineBackground(() => {
  const ingest = createIngestQueue(getDb, {
    onQuotaPaused: () => {
      void setStorageFull(true).then(() => broadcastRecorderState(true));
    },
  });
  const sync = async () => syncRecorderRegistration(await getMeta(await getDb(), 'enrollment'));

  // Listeners are added synchronously so a restarted worker receives the event that woke it.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    noteInstalled();
    logMessageForTests({ lifecycle: 'installed', reason });
    void onInstalled(reason, ingest);
  });
  browser.runtime.onStartup.addListener(() => {
    logMessageForTests({ lifecycle: 'startup' });
    void onStartup();
  });
  void detectBrowserRestart(onStartup);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void onRetentionAlarm();
  });
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(
    (removed) => void onPermissionsRemoved(removed.origins ?? []),
  );
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender, ingest));
  browser.webNavigation.onCommitted.addListener(
    (details) => void recordNavigation(details, ingest),
  );
  recordTabEvents(ingest);
});
