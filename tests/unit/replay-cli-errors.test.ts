// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../scripts/export/cli-error';
import { checkBaseUrl } from '../../scripts/replay/check-base-url';
import { readEpisodes } from '../../scripts/replay/read-episodes';
import { readValues } from '../../scripts/replay/read-values';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tasktrace-replay-errors-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('replay and convert explain what went wrong and how to fix it', () => {
  it('when nothing answers at the base URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const error = await checkBaseUrl(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toBe(
      `Cannot reach ${url} (ECONNREFUSED). Start the site first (the demo shop: npm start serves it on http://127.0.0.1:8788, or npx tsx demo/serve-demo-site.ts 8788), or fix --base-url.`,
    );
  });

  it('when the episodes file is missing, empty or not JSON lines', async () => {
    const missing = path.join(dir, 'nope.jsonl');
    await expect(readEpisodes(missing)).rejects.toThrow(
      `No episodes file at ${missing}. Export one with: npm run export -- --collector URL --study ID --out DIR --format episodes`,
    );
    const empty = path.join(dir, 'empty.jsonl');
    await writeFile(empty, '\n');
    await expect(readEpisodes(empty)).rejects.toThrow(`${empty} holds no episodes`);
    const csv = path.join(dir, 'episodes.csv');
    await writeFile(csv, 'task,goal\n');
    await expect(readEpisodes(csv)).rejects.toThrow(`${csv}, line 1: not JSON`);
  });

  it('when the values file is missing', async () => {
    await expect(readValues(path.join(dir, 'values.json'))).rejects.toThrow(
      /Cannot read the values file .*values\.json \(ENOENT\)\. Check the path given to --values\./,
    );
  });
});
