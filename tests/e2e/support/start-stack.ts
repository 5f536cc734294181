import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollector } from '../../../collector/start-collector';
import { serveDemoSite } from '../../../demo/serve-demo-site';
import { STUDIES } from './paths';

export type Stack = {
  collectorUrl: string;
  /** The demo shop on 127.0.0.1, which the demo study allowlists. */
  siteUrl: string;
  /** The same shop reached as localhost: an origin the study does not allowlist. */
  otherOriginUrl: string;
  studyLink: string;
  researcherToken: string;
  close(): Promise<void>;
};

/** The real collector (embedded PGlite in a temp dir) and the demo site, on loopback. */
export async function startStack(): Promise<Stack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tasktrace-e2e-'));
  const collector = await startCollector({
    port: 0,
    dataDir,
    studiesDir: STUDIES,
    researcherToken: 'e2e-researcher-token-0123456789abcdef',
    log: () => {},
  });
  const site = await serveDemoSite({ port: 0 });
  return {
    collectorUrl: collector.url,
    siteUrl: `http://127.0.0.1:${site.port}`,
    otherOriginUrl: `http://localhost:${site.port}`,
    studyLink: `${collector.url}/v1/studies/demo`,
    researcherToken: collector.researcherToken,
    async close() {
      await site.close();
      await collector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function exportEvents(stack: Stack): Promise<unknown[]> {
  const response = await fetch(`${stack.collectorUrl}/v1/export?study=demo&format=events`, {
    headers: { authorization: `Bearer ${stack.researcherToken}` },
  });
  if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}
