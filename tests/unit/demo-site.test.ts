// @vitest-environment node
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, serveDemoSite } from '../../demo/serve-demo-site';
import { studyFile } from '../../lib/schema/study';

let site: DemoSite;

beforeAll(async () => {
  site = await serveDemoSite({ port: 0 });
});

afterAll(async () => {
  await site?.close();
});

/** Sends the path byte for byte: fetch and URL would normalize `..` away before sending. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: site.port, path, method: 'GET' }, (res) => {
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

describe('demo site server', () => {
  it('listens on an ephemeral loopback port', () => {
    expect(site.port).toBeGreaterThan(0);
    expect(site.url).toBe(`http://127.0.0.1:${site.port}`);
  });

  it.each([
    ['/shop/', 'data-testid="product-card-2317"'],
    ['/shop/', 'action="/shop/search"'],
    ['/shop/search?q=mug', 'data-search-results'],
    ['/shop/products/1042', '/shop/assets/product.js'],
    ['/shop/checkout', 'autocomplete="cc-number"'],
    ['/shop/thanks?name=x&speed=express', 'Thank you for your order'],
    ['/shop/app/', '/shop/assets/app.js'],
    ['/shop/app/wishlist', 'data-view="wishlist"'],
    ['/shop/app/orders/7781', 'data-view="orders"'],
    ['/shop/account/', 'Your account'],
  ])('serves %s', async (path, content) => {
    const res = await fetch(site.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain(content);
  });

  it('serves the detail page for any product id', async () => {
    const res = await fetch(`${site.url}/shop/products/2317`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-product-name');
    expect(html).toContain('data-testid="add-to-cart"');
    expect(html).toContain('data-testid="checkout-link"');
  });

  it.each([
    ['/shop/assets/style.css', 'text/css; charset=utf-8', '.card'],
    ['/shop/assets/app.js', 'text/javascript; charset=utf-8', 'pushState'],
    ['/shop/assets/product.js', 'text/javascript; charset=utf-8', 'CATALOG'],
    ['/shop/assets/catalog.js', 'text/javascript; charset=utf-8', '2317'],
    ['/shop/assets/search.js', 'text/javascript; charset=utf-8', 'URLSearchParams'],
    ['/shop/assets/favicon.svg', 'image/svg+xml', '<svg'],
  ])('serves asset %s', async (path, type, content) => {
    const res = await fetch(site.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain(content);
  });

  it.each([
    ['/', '/shop/'],
    ['/shop', '/shop/'],
    ['/shop/app', '/shop/app/'],
    ['/shop/account', '/shop/account/'],
  ])('redirects %s to %s', async (path, location) => {
    const res = await fetch(site.url + path, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(location);
  });

  it.each([
    '/nowhere',
    '/shop/products/abc',
    '/shop/products/',
    '/shop/assets/',
    '/shop/assets/missing.css',
  ])('answers %s with the 404 page', async (path) => {
    const res = await fetch(site.url + path);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('Page not found');
  });

  it.each([
    '/shop/../package.json',
    '/shop/assets/../../package.json',
    '/shop/assets/..%2F..%2Fpackage.json',
    '/shop/assets/..%2F..%2F..%2Fpackage.json',
    // A file that exists just outside demo/site, so a missing check cannot hide behind ENOENT.
    '/shop/assets/..%2F..%2Fserve-demo-site.ts',
    '/shop/assets/%2e%2e/%2e%2e/package.json',
    '/shop/assets/..%5C..%5Cpackage.json',
    '/shop/assets/%2Fetc%2Fpasswd',
    '/shop/assets/style.css%00.js',
    '/shop/assets/%E0%A4%A',
  ])('does not leak files for %s', async (path) => {
    const res = await rawGet(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('devDependencies');
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toContain('serveDemoSite');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(`${site.url}/shop/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${site.url}/shop/`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('answers when reached as localhost', async () => {
    const res = await fetch(`http://localhost:${site.port}/shop/`);
    expect(res.status).toBe(200);
  });
});

describe('demo study', () => {
  it('parses with studyFile', () => {
    const path = new URL('../../studies/demo.json', import.meta.url);
    const study = studyFile.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(study.id).toBe('demo');
    expect(study.endpoint).toBeUndefined();
    expect(study.allowlist).toEqual([
      { match: 'http://127.0.0.1/shop/*', excludePaths: ['/shop/account/*'] },
    ]);
    expect(study.routeTemplates).toEqual(['/shop/products/:id']);
  });
});
