import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../../collector/db/open-pglite';
import type { SqlClient } from '../../../collector/db/sql-client';
import { type RunningCollector, startCollector } from '../../../collector/start-collector';
import { serveDemoSite } from '../../../demo/serve-demo-site';
import type { StudyFile } from '../../../lib/schema';
import { type FaultProxy, startFaultProxy } from './fault-proxy';
import { STUDIES } from './paths';

export type Stack = {
  collectorUrl: string;
  /** The demo shop on 127.0.0.1, which the demo study allowlists. */
  siteUrl: string;
  /** The same shop reached as localhost: an origin the study does not allowlist. */
  otherOriginUrl: string;
  studyLink: string;
  researcherToken: string;
  /** With `faultProxy`: the proxy the study names as its endpoint, in front of the collector. */
  proxy?: FaultProxy;
  /** The researcher edits the demo study and restarts the collector, same port, same data. */
  changeDemoStudy(change: (study: StudyFile) => StudyFile): Promise<void>;
  /** Stops the collector, queries its database directly, then starts it again. */
  inspectDatabase<T>(query: (db: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

const RESEARCHER_TOKEN = 'e2e-researcher-token-0123456789abcdef';

/** The real collector (embedded PGlite in a temp dir) and the demo site, on loopback. */
export async function startStack(options: { faultProxy?: boolean } = {}): Promise<Stack> {
  const proxy = options.faultProxy ? await startFaultProxy() : undefined;
  const dataDir = await mkdtemp(join(tmpdir(), 'tasktrace-e2e-'));
  const studiesDir = join(dataDir, 'studies');
  await cp(STUDIES, studiesDir, { recursive: true });
  const start = (port: number) =>
    startCollector({
      port,
      dataDir,
      studiesDir,
      researcherToken: RESEARCHER_TOKEN,
      // Uploads then go through the proxy, as they would through a flaky network.
      ...(proxy ? { publicUrl: proxy.url } : {}),
      log: () => {},
    });
  let collector: RunningCollector = await start(0);
  const port = collector.port;
  if (proxy) proxy.upstream = collector.url;
  const site = await serveDemoSite({ port: 0 });
  return {
    collectorUrl: collector.url,
    siteUrl: `http://127.0.0.1:${site.port}`,
    otherOriginUrl: `http://localhost:${site.port}`,
    studyLink: `${collector.url}/v1/studies/demo`,
    researcherToken: collector.researcherToken,
    ...(proxy ? { proxy } : {}),
    async changeDemoStudy(change) {
      const file = join(studiesDir, 'demo.json');
      const study = JSON.parse(await readFile(file, 'utf8')) as StudyFile;
      await writeFile(file, JSON.stringify(change(study), null, 2));
      await collector.close();
      collector = await start(port);
    },
    async inspectDatabase(query) {
      await collector.close();
      const db = await openPglite(join(dataDir, 'pglite'));
      try {
        return await query(db);
      } finally {
        await db.close();
        collector = await start(port);
      }
    },
    async close() {
      await proxy?.close();
      await site.close();
      await collector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function exportEvents(stack: Pick<Stack, 'collectorUrl' | 'researcherToken'>) {
  const response = await fetch(`${stack.collectorUrl}/v1/export?study=demo&format=events`, {
    headers: { authorization: `Bearer ${stack.researcherToken}` },
  });
  if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}
