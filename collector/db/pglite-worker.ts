import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { PgliteReply, PgliteRequest, PgliteWorkerData, QueryResult } from './pglite-protocol';
import { toWireError } from './sql-error';

// PGlite runs PostgreSQL compiled to WebAssembly on the thread that calls it, and a query
// blocks that thread until it is done; here it blocks this worker, not the HTTP server.

const port = parentPort!;
const { dir } = workerData as PgliteWorkerData;

interface OpenTransaction {
  tx: Transaction;
  /** Lets PGlite commit (or roll back) and names the request to answer when it has. */
  end(commit: boolean, requestId: number): void;
}

/** Thrown into PGlite's transaction callback to make it roll back; never reported. */
const ROLLBACK = Symbol('rollback');

const transactions = new Map<number, OpenTransaction>();
let nextTransaction = 1;

function reply(message: PgliteReply): void {
  port.postMessage(message);
}

function answer(id: number, work: Promise<unknown>): void {
  work.then(
    (value) => reply({ id, ok: true, value }),
    (error: unknown) => reply({ id, ok: false, error: toWireError(error) }),
  );
}

async function query(
  target: Pick<PGlite, 'query'>,
  sql: string,
  params: unknown[] | undefined,
): Promise<QueryResult> {
  const result = await target.query(sql, params);
  return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
}

/**
 * PGlite's own transaction() keeps every other query waiting until it ends, as one
 * connection would; its callback stays open until the collector's thread says `end`.
 */
function begin(db: PGlite, requestId: number): void {
  const id = nextTransaction++;
  let endRequest: number | undefined;
  const finished = db.transaction(
    (tx) =>
      new Promise<void>((resolve, reject) => {
        transactions.set(id, {
          tx,
          end(commit, request) {
            endRequest = request;
            if (commit) resolve();
            else reject(ROLLBACK);
          },
        });
        reply({ id: requestId, ok: true, value: id });
      }),
  );
  finished.then(
    () => reply({ id: endRequest!, ok: true, value: null }),
    (error: unknown) => {
      if (error === ROLLBACK) reply({ id: endRequest!, ok: true, value: null });
      // Before the callback ran, BEGIN itself failed: the begin request gets the error.
      else reply({ id: endRequest ?? requestId, ok: false, error: toWireError(error) });
    },
  );
  finished.catch(() => undefined).finally(() => transactions.delete(id));
}

function handle(db: PGlite, request: PgliteRequest): void {
  switch (request.op) {
    case 'query': {
      const target = request.tx === undefined ? db : transactions.get(request.tx)?.tx;
      answer(
        request.id,
        target
          ? query(target, request.sql, request.params)
          : Promise.reject(new Error(`transaction ${request.tx} is not open`)),
      );
      return;
    }
    case 'begin':
      begin(db, request.id);
      return;
    case 'end': {
      const open = transactions.get(request.tx);
      if (open) open.end(request.commit, request.id);
      else answer(request.id, Promise.reject(new Error(`transaction ${request.tx} is not open`)));
      return;
    }
    case 'close':
      answer(request.id, db.close());
      return;
  }
}

async function open(): Promise<void> {
  let db: PGlite;
  try {
    db = new PGlite(dir);
    await db.waitReady;
  } catch (error) {
    reply({ id: 0, ok: false, error: toWireError(error) });
    return;
  }
  port.on('message', (request: PgliteRequest) => handle(db, request));
  reply({ id: 0, ok: true, value: null });
}

void open();
