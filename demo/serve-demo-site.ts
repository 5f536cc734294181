import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface DemoSiteOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1: the demo study's allowlist names that host. */
  host?: string;
}

export interface DemoSite {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`; the shop is at `${url}/shop/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

// Relative to this module, so the site is found whatever the caller's cwd is.
const SITE_DIR = fileURLToPath(new URL('./site/', import.meta.url));
const ASSETS_DIR = resolve(SITE_DIR, 'assets');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

type Route = { page: string } | { redirect: string };

/** Pages by exact path; paths with variable parts are matched in `route`. */
const PAGES: Record<string, Route> = {
  '/': { redirect: '/shop/' },
  '/shop': { redirect: '/shop/' },
  '/shop/': { page: 'index.html' },
  '/shop/checkout': { page: 'checkout.html' },
  '/shop/thanks': { page: 'thanks.html' },
  '/shop/search': { page: 'search.html' },
  '/shop/app': { redirect: '/shop/app/' },
  '/shop/account': { redirect: '/shop/account/' },
  '/shop/account/': { page: 'account.html' },
};

function route(pathname: string): Route | undefined {
  const exact = PAGES[pathname];
  if (exact) return exact;
  if (/^\/shop\/products\/\d+$/.test(pathname)) return { page: 'product.html' };
  // Every SPA address serves the app, so a reload after pushState still works.
  if (pathname.startsWith('/shop/app/')) return { page: 'app.html' };
  return undefined;
}

/** The file for an asset path, or undefined if it would leave the assets folder. */
function assetFile(pathname: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice('/shop/assets/'.length));
  } catch {
    return undefined;
  }
  if (relative === '' || relative.includes('\0')) return undefined;
  const file = resolve(ASSETS_DIR, relative);
  return file.startsWith(ASSETS_DIR + sep) ? file : undefined;
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status = 200,
): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    const body = await readFile(file);
    res.writeHead(status, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  } catch {
    return false;
  }
}

async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (await sendFile(req, res, resolve(SITE_DIR, '404.html'), 404)) return;
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Every response: a demo that changes under a running test must never come from cache.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed');
    return;
  }

  // Query strings are ignored here: the checkout form submits with GET, and the search
  // results page reads its query in the browser.
  const pathname = (req.url ?? '/').split('?')[0]!.split('#')[0]!;

  if (pathname.startsWith('/shop/assets/')) {
    const file = assetFile(pathname);
    if (file && (await sendFile(req, res, file))) return;
    await notFound(req, res);
    return;
  }

  const match = route(pathname);
  if (!match) {
    await notFound(req, res);
    return;
  }
  if ('redirect' in match) {
    res.writeHead(302, { Location: match.redirect });
    res.end();
    return;
  }
  if (!(await sendFile(req, res, resolve(SITE_DIR, match.page)))) await notFound(req, res);
}

/** Serves the bundled demo shop (see demo/site) until `close()` is called. */
export function serveDemoSite(options: DemoSiteOptions): Promise<DemoSite> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      resolvePromise({
        url: `http://${urlHost}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections from browsers would otherwise hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}

// `npx tsx demo/serve-demo-site.ts [port]` serves the shop by hand.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? 8080);
  serveDemoSite({ port }).then((site) => {
    console.log(`Demo shop: ${site.url}/shop/`);
  });
}
