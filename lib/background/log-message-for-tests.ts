import { openDB } from 'idb';

/** The e2e build's own database, apart from the extension's, so a test can read it whole. */
export const TEST_MESSAGE_LOG_DB = 'tasktrace-e2e-log';
const STORE = 'messages';

let opened: ReturnType<typeof openLog> | undefined;

function openLog() {
  return openDB(TEST_MESSAGE_LOG_DB, 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { autoIncrement: true });
    },
  });
}

/**
 * In the e2e build only, keeps every message the background receives, as sent, so
 * the canary suite can search all bytes that left a page. Production builds drop
 * this code entirely (the mode is replaced at build time). Each message is one row
 * added to IndexedDB: a log kept in `storage.local` was rewritten whole for every
 * message and sent to every recorder's `storage.onChanged`, which slowed the very
 * pages the fault suite measures.
 */
export function logMessageForTests(raw: unknown): void {
  if (import.meta.env.MODE !== 'e2e') return;
  const line = JSON.stringify(raw) ?? 'undefined';
  opened ??= openLog();
  opened.then((db) => db.add(STORE, line)).catch(() => undefined);
}
