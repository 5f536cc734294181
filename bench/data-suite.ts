import { type IngestRun, measureIngest } from './background-ingest';
import { BARS } from './bars';
import { runsPart } from './config';
import { type IdbCeiling, measureIdbCeiling } from './idb-ceiling';
import { launchBenchBrowser } from './launch-bench-browser';
import { servePages } from './pages/serve-pages';
import { formatNumber, info, judge, type Section } from './results';
import type { BenchSuite } from './suite';
import { measureTraceSize, type TraceSizes } from './trace-size';

/** The page the paced session runs on: mid-sized, as a busy web app. */
const SESSION_PAGE = 10_000;

function traceSizeSection(sizes: TraceSizes): Section {
  const minutes = sizes.seconds / 60;
  const { tasktrace, rrweb } = sizes;
  const perEvent = (bytes: number) => bytes / tasktrace.events;
  return {
    part: 3,
    title: 'Trace size',
    figures: [
      judge(
        'tasktrace bytes per event without observations, gzipped as uploaded',
        tasktrace.actionsGzipBytes / Math.max(1, tasktrace.events - tasktrace.observations),
        'B',
        BARS.bytesPerEvent,
      ),
      judge(
        'tasktrace bytes per minute with observations, gzipped as uploaded',
        tasktrace.uploadGzipBytes / minutes,
        'B',
        BARS.bytesPerMinute,
      ),
      judge(
        'tasktrace bytes per minute without observations, gzipped as uploaded',
        tasktrace.actionsGzipBytes / minutes,
        'B',
        BARS.bytesPerMinuteActions,
      ),
      info('tasktrace bytes per event, stored (event JSON)', perEvent(tasktrace.storedBytes), 'B'),
      info('tasktrace bytes per minute, stored', tasktrace.storedBytes / minutes, 'B'),
      info(
        'tasktrace bytes per event, upload body before gzip',
        perEvent(tasktrace.uploadBytes),
        'B',
      ),
      info('rrweb bytes per minute, gzipped', rrweb.gzipBytes / minutes, 'B'),
      info('rrweb bytes per minute, stored (JSON)', rrweb.bytes / minutes, 'B'),
      info(
        'rrweb bytes per minute without its load-time snapshot, gzipped',
        rrweb.incrementalGzipBytes / minutes,
        'B',
      ),
    ],
    notes: [
      `One ${formatNumber(sizes.seconds)} s session on the ${SESSION_PAGE / 1000}k-element bench page: ${sizes.interactions} interactions ` +
        '(the part 1 script at a person’s pace: the mouse travels to each target, letters 150 ms apart, 0.6–2 s between interactions), ' +
        'played at the same time in a recorded tab and, in a second plain Chromium, a tab running rrweb.',
      `tasktrace kept ${tasktrace.events} events (${Object.entries(tasktrace.kinds)
        .map(([kind, count]) => `${kind} ${count}`)
        .join(
          ', ',
        )}), sized as the upload queue sends them: ${tasktrace.batches === 1 ? 'one batch' : `${tasktrace.batches} batches`} built by \`buildBatch\`, gzipped by \`CompressionStream\`.`,
      `rrweb emitted ${rrweb.events} events; its full snapshot of the page at load is most of its bytes, so the figure without it is given too.`,
      'Chromium only; the Firefox build records the same fields through the same code, so its events are the same size.',
    ],
    data: sizes,
  };
}

function ingestSection(run: IngestRun, ceiling: IdbCeiling): Section {
  const figures = [
    judge(
      `events stored per second, over ${formatNumber(run.seconds)} s`,
      run.eventsPerSecond,
      'events/s',
      BARS.ingestRate,
    ),
    judge('receipt to commit, p99', run.p99Ms, 'ms', BARS.ingestP99),
    info('events stored per second, slowest 10 s', run.slowestWindowPerSecond, 'events/s'),
    info('receipt to commit, median', run.p50Ms, 'ms'),
    info(
      'IndexedDB alone, one record per event with two indexes (the layout before DB version 3)',
      ceiling.recordPerEventPerSecond,
      'events/s',
    ),
    info('IndexedDB alone, 200 events per record', ceiling.chunkedPerSecond, 'events/s'),
  ];
  const missed = figures.some((figure) => figure.verdict === 'MISS');
  return {
    part: 4,
    title: 'Background ingest',
    figures,
    notes: [
      ...(missed
        ? [
            `**Why the bar is missed.** On this machine IndexedDB stores ${formatNumber(ceiling.chunkedPerSecond)} events/s with 200 events per record and no index; what the background does around it (zod validation of each message and each stamped event, the access check per message, the resend ledger, structured cloning of the messages) is the rest. The receipt-to-commit time follows from throughput: four senders keep 800 events waiting.`,
          ]
        : []),
      `How ingest reaches this: events are stored in chunks, one record per session per transaction (lib/db/append-events.ts), because IndexedDB's cost is per record (${formatNumber(ceiling.recordPerEventPerSecond)} events/s here when each event is its own record with two indexes, as before DB version 3); resends are recognised through each sender's stored ranges of sequence numbers instead of an index over every event (lib/db/source-ledger.ts); and one transaction is written at a time, gathering every message that arrives while it commits (lib/db/ingest-queue.ts).`,
      'A content script on a recorded page sends real recorder messages on a real recorder port (200 events each, copies of a recorded click, four in flight, each sender waiting for its answer); ' +
        'the background validates them with zod, checks the sender, dedups by (client, sequence) and stores them in batched IndexedDB transactions with relaxed durability.',
      `Receipt: the background's message listener is called; commit: its answer is ready, after the transaction committed. ${formatNumber(run.messages)} messages, ` +
        `${formatNumber(run.offered.sent)} events sent, ${formatNumber(run.stored)} stored; the slowest message took ${formatNumber(run.maxMs)} ms.`,
    ],
    data: run,
  };
}

/** Parts 3 and 4 share one browser, with a fresh profile so its database starts empty. */
export const dataSuite: BenchSuite = {
  parts: [3, 4],
  title: 'Trace size and background ingest (Chromium)',
  async run({ config, log }) {
    const server = await servePages();
    const driver = await launchBenchBrowser();
    try {
      const sections: Section[] = [];
      if (runsPart(config, 3)) {
        log(`Part 3: a ${config.sessionSeconds} s paced session, tasktrace and rrweb side by side`);
        sections.push(
          traceSizeSection(
            await measureTraceSize(
              driver.context,
              driver.extensionPage,
              server,
              SESSION_PAGE,
              config.sessionSeconds,
            ),
          ),
        );
      }
      if (runsPart(config, 4)) {
        log(`Part 4: ${config.ingestSeconds} s of ingest load`);
        const run = await measureIngest(
          driver.context,
          driver.extensionPage,
          server,
          config.ingestSeconds,
        );
        sections.push(ingestSection(run, await measureIdbCeiling(driver.extensionPage)));
      }
      return sections;
    } finally {
      await driver.close();
      await server.close();
    }
  },
};
