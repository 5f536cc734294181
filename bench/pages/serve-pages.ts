import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePage } from './generate-page';

export type PageServer = {
  port: number;
  /** The recorded origin: local recording grants `http://127.0.0.1/*`. */
  recordedUrl(elements: number): string;
  /** The same page from an origin nothing grants: the extension never runs there. */
  unrecordedUrl(elements: number): string;
  close(): Promise<void>;
};

/** Serves `/bench/page-<elements>.html` on loopback, each page generated once. */
export async function servePages(): Promise<PageServer> {
  const cache = new Map<number, string>();
  const server = createServer((request, response) => {
    const match = /^\/bench\/page-(\d+)\.html$/.exec((request.url ?? '').split('?')[0] ?? '');
    const elements = match ? Number(match[1]) : Number.NaN;
    if (!Number.isInteger(elements) || elements < 500 || elements > 1_000_000) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    let html = cache.get(elements);
    if (html === undefined) {
      html = generatePage(elements);
      cache.set(elements, html);
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Cross-origin isolation: performance.now() then ticks in 5 µs steps instead of
      // 100 µs, fine enough for the recorder's per-event figures (its bar is 0.05 ms).
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    recordedUrl: (elements) => `http://127.0.0.1:${port}/bench/page-${elements}.html`,
    unrecordedUrl: (elements) => `http://localhost:${port}/bench/page-${elements}.html`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
