import type { BrowserContext, Page } from 'playwright-core';
import { takeRecorderSamples } from './ask-recorder';
import type { BenchConfig } from './config';
import { playSteps } from './drive-steps';
import type { HandlerSample, SelectorSample } from './hooks/samples';
import { interactionScript } from './interaction-script';
import type { BenchWindow, TimingEntry } from './pages/page-api';
import type { PageServer } from './pages/serve-pages';
import { rrwebInitScript } from './rrweb-init';
import { quantile } from './stats';

/**
 * No extension; tasktrace; tasktrace without observations (`bare`: the recorder as it
 * was before them, the page loaded with `?observations=off`, see
 * hooks/switchable-observe-interface.ts); rrweb.
 */
export const CONFIGURATIONS = ['none', 'tasktrace', 'bare', 'rrweb'] as const;
export type Configuration = (typeof CONFIGURATIONS)[number];

/**
 * The orders taken in turn round after round: a Williams square, so each configuration
 * comes in each place, and right after each other one, equally often.
 */
const ORDERS: Configuration[][] = [
  ['none', 'tasktrace', 'rrweb', 'bare'],
  ['tasktrace', 'bare', 'none', 'rrweb'],
  ['bare', 'rrweb', 'tasktrace', 'none'],
  ['rrweb', 'none', 'bare', 'tasktrace'],
];

/** One configuration's share of one round: the figures the bars are about. */
export type Visit = {
  /** p95 over the round's click and keydown entries of `processingEnd − processingStart`. */
  processingP95: number;
  /** p75 of their `duration`. */
  durationP75: number;
  entries: number;
  seconds: number;
};

export type SizeRun = {
  elements: number;
  /** Elements on the page as loaded, shadow DOM included. */
  measuredElements: number;
  interactionsPerRound: number;
  rounds: Record<Configuration, Visit[]>;
  /** The recorder's handler and selector timings over all rounds on this page. */
  handlers: HandlerSample[];
  selectors: SelectorSample[];
};

export type StartupRun = {
  /** Recorder start-up (synchronous main + work after the background's answer), ms. */
  tasktrace: { mainMs: number; startMs: number; readyAt: number }[];
  /** rrweb's full snapshot on load, ms. */
  rrweb: number[];
};

type Log = (line: string) => void;
const LOAD_TIMEOUT_MS = 120_000;
const PRIMARY = new Set(['click', 'keydown']);

function visitOf(entries: TimingEntry[], seconds: number): Visit {
  const primary = entries.filter((entry) => PRIMARY.has(entry.name));
  return {
    processingP95: quantile(
      primary.map((entry) => entry.processing),
      0.95,
    ),
    durationP75: quantile(
      primary.map((entry) => entry.duration),
      0.75,
    ),
    entries: primary.length,
    seconds,
  };
}

async function openPages(
  context: BrowserContext,
  server: PageServer,
  elements: number,
  rrweb: string,
): Promise<Record<Configuration, Page>> {
  const none = await context.newPage();
  const tasktrace = await context.newPage();
  const bare = await context.newPage();
  const recorded = await context.newPage();
  await recorded.addInitScript({ content: rrweb });
  const pages = { none, tasktrace, bare, rrweb: recorded };
  const urls: Record<Configuration, string> = {
    none: server.unrecordedUrl(elements),
    tasktrace: server.recordedUrl(elements),
    bare: `${server.recordedUrl(elements)}?observations=off`,
    rrweb: server.unrecordedUrl(elements),
  };
  for (const configuration of CONFIGURATIONS) {
    await pages[configuration].goto(urls[configuration], { timeout: LOAD_TIMEOUT_MS });
  }
  return pages;
}

async function visit(page: Page, seed: number, length: number): Promise<Visit> {
  await page.bringToFront();
  await page.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__bench;
    bench.reset();
    bench.take();
  });
  const started = performance.now();
  await playSteps(page, interactionScript(seed, length));
  const seconds = (performance.now() - started) / 1000;
  const entries = await page.evaluate(() => (window as unknown as BenchWindow).__bench.take());
  return visitOf(entries, seconds);
}

/**
 * Part 1 on one page size: the three configurations in their own tabs of one browser,
 * each round playing the same script in each, in a rotating order. The recorder's
 * own timings from the same rounds feed part 2.
 */
export async function runInteractionRounds(
  context: BrowserContext,
  server: PageServer,
  config: BenchConfig,
  elements: number,
  log: Log,
): Promise<SizeRun> {
  const length = Math.max(5, Math.round(config.interactions / config.sizes.length));
  const pages = await openPages(context, server, elements, rrwebInitScript());
  try {
    const measuredElements = await pages.none.evaluate(
      () => (window as unknown as BenchWindow).__bench.counts().elements,
    );
    const startup = (await takeRecorderSamples(pages.tasktrace)).startup;
    if (startup.readyAt === null) throw new Error('the recorder is not running on the bench page');
    // Warm-up: first runs compile code and fill caches in every configuration alike.
    for (const configuration of CONFIGURATIONS) await visit(pages[configuration], 1, 10);

    const rounds: SizeRun['rounds'] = { none: [], tasktrace: [], bare: [], rrweb: [] };
    for (let round = 0; round < config.rounds; round++) {
      const seed = elements * 1000 + round;
      for (const configuration of ORDERS[round % ORDERS.length]!) {
        rounds[configuration].push(await visit(pages[configuration], seed, length));
      }
      const last = (configuration: Configuration) => rounds[configuration].at(-1)!;
      log(
        `  ${elements} elements, round ${round + 1}/${config.rounds}: processing p95 ` +
          CONFIGURATIONS.map((c) => `${c} ${last(c).processingP95.toFixed(1)}`).join(', ') +
          ` ms (${CONFIGURATIONS.reduce((sum, c) => sum + last(c).seconds, 0).toFixed(1)} s)`,
      );
    }
    const samples = await takeRecorderSamples(pages.tasktrace);
    return {
      elements,
      measuredElements,
      interactionsPerRound: length,
      rounds,
      handlers: samples.handlers,
      selectors: samples.selectors,
    };
  } finally {
    for (const page of Object.values(pages)) await page.close();
  }
}

/**
 * Part 2's start-up figure: fresh loads of the largest page, the recorder's and
 * rrweb's in turn. The recorder answers with its start-up once it listens.
 */
export async function measureStartups(
  context: BrowserContext,
  server: PageServer,
  elements: number,
  loads: number,
): Promise<StartupRun> {
  const run: StartupRun = { tasktrace: [], rrweb: [] };
  const tasktrace = await context.newPage();
  const rrweb = await context.newPage();
  await rrweb.addInitScript({ content: rrwebInitScript() });
  try {
    for (let load = 0; load < loads; load++) {
      await tasktrace.goto(server.recordedUrl(elements), { timeout: LOAD_TIMEOUT_MS });
      for (let attempt = 0; attempt < 50; attempt++) {
        const { startup } = await takeRecorderSamples(tasktrace);
        if (startup.readyAt !== null && startup.startMs !== null) {
          run.tasktrace.push({
            mainMs: startup.mainMs,
            startMs: startup.startMs,
            readyAt: startup.readyAt,
          });
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await rrweb.goto(server.unrecordedUrl(elements), { timeout: LOAD_TIMEOUT_MS });
      const snapshot = await rrweb.evaluate(
        () => (window as unknown as BenchWindow).__rrwebSnapshotMs ?? null,
      );
      if (snapshot !== null) run.rrweb.push(snapshot);
    }
  } finally {
    await tasktrace.close();
    await rrweb.close();
  }
  return run;
}
