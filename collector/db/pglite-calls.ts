import type { Worker } from 'node:worker_threads';
import type { PgliteReply, PgliteRequest } from './pglite-protocol';
import { SqlError } from './sql-error';

type Call = PgliteRequest extends infer R
  ? R extends PgliteRequest
    ? Omit<R, 'id'>
    : never
  : never;

export interface PgliteCalls {
  /** Settles once the worker has opened the database. */
  ready: Promise<void>;
  call(request: Call): Promise<unknown>;
}

/**
 * Request and answer over the worker's message port, matched by id. Should the worker
 * die, every waiting call fails and later ones fail at once, rather than hang.
 */
export function pgliteCalls(worker: Worker): PgliteCalls {
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let dead: Error | undefined;

  const fail = (error: Error) => {
    dead ??= error;
    for (const pending of waiting.values()) pending.reject(dead);
    waiting.clear();
  };
  worker.on('message', (reply: PgliteReply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new SqlError(reply.error));
  });
  worker.on('error', (error) => fail(new Error(`the embedded database stopped: ${error.message}`)));
  worker.on('exit', (code) => fail(new Error(`the embedded database stopped (exit code ${code})`)));

  const expect = (id: number) =>
    new Promise<unknown>((resolve, reject) => {
      if (dead) reject(dead);
      else waiting.set(id, { resolve, reject });
    });

  return {
    ready: expect(0).then(() => undefined),
    call(request) {
      const id = nextId++;
      const answer = expect(id);
      if (!dead) {
        try {
          worker.postMessage({ ...request, id });
        } catch (error) {
          // Parameters that cannot be copied to the worker (a function, a symbol).
          waiting.get(id)?.reject(error as Error);
          waiting.delete(id);
        }
      }
      return answer;
    },
  };
}
