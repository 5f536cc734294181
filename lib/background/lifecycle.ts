import { browser } from 'wxt/browser';
import { deleteExpiredSessions } from '../db/delete-expired-sessions';
import { deleteUnsentFromOrigins } from '../db/delete-unsent-from-origins';
import { endOpenSession } from '../db/end-open-session';
import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import { type Db, getDb } from '../db/open-db';
import { pruneSenders } from '../db/prune-senders';
import { getRecordingTerms } from '../db/recording-terms';
import { compileMatchPattern } from '../privacy/match-pattern';
import { injectIntoOpenTabs } from './inject-into-open-tabs';
import { recordGap } from './record-gap';
import { syncRecorderRegistration } from './sync-recorder-registration';

type Ingest = (items: readonly IngestItem[]) => Promise<IngestOutcome[]>;

export const RETENTION_ALARM = 'tasktrace-retention';

async function currentTerms() {
  return getRecordingTerms(await getDb());
}

/**
 * Installed, updated or reloaded. A reload orphans every recorder in open tabs: the
 * interruption is recorded as a gap and fresh recorders are injected.
 */
export async function onInstalled(reason: string, ingest: Ingest): Promise<void> {
  const current = await currentTerms();
  await syncRecorderRegistration(current);
  await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  if (!current) {
    if (reason === 'install')
      await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    return;
  }
  // An extension loaded from a folder at every browser start is "installed" again each
  // time, while its data is still there: that is a new browser session, not a new user.
  if (reason === 'install') await endOpenSession(await getDb(), 'browser-closed');
  if (reason === 'update') await recordGap('extension-reload', ingest);
  await injectIntoOpenTabs(current);
}

/** A new browser session: the old recording session ended when the browser closed. */
export async function onStartup(): Promise<void> {
  const db = await getDb();
  await endOpenSession(db, 'browser-closed');
  const current = await getRecordingTerms(db);
  await syncRecorderRegistration(current);
  await housekeeping(db, current?.retentionDays);
}

export async function onRetentionAlarm(): Promise<void> {
  const db = await getDb();
  const current = await getRecordingTerms(db);
  await housekeeping(db, current?.retentionDays);
}

/** Daily and at browser start: expired sessions go, and so do records of long-gone senders. */
async function housekeeping(db: Db, retentionDays: number | null | undefined): Promise<void> {
  if (retentionDays) await deleteExpiredSessions(db, retentionDays);
  await pruneSenders(db);
}

/** A site's access was revoked: stop at once and delete what it recorded that was not sent. */
export async function onPermissionsRemoved(origins: readonly string[]): Promise<void> {
  const db = await getDb();
  const terms = await getRecordingTerms(db);
  await syncRecorderRegistration(terms);
  const revoked = origins.map(compileMatchPattern);
  // Recording for oneself never uploads: what it holds is the volunteer's to export or delete.
  if (revoked.length === 0 || terms?.mode === 'local') return;
  await deleteUnsentFromOrigins(db, (origin) => {
    const url = new URL(`${origin}/`);
    return revoked.some((matches) => matches(url));
  });
}
