import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningCollector, startCollector } from '../../../collector/start-collector';
import type { StudyFile } from '../../../lib/schema';

const FIXTURES = fileURLToPath(new URL('../../fixtures/live/', import.meta.url));
const STUDY_ID = 'live-settings';

export type LiveStack = {
  collectorUrl: string;
  studyLink: string;
  /** http://127.0.0.1:PORT, the origin the live study allowlists. */
  siteOrigin: string;
  /** How many times the fixture page was served: a reload would serve it again. */
  pageLoads(): number;
  /** The researcher edits the study and restarts the collector, same port, same data. */
  changeStudy(change: (study: StudyFile) => StudyFile): Promise<void>;
  close(): Promise<void>;
};

/**
 * The real collector with one study (tests/fixtures/live/live-settings.json), and a
 * server that answers every path under /canary/live/ with the same fixture page, so
 * route templates have a path to shape.
 */
export async function startLiveStack(): Promise<LiveStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tasktrace-live-'));
  const studiesDir = join(dataDir, 'studies');
  await mkdir(studiesDir);
  const studyPath = join(studiesDir, `${STUDY_ID}.json`);
  await copyFile(join(FIXTURES, `${STUDY_ID}.json`), studyPath);
  const start = (port: number) =>
    startCollector({
      port,
      dataDir,
      studiesDir,
      researcherToken: 'live-researcher-token-0123456789abcdef',
      log: () => {},
    });
  let collector: RunningCollector = await start(0);
  const port = collector.port;

  const page = await readFile(join(FIXTURES, 'item.html'), 'utf8');
  let loads = 0;
  const site = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fixture');
    if (!/^\/canary\/live\/[a-z0-9-]+$/.test(url.pathname)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    loads += 1;
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(page);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const sitePort = (site.address() as AddressInfo).port;

  return {
    collectorUrl: collector.url,
    studyLink: `${collector.url}/v1/studies/${STUDY_ID}`,
    siteOrigin: `http://127.0.0.1:${sitePort}`,
    pageLoads: () => loads,
    async changeStudy(change) {
      const study = JSON.parse(await readFile(studyPath, 'utf8')) as StudyFile;
      await writeFile(studyPath, JSON.stringify(change(study), null, 2));
      await collector.close();
      collector = await start(port);
    },
    async close() {
      await new Promise<void>((resolve) => {
        site.closeAllConnections();
        site.close(() => resolve());
      });
      await collector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
