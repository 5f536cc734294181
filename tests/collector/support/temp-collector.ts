import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RunningCollector, startCollector } from '../../../collector/start-collector';
import type { StudyFile } from '../../../lib/schema';
import { tempFolder } from './studies';

export interface TempCollector extends RunningCollector {
  dataDir: string;
  studiesDir: string;
  /** Closes the collector and deletes its folders. */
  dispose(): Promise<void>;
}

/** A real collector on a free port, with its own studies folder and data folder (or the one given). */
export async function startTempCollector(
  studies: StudyFile[],
  options: { dataDir?: string } = {},
): Promise<TempCollector> {
  const studiesDir = await tempFolder(
    Object.fromEntries(studies.map((study) => [`${study.id}.json`, study])),
  );
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tasktrace-data-')));
  return startOn(dataDir, studiesDir);
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
  return startOn(previous.dataDir, previous.studiesDir);
}

async function startOn(dataDir: string, studiesDir: string): Promise<TempCollector> {
  const collector = await startCollector({
    port: 0,
    dataDir,
    studiesDir,
    researcherToken: 'test-researcher-token-0123456789',
  });
  return {
    ...collector,
    dataDir,
    studiesDir,
    async dispose() {
      await collector.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(studiesDir, { recursive: true, force: true });
    },
  };
}
