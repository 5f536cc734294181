import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../collector/app';
import type { Store } from '../../collector/db/store';
import { WEB_CSP } from '../../collector/routes/web';

// The web pages never touch storage: a store that fails loudly proves it.
const store = new Proxy({} as Store, {
  get: (_target, name) => () => Promise.reject(new Error(`store.${String(name)} called`)),
});

const servers: Server[] = [];
const dirs: string[] = [];

async function serve(webDir: string): Promise<string> {
  const app = createApp({
    store,
    studies: new Map(),
    researcherToken: 'test-researcher-token-0123456789',
    publicUrl: () => 'http://127.0.0.1:1',
    webDir,
  });
  const server = createServer(getRequestListener(app.fetch));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A GET with the path exactly as given: fetch() would resolve `..` before sending. */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tasktrace-web-'));
  dirs.push(dir);
  return dir;
}

let built: string;
let missing: string;

beforeAll(async () => {
  // A build as Vite makes it: two pages, hashed assets listed in the manifest.
  const dir = await tempDir();
  await mkdir(path.join(dir, 'assets'));
  await mkdir(path.join(dir, '.vite'));
  await writeFile(path.join(dir, 'dashboard.html'), '<!doctype html><title>Dashboard</title>');
  await writeFile(path.join(dir, 'annotate.html'), '<!doctype html><title>Annotate</title>');
  await writeFile(path.join(dir, 'assets', 'dashboard-AbC123.js'), 'console.log("dashboard");');
  await writeFile(path.join(dir, 'assets', 'styles-Xy_9.css'), 'body{}');
  await writeFile(path.join(dir, 'assets', 'unlisted.js'), 'console.log("not in the manifest");');
  await writeFile(
    path.join(dir, '.vite', 'manifest.json'),
    JSON.stringify({
      'dashboard.html': {
        file: 'assets/dashboard-AbC123.js',
        isEntry: true,
        css: ['assets/styles-Xy_9.css'],
      },
    }),
  );
  // Beside the build: what a traversal would be after.
  await writeFile(path.join(dir, 'secret.txt'), 'TOP-SECRET');
  built = await serve(dir);
  missing = await serve(path.join(await tempDir(), 'not-built'));
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the web pages', () => {
  it('serves the dashboard at / and the annotation page at /annotate, under a strict CSP', async () => {
    for (const [route, title] of [
      ['/', 'Dashboard'],
      ['/annotate', 'Annotate'],
    ] as const) {
      const response = await fetch(`${built}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain(`<title>${title}</title>`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toBe(WEB_CSP);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('never puts a token in the page', async () => {
    const html = await (await fetch(`${built}/`)).text();
    expect(html).not.toContain('test-researcher-token');
  });

  it('serves the assets the manifest lists, with their types, cached for good', async () => {
    const script = await fetch(`${built}/assets/dashboard-AbC123.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log("dashboard");');
    const style = await fetch(`${built}/assets/styles-Xy_9.css`);
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves nothing the manifest does not list', async () => {
    for (const route of [
      '/assets/unlisted.js',
      '/assets/nope-123.js',
      '/.vite/manifest.json',
      '/assets/.vite',
      '/dashboard.html',
      '/secret.txt',
    ]) {
      const response = await fetch(`${built}${route}`);
      expect(response.status, route).toBe(404);
      expect(await response.text(), route).not.toMatch(/TOP-SECRET|not in the manifest/);
    }
  });

  it('cannot be walked out of its folder', async () => {
    for (const rawPath of [
      '/assets/..%2f..%2fpackage.json',
      '/assets/..%2fsecret.txt',
      '/assets/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/secret.txt',
      '/assets/..%5csecret.txt',
      '/assets/../secret.txt',
      '/assets/..%252fsecret.txt',
      '/assets/secret.txt%00.js',
      '/annotate/../secret.txt',
    ]) {
      const { status, body } = await rawGet(built, rawPath);
      expect(status, rawPath).toBe(404);
      expect(body, rawPath).not.toContain('TOP-SECRET');
      expect(body, rawPath).not.toContain('"devDependencies"');
    }
  });

  it('says how to build the pages when they are not built', async () => {
    for (const route of ['/', '/annotate']) {
      const response = await fetch(`${missing}${route}`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toBe(WEB_CSP);
      const html = await response.text();
      expect(html).toContain('npm run build:web');
      expect(html.trim().split('\n')).toHaveLength(1);
    }
    expect((await fetch(`${missing}/assets/dashboard-AbC123.js`)).status).toBe(404);
  });
});
