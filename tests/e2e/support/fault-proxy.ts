import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one upload request. */
export type Fault =
  | { kind: 'forward' }
  /** Answers itself; the collector never sees the request. */
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Cuts the connection: the collector is down. */
  | { kind: 'drop' }
  /** The collector stores the batch, but its answer arrives after the client gave up. */
  | { kind: 'forward-then-delay'; ms: number }
  /** Holds the request before passing it on, with a hook for the moment it arrived. */
  | { kind: 'delay-then-forward'; ms: number; onArrive?: () => void };

export type FaultPlan = (upload: { n: number }) => Fault;

export type FaultProxy = {
  url: string;
  /** Where requests go; set once the collector is up. */
  upstream: string;
  /** Decides each upload request's fate; other requests always pass. */
  plan: FaultPlan;
  /** Upload requests seen since the last reset: how each was handled, and when. */
  uploads: { kind: Fault['kind']; at: number }[];
  reset(plan?: FaultPlan): void;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loopback proxy in front of the collector that injects the faults a network has. */
export async function startFaultProxy(): Promise<FaultProxy> {
  const proxy: FaultProxy = {
    url: '',
    upstream: '',
    plan: () => ({ kind: 'forward' }),
    uploads: [],
    reset(plan) {
      proxy.uploads = [];
      proxy.plan = plan ?? (() => ({ kind: 'forward' }));
    },
    close: async () => {},
  };

  const server = createServer(async (request, response) => {
    const body = await readAll(request);
    const isUpload = request.method === 'POST' && request.url?.startsWith('/v1/uploads');
    const fault: Fault = isUpload ? proxy.plan({ n: proxy.uploads.length }) : { kind: 'forward' };
    if (isUpload) proxy.uploads.push({ kind: fault.kind, at: Date.now() });
    try {
      switch (fault.kind) {
        case 'drop':
          request.socket.destroy();
          return;
        case 'respond':
          response.writeHead(fault.status, {
            'content-type': 'application/json',
            ...fault.headers,
          });
          response.end(
            JSON.stringify(
              fault.body ?? { error: 'injected', message: 'Injected by the fault proxy.' },
            ),
          );
          return;
        case 'delay-then-forward':
          fault.onArrive?.();
          await sleep(fault.ms);
          await forward(proxy.upstream, request, body, response);
          return;
        case 'forward-then-delay':
          await forward(proxy.upstream, request, body, response, fault.ms);
          return;
        case 'forward':
          await forward(proxy.upstream, request, body, response);
      }
    } catch {
      request.socket.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function forward(
  upstream: string,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
  delayAnswerMs = 0,
): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) {
      headers[name] = value;
    }
  }
  const answer = await fetch(`${upstream}${request.url ?? '/'}`, {
    method: request.method,
    headers,
    body: ['GET', 'HEAD'].includes(request.method ?? 'GET') ? undefined : new Uint8Array(body),
  });
  const payload = Buffer.from(await answer.arrayBuffer());
  if (delayAnswerMs > 0) await sleep(delayAnswerMs);
  const out: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name))
      out[name] = value;
  });
  if (response.destroyed) return;
  response.writeHead(answer.status, out);
  response.end(payload);
}
