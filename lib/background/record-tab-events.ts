import { browser } from 'wxt/browser';
import { isSessionTab } from '../db/find-session-tab';
import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import { getDb } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import { scrubUrl } from '../privacy/scrub-url';
import { structuralWordSet } from '../privacy/structural-words';
import { isRecordableUrl } from './is-recordable-url';

type Ingest = (items: readonly IngestItem[]) => Promise<IngestOutcome[]>;

/**
 * Tabs opened from, switched to, and closed within a session. Only tabs that took
 * part in the session, or show an allowed page, are mentioned, and a tab event
 * never starts a session on its own.
 */
export function recordTabEvents(ingest: Ingest): void {
  browser.tabs.onCreated.addListener((tab) => {
    void (async () => {
      if (tab.id === undefined || tab.openerTabId === undefined || tab.incognito) return;
      if (!(await isSessionTab(await getDb(), tab.openerTabId))) return;
      await ingest([tabItem('opened', tab.id)]);
    })();
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void (async () => {
      const db = await getDb();
      const terms = await getRecordingTerms(db);
      if (!terms) return;
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab || tab.incognito) return;
      const recordable = await isRecordableUrl(terms, tab.url);
      if (!recordable && !(await isSessionTab(db, tabId))) return;
      const page =
        recordable && tab.url
          ? scrubUrl(tab.url, { ...terms, words: structuralWordSet(terms) })
          : undefined;
      await ingest([tabItem('switched', tabId, page)]);
    })();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void (async () => {
      if (!(await isSessionTab(await getDb(), tabId))) return;
      await ingest([tabItem('closed', tabId)]);
    })();
  });
}

function tabItem(
  action: 'opened' | 'switched' | 'closed',
  tabId: number,
  page?: ReturnType<typeof scrubUrl>,
): IngestItem {
  return {
    draft: { kind: 'tab', t: Date.now(), action, ...(page ? { page } : {}) },
    tabId,
    opensSession: false,
  };
}
