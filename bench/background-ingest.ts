import type { BrowserContext } from 'playwright-core';
import type { PageHandle } from '../tests/e2e/support/driver';
import { askRecorder, waitForRecorder } from './ask-recorder';
import type { FloodResult } from './hooks/flood-ingest';
import type { IngestSample } from './hooks/timed-accept-recorder-port';
import type { PageServer } from './pages/serve-pages';
import { quantile } from './stats';

export type IngestRun = {
  seconds: number;
  offered: FloodResult;
  stored: number;
  eventsPerSecond: number;
  /** Events committed in the slowest 10-second window, per second. */
  slowestWindowPerSecond: number;
  /** From receipt to commit, over events (each event weighs its message's latency). */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  messages: number;
};

const WINDOW_MS = 10_000;

async function countStoredEvents(extensionPage: PageHandle): Promise<number> {
  return extensionPage.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('tasktrace');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          // Events are stored many to a chunk: count inside them, a chunk at a time.
          const cursor = db.transaction('chunks').objectStore('chunks').openCursor();
          let count = 0;
          cursor.onsuccess = () => {
            const current = cursor.result;
            if (!current) {
              db.close();
              resolve(count);
              return;
            }
            count += (current.value as { events: unknown[] }).events.length;
            current.continue();
          };
          cursor.onerror = () => reject(cursor.error);
        };
      }),
    undefined,
  );
}

async function takeIngestSamples(context: BrowserContext): Promise<IngestSample[]> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(
    () =>
      (
        globalThis as unknown as { tasktraceBench?: { takeIngestSamples(): IngestSample[] } }
      ).tasktraceBench?.takeIngestSamples() ?? [],
  );
}

/** Latency quantile over events: each message's latency counts once per event in it. */
function weightedQuantile(samples: IngestSample[], q: number): number {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  const total = sorted.reduce((sum, sample) => sum + sample.events, 0);
  let seen = 0;
  for (const sample of sorted) {
    seen += sample.events;
    if (seen >= q * total) return sample.ms;
  }
  return quantile(
    sorted.map((sample) => sample.ms),
    q,
  );
}

/**
 * Part 4: a content script in a recorded tab sends `recorder/events` messages of 200
 * events, four at a time, for `seconds`, each sender waiting for its answer; the
 * background validates, dedups and stores them as it does every recorded event.
 */
export async function measureIngest(
  context: BrowserContext,
  extensionPage: PageHandle,
  server: PageServer,
  seconds: number,
): Promise<IngestRun> {
  const page = await context.newPage();
  try {
    await page.goto(server.recordedUrl(1000));
    // The load generator copies a real recorded event, so record one first.
    await waitForRecorder(page, (status) => status.readyAt !== null);
    await page.mouse.click(40, 20);
    await waitForRecorder(page, (status) => status.emitted > 0);
    await takeIngestSamples(context);
    const before = await countStoredEvents(extensionPage);
    const offered = (await askRecorder(
      page,
      { cmd: 'flood', seconds, batch: 200, concurrency: 4 },
      seconds * 1000 + 120_000,
    )) as FloodResult;
    const samples = await takeIngestSamples(context);
    const stored = (await countStoredEvents(extensionPage)) - before;

    const start = Math.min(...samples.map((sample) => sample.receivedAt));
    const windows = new Map<number, number>();
    for (const sample of samples) {
      const window = Math.floor((sample.receivedAt + sample.ms - start) / WINDOW_MS);
      windows.set(window, (windows.get(window) ?? 0) + sample.events);
    }
    const fullWindows = [...windows]
      .filter(([index]) => (index + 1) * WINDOW_MS <= offered.seconds * 1000)
      .map(([, events]) => events / (WINDOW_MS / 1000));
    return {
      seconds: offered.seconds,
      offered,
      stored,
      eventsPerSecond: stored / offered.seconds,
      slowestWindowPerSecond: fullWindows.length > 0 ? Math.min(...fullWindows) : Number.NaN,
      p50Ms: weightedQuantile(samples, 0.5),
      p99Ms: weightedQuantile(samples, 0.99),
      maxMs: Math.max(...samples.map((sample) => sample.ms)),
      messages: samples.length,
    };
  } finally {
    await page.close();
  }
}
