import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { acceptRecorderPort } from '../lib/background/accept-recorder-port';
import { onIdleStateChanged, syncIdleDetection } from '../lib/background/apply-auto-pause';
import { checkStudy, STUDY_CHECK_ALARM } from '../lib/background/check-study';
import { detectBrowserRestart, noteInstalled } from '../lib/background/detect-browser-restart';
import { drainOutbox, outboxWritten } from '../lib/background/drain-outbox';
import {
  onInstalled,
  onPermissionsRemoved,
  onRetentionAlarm,
  onStartup,
  RETENTION_ALARM,
} from '../lib/background/lifecycle';
import { logMessageForTests } from '../lib/background/log-message-for-tests';
import { publishRecorderSettings } from '../lib/background/publish-recorder-settings';
import { recordNavigation } from '../lib/background/record-navigation';
import { recordTabEvents } from '../lib/background/record-tab-events';
import { routeMessage } from '../lib/background/route-message';
import { runUploads, UPLOAD_ALARM } from '../lib/background/run-uploads';
import { syncRecorderRegistration } from '../lib/background/sync-recorder-registration';
import { toggleRecording } from '../lib/background/toggle-recording';
import { updateBadges } from '../lib/background/update-badges';
import { createIngestQueue } from '../lib/db/ingest-queue';
import { getDb } from '../lib/db/open-db';
import { getRecordingTerms } from '../lib/db/recording-terms';
import { setStorageFull } from '../lib/settings/storage-full';

export default defineBackground(() => {
  const ingest = createIngestQueue(getDb, {
    onQuotaPaused: () => {
      void setStorageFull(true)
        .then(() => publishRecorderSettings())
        .then(() => updateBadges());
    },
  });
  const sync = async () => syncRecorderRegistration(await getRecordingTerms(await getDb()));
  // Per-tab badges do not survive a browser restart, so a new session sets them again.
  const startup = async () => {
    await onStartup();
    // Terms may have changed while the browser was closed.
    await checkStudy(await getDb());
    await updateBadges();
  };

  // Listeners are added synchronously so a restarted worker receives the event that woke it.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    noteInstalled();
    logMessageForTests({ lifecycle: 'installed', reason });
    void onInstalled(reason, ingest).finally(() => updateBadges());
  });
  browser.runtime.onStartup.addListener(() => {
    logMessageForTests({ lifecycle: 'startup' });
    void startup();
  });
  void detectBrowserRestart(startup);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void onRetentionAlarm();
    if (alarm.name === UPLOAD_ALARM) void runUploads();
    if (alarm.name === STUDY_CHECK_ALARM)
      void getDb()
        .then(checkStudy)
        .then(() => updateBadges());
  });
  browser.permissions.onAdded.addListener(() => void sync().finally(() => updateBadges()));
  browser.permissions.onRemoved.addListener(
    (removed) => void onPermissionsRemoved(removed.origins ?? []).finally(() => updateBadges()),
  );
  browser.tabs.onActivated.addListener(() => void updateBadges());
  browser.tabs.onUpdated.addListener((_tabId, changeInfo) => {
    if (changeInfo.url !== undefined || changeInfo.status === 'complete') void updateBadges();
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-recording') void toggleRecording();
  });
  // Auto-pause: the idle state only ever pauses recording; it is never recorded.
  browser.idle.onStateChanged.addListener((state) => void onIdleStateChanged(state));
  void syncIdleDetection();
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender));
  browser.runtime.onConnect.addListener((port) =>
    acceptRecorderPort(port, browser.runtime.id, ingest),
  );
  browser.webNavigation.onCommitted.addListener(
    (details) => void recordNavigation(details, ingest),
  );
  recordTabEvents(ingest);
  // Events left by pages that went away before this worker could take them.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && outboxWritten(changes)) void drainOutbox(ingest);
  });
  // A queue left by a stopped worker or a closed browser carries on when this one starts,
  // after the outbox: events a page left while no worker ran belong to that queue too.
  void drainOutbox(ingest).finally(() => runUploads());
});
