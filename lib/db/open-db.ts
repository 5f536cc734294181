import { type IDBPDatabase, openDB } from 'idb';
import { DB_NAME, DB_VERSION, type TasktraceDB } from './schema';

export type Db = IDBPDatabase<TasktraceDB>;

/**
 * Opens the extension's database, running each migration the stored version has
 * not seen. Add a step for every new version; never edit an old one.
 */
export function openTasktraceDb(name = DB_NAME): Promise<Db> {
  return openDB<TasktraceDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
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
    },
  });
}

let shared: Promise<Db> | undefined;

/** One connection per extension context, opened on first use. */
export function getDb(): Promise<Db> {
  shared ??= openTasktraceDb();
  return shared;
}
