import { browser } from 'wxt/browser';
import type { EventPort } from '../../lib/messaging/create-event-sender';
import { runContentRecorder as untimedRunContentRecorder } from '../../lib/messaging/run-content-recorder';
import { type FloodOptions, floodIngest } from './flood-ingest';
import { answerBenchRequests } from './page-channel';
import { benchSamples, takeSamples } from './samples';
import { timeListenersAndTimers } from './time-listeners';

type Connect = (info: { name: string }) => EventPort;
type OutgoingMessage = { type?: unknown; events?: { cseq: number; v: string; draft: unknown }[] };

/**
 * The bench build's content script: the recorder as shipped, with stopwatches around
 * its start-up, its handlers and its selectors, and a DOM channel through which the
 * bench reads them and asks for ingest load. In the bench build the recorder
 * entrypoint's import of `runContentRecorder` resolves here instead (see
 * bench/vite-bench-hooks.ts); production builds never see this module.
 */
export const runContentRecorder: typeof untimedRunContentRecorder = (onReady, controller) => {
  const runtime = browser.runtime as unknown as { connect: Connect };
  const connect: Connect = runtime.connect.bind(runtime);
  let newestCseq = -1;
  // Counts the events each handler sends, and times handing them to the port.
  runtime.connect = (info) => {
    const port = connect(info);
    const post = port.postMessage.bind(port);
    port.postMessage = (message) => {
      // Read without parsing the whole message, which would weigh on the timed handler.
      const text = typeof message === 'string' ? message : JSON.stringify(message);
      for (const match of text.matchAll(/"cseq":(\d+)/g)) {
        const cseq = Number(match[1]);
        if (cseq <= newestCseq) continue;
        newestCseq = cseq;
        benchSamples.emitted += 1;
      }
      // One recorded event to copy for the ingest load; parsed once.
      benchSamples.lastDraft ??= (JSON.parse(text) as OutgoingMessage).events?.[0];
      const start = performance.now();
      try {
        post(message);
      } finally {
        benchSamples.sendMs += performance.now() - start;
      }
    };
    return port;
  };

  // Added before listeners are timed, so reading the samples never shows up in them.
  answerBenchRequests((request) => {
    if (request.cmd === 'samples') return takeSamples();
    if (request.cmd === 'status') {
      return { readyAt: benchSamples.startup.readyAt, emitted: benchSamples.emitted };
    }
    if (request.cmd === 'flood') {
      const template = benchSamples.lastDraft as { v: string; draft: object } | null;
      if (typeof template?.draft !== 'object') {
        throw new Error('No recorded event yet to copy: interact with the page first.');
      }
      return floodIngest(connect, template, request as unknown as FloodOptions);
    }
    throw new Error(`Unknown bench request ${request.cmd}`);
  });
  timeListenersAndTimers();

  const start = performance.now();
  // Called once the recorder has applied its settings, with how long that took.
  const running = untimedRunContentRecorder((applyMs) => {
    benchSamples.startup.startMs = applyMs;
    benchSamples.startup.readyAt = performance.now();
    onReady?.(applyMs);
  }, controller);
  benchSamples.startup.mainMs = performance.now() - start;
  return running;
};
