import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RunningCollector, startCollector } from '../../../collector/start-collector';
import type { StudyFile } from '../../../lib/schema';
import { createPostgresDatabase } from './postgres-database';
import { tempFolder } from './studies';
import { testBackend } from './test-backend';

export interface TempCollector extends RunningCollector {
  dataDir: string;
  studiesDir: string;
  /** Its PostgreSQL database (collector-pg project), else undefined: PGlite in dataDir. */
  databaseUrl: string | undefined;
  /** Closes the collector and deletes its folders (and the database it created). */
  dispose(): Promise<void>;
}

interface Storage {
  dataDir: string;
  databaseUrl: string | undefined;
  /** Deletes the data folder, and the database if startTempCollector created it. */
  remove(): Promise<void>;
}

/**
 * A real collector on a free port, with its own studies folder, data folder (or the one
 * given) and, in the collector-pg project, a fresh PostgreSQL database (or the one given).
 */
export async function startTempCollector(
  studies: StudyFile[],
  options: { dataDir?: string; databaseUrl?: string } = {},
): Promise<TempCollector> {
  const studiesDir = await tempFolder(
    Object.fromEntries(studies.map((study) => [`${study.id}.json`, study])),
  );
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tasktrace-data-')));
  const database =
    options.databaseUrl === undefined && testBackend === 'postgres'
      ? await createPostgresDatabase()
      : undefined;
  const storage: Storage = {
    dataDir,
    databaseUrl: options.databaseUrl ?? database?.url,
    async remove() {
      await rm(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
  try {
    return await startOn(studiesDir, storage);
  } catch (error) {
    await storage.remove();
    throw error;
  }
}

/**
 * Stops the collector, rewrites the given study files and starts it again on the same
 * data: the collector reads studies only at start, as when a researcher edits a study.
 */
export async function restartTempCollector(
  previous: TempCollector,
  studies: StudyFile[],
): Promise<TempCollector> {
  await previous.close();
  for (const study of studies) {
    await writeFile(
      path.join(previous.studiesDir, `${study.id}.json`),
      JSON.stringify(study, null, 2),
    );
  }
  return startOn(previous.studiesDir, storageOf(previous));
}

/** The storage a collector was started on, handed on to its restart. */
const storages = new WeakMap<TempCollector, Storage>();

function storageOf(collector: TempCollector): Storage {
  const storage = storages.get(collector);
  if (!storage) throw new Error('not a collector started by startTempCollector');
  return storage;
}

async function startOn(studiesDir: string, storage: Storage): Promise<TempCollector> {
  const collector = await startCollector({
    port: 0,
    dataDir: storage.dataDir,
    databaseUrl: storage.databaseUrl,
    studiesDir,
    researcherToken: 'test-researcher-token-0123456789',
  });
  const temp: TempCollector = {
    ...collector,
    dataDir: storage.dataDir,
    studiesDir,
    databaseUrl: storage.databaseUrl,
    async dispose() {
      await collector.close();
      await storage.remove();
      await rm(studiesDir, { recursive: true, force: true });
    },
  };
  storages.set(temp, storage);
  return temp;
}
