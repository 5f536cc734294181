import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { migrateEventsToChunks } from './migrate-events-to-chunks';
import { DB_NAME, DB_VERSION, type TasktraceDB } from './schema';

export type Db = IDBPDatabase<TasktraceDB>;

/**
 * Opens the extension's database, running each migration the stored version has
 * not seen. Add a step for every new version; never edit an old one.
 */
export function openTasktraceDb(name = DB_NAME): Promise<Db> {
  return openDB<TasktraceDB>(name, DB_VERSION, {
    upgrade(typed, oldVersion, _newVersion, typedTx) {
      // Old steps name stores that no longer exist (`events`), so they run untyped.
      const db = typed as unknown as IDBPDatabase;
      const tx = typedTx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      if (oldVersion < 1) {
        const events = db.createObjectStore('events', { keyPath: ['session', 'seq'] });
        events.createIndex('bySource', 'source', { unique: true });
        events.createIndex('byUpload', ['session', 'uploaded', 'seq']);
        db.createObjectStore('sessions', { keyPath: 'id' });
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        db.createObjectStore('uploads', { keyPath: 'session' });
      }
      if (oldVersion < 3) {
        const chunks = db.createObjectStore('chunks', { keyPath: ['session', 'first'] });
        chunks.createIndex('byUnsent', ['session', 'unsent', 'first']);
        db.createObjectStore('senders', { keyPath: 'clientId' });
        if (oldVersion < 1) db.deleteObjectStore('events');
        // A failed move aborts the upgrade: the database stays at version 2, events intact.
        else migrateEventsToChunks(db, tx, Date.now()).catch(() => abortQuietly(tx));
      }
    },
  });
}

/** Aborting a transaction that a failed request already aborted throws; either way it ends. */
function abortQuietly(tx: IDBPTransaction<unknown, string[], 'versionchange'>) {
  try {
    tx.abort();
  } catch {
    // Already aborted.
  }
}

let shared: Promise<Db> | undefined;

/** One connection per extension context, opened on first use. */
export function getDb(): Promise<Db> {
  shared ??= openTasktraceDb();
  return shared;
}
