import type { PageHandle } from '../tests/e2e/support/driver';

export type IpcCost = {
  /** Calling thread's time per `runtime.sendMessage` (a one-time channel each). */
  sendMessageMs: number;
  /** Per `postMessage` on a port opened once with `runtime.connect`. */
  portPostMessageMs: number;
};

/**
 * What handing one recorded event to the background costs the calling page, with
 * each of the two messaging APIs, measured from an extension page (same bindings as
 * a content script). Best of three rounds of 200, after a warm-up round.
 */
export async function measureIpcCost(page: PageHandle): Promise<IpcCost> {
  return page.evaluate(async (rounds) => {
    type Port = { postMessage(message: unknown): void; disconnect(): void };
    type Api = {
      runtime: {
        sendMessage(message: unknown): Promise<unknown>;
        connect(info: { name: string }): Port;
      };
    };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const message = {
      type: 'bench/ipc-probe',
      events: [{ cseq: 0, draft: { kind: 'click', t: Date.now(), target: { tag: 'button' } } }],
    };
    let send = Number.POSITIVE_INFINITY;
    let post = Number.POSITIVE_INFINITY;
    for (let round = 0; round <= rounds; round++) {
      const pending: Promise<unknown>[] = [];
      let start = performance.now();
      for (let index = 0; index < 200; index++) {
        pending.push(api.runtime.sendMessage(message).catch(() => undefined));
      }
      const sendMs = (performance.now() - start) / 200;
      await Promise.all(pending);
      const port = api.runtime.connect({ name: 'bench-ipc-probe' });
      start = performance.now();
      for (let index = 0; index < 200; index++) {
        try {
          port.postMessage(message);
        } catch {
          // The background does not listen for this port: only the caller's cost counts.
        }
      }
      const postMs = (performance.now() - start) / 200;
      port.disconnect();
      if (round > 0) {
        send = Math.min(send, sendMs);
        post = Math.min(post, postMs);
      }
    }
    return { sendMessageMs: send, portPostMessageMs: post };
  }, 3);
}
