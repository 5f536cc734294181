import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCollector } from '../../../collector/start-collector';
import { type FixtureServer, serveFixtures } from '../../fixtures/serve-fixtures';

const STUDIES = fileURLToPath(new URL('../../fixtures/studies', import.meta.url));

export type CanaryStack = {
  collectorUrl: string;
  fixtures: FixtureServer;
  researcherToken: string;
  collectorLog: string[];
  exportText(study: string): Promise<string>;
  close(): Promise<void>;
};

/** The real collector with the canary studies, and the canary pages with the secret planted. */
export async function startCanaryStack(secret: string): Promise<CanaryStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tasktrace-canary-'));
  const collectorLog: string[] = [];
  const collector = await startCollector({
    port: 0,
    dataDir,
    studiesDir: STUDIES,
    researcherToken: 'canary-researcher-token-0123456789abcdef',
    log: (line) => collectorLog.push(line),
  });
  const fixtures = await serveFixtures(secret);
  return {
    collectorUrl: collector.url,
    fixtures,
    researcherToken: collector.researcherToken,
    collectorLog,
    async exportText(study) {
      const response = await fetch(`${collector.url}/v1/export?study=${study}&format=events`, {
        headers: { authorization: `Bearer ${collector.researcherToken}` },
      });
      if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
      return response.text();
    },
    async close() {
      await fixtures.close();
      await collector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
