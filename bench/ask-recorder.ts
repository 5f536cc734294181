import type { Page } from 'playwright-core';
import type { TakenSamples } from './hooks/samples';

type Answer = { ok: boolean; value?: unknown; error?: string };

/**
 * Sends a request to the bench build's content script over the DOM channel of
 * hooks/page-channel.ts and waits for its answer.
 */
export async function askRecorder(
  page: Page,
  request: { cmd: string; [key: string]: unknown },
  timeoutMs = 10_000,
): Promise<unknown> {
  const json = await page.evaluate(
    ([body, ms]) =>
      new Promise<string>((resolve, reject) => {
        const id = Math.random();
        // No named functions in here: tsx would wrap them in a helper the page lacks.
        const listening = new AbortController();
        const timer = setTimeout(() => {
          listening.abort();
          reject(new Error('the recorder did not answer'));
        }, ms);
        document.addEventListener(
          'tasktrace-bench:response',
          (event) => {
            const detail = (event as CustomEvent<string>).detail;
            if ((JSON.parse(detail) as { id: number }).id !== id) return;
            clearTimeout(timer);
            listening.abort();
            resolve(detail);
          },
          { signal: listening.signal },
        );
        document.dispatchEvent(
          new CustomEvent('tasktrace-bench:request', { detail: JSON.stringify({ ...body, id }) }),
        );
      }),
    [request, timeoutMs] as const,
  );
  const answer = JSON.parse(json) as Answer;
  if (!answer.ok) throw new Error(`recorder: ${answer.error}`);
  return answer.value;
}

export async function takeRecorderSamples(page: Page): Promise<TakenSamples> {
  return (await askRecorder(page, { cmd: 'samples' })) as TakenSamples;
}

export type RecorderStatus = { readyAt: number | null; emitted: number };

/** Polls until `done` holds for the recorder's status, or throws after `timeoutMs`. */
export async function waitForRecorder(
  page: Page,
  done: (status: RecorderStatus) => boolean,
  timeoutMs = 15_000,
): Promise<RecorderStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await askRecorder(page, { cmd: 'status' })) as RecorderStatus;
    if (done(status)) return status;
    if (Date.now() > deadline) throw new Error(`recorder not ready: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
