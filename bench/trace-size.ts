import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { type BrowserContext, chromium } from 'playwright-core';
import { MAX_BATCH_EVENTS, type Session, type TraceEvent } from '../lib/schema';
import { buildBatch } from '../lib/upload/build-batch';
import { gzip } from '../lib/upload/gzip';
import type { PageHandle } from '../tests/e2e/support/driver';
import { CHROMIUM_PATH } from '../tests/e2e/support/paths';
import { readExtensionDb } from '../tests/e2e/support/read-extension-db';
import type { BenchWindow } from './pages/page-api';
import type { PageServer } from './pages/serve-pages';
import { ROOT_DIR } from './paths';
import { playPaced } from './play-paced';
import { rrwebInitScript } from './rrweb-init';

const gzipNode = promisify(gzipCallback);

export type TraceSizes = {
  elements: number;
  seconds: number;
  interactions: number;
  tasktrace: {
    events: number;
    kinds: Record<string, number>;
    /** JSON of the events as the extension keeps them. */
    storedBytes: number;
    /** Upload bodies as the queue builds them (batches of ≤ 500 events), before gzip. */
    uploadBytes: number;
    uploadGzipBytes: number;
    batches: number;
    /** The same upload without observation events: the trace of actions alone. */
    actionsGzipBytes: number;
    observations: number;
  };
  rrweb: {
    events: number;
    bytes: number;
    gzipBytes: number;
    /** The same without the full snapshot and meta events taken at load. */
    incrementalBytes: number;
    incrementalGzipBytes: number;
  };
};

async function uploadSizes(events: TraceEvent[], session: Session) {
  const { version } = JSON.parse(await readFile(join(ROOT_DIR, 'package.json'), 'utf8')) as {
    version: string;
  };
  let uploadBytes = 0;
  let uploadGzipBytes = 0;
  let batches = 0;
  for (let rest = events; rest.length > 0; batches++) {
    // Exactly the bodies the upload queue sends, for a study called `demo`.
    const { batch, body } = buildBatch(rest.slice(0, MAX_BATCH_EVENTS), session, 'demo', version);
    uploadBytes += Buffer.byteLength(body);
    uploadGzipBytes += (await gzip(body)).length;
    rest = rest.slice(batch.events.length);
  }
  return { uploadBytes, uploadGzipBytes, batches };
}

/**
 * Part 3: one human-paced session on a page, played at the same time in a recorded
 * tab and in an rrweb tab, then the bytes each kept: tasktrace's as the upload queue
 * would send them, rrweb's as its `emit` handed them over.
 */
export async function measureTraceSize(
  context: BrowserContext,
  extensionPage: PageHandle,
  server: PageServer,
  elements: number,
  seconds: number,
): Promise<TraceSizes> {
  const tasktrace = await context.newPage();
  // rrweb plays in a browser of its own: headless Chromium only paints the tab in front,
  // and input to a tab that is never painted waits for frames that do not come.
  const plain = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const rrweb = await plain.newPage();
  await rrweb.addInitScript({ content: rrwebInitScript() });
  try {
    await tasktrace.goto(server.recordedUrl(elements), { timeout: 120_000 });
    await rrweb.goto(server.unrecordedUrl(elements), { timeout: 120_000 });
    // Per minute means per minute of use: loading the pages is left out of the time.
    const [played] = await Promise.all([
      playPaced(tasktrace, 9, seconds),
      playPaced(rrweb, 9, seconds),
    ]);
    // Scrolls are recorded once they settle, and ingest commits a moment later.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const { events, sessions } = await readExtensionDb(extensionPage);
    const session = sessions[0];
    if (!session || events.length === 0) throw new Error('the session recorded nothing');
    // BENCH_DUMP_TRACE=FILE keeps the session's events, to see where the bytes go.
    if (process.env.BENCH_DUMP_TRACE) {
      await writeFile(
        process.env.BENCH_DUMP_TRACE,
        events.map((e) => JSON.stringify(e)).join('\n'),
      );
    }
    const kinds: Record<string, number> = {};
    for (const event of events) kinds[event.kind] = (kinds[event.kind] ?? 0) + 1;

    const rrwebJson = await rrweb.evaluate(() => {
      const all = (window as unknown as BenchWindow).__rrwebEvents ?? [];
      // Types 2 and 4 are the full snapshot and meta events rrweb takes at load.
      const incremental = all.filter((event) => ![2, 4].includes((event as { type: number }).type));
      return {
        all: JSON.stringify(all),
        incremental: JSON.stringify(incremental),
        count: all.length,
      };
    });
    return {
      elements,
      seconds: played.seconds,
      interactions: played.interactions,
      tasktrace: {
        events: events.length,
        kinds,
        storedBytes: events.reduce(
          (sum, event) => sum + Buffer.byteLength(JSON.stringify(event)),
          0,
        ),
        ...(await uploadSizes(events, session)),
        actionsGzipBytes: (
          await uploadSizes(
            events.filter((event) => event.kind !== 'observation'),
            session,
          )
        ).uploadGzipBytes,
        observations: kinds.observation ?? 0,
      },
      rrweb: {
        events: rrwebJson.count,
        bytes: Buffer.byteLength(rrwebJson.all),
        gzipBytes: (await gzipNode(rrwebJson.all)).length,
        incrementalBytes: Buffer.byteLength(rrwebJson.incremental),
        incrementalGzipBytes: (await gzipNode(rrwebJson.incremental)).length,
      },
    };
  } finally {
    await tasktrace.close();
    await plain.close();
  }
}
