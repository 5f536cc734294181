import { describe, expect, it } from 'vitest';
import { scrubUrl } from '../../lib/privacy/scrub-url';
import { page } from '../../lib/schema';

describe('scrubUrl', () => {
  it('drops the query and the fragment', () => {
    expect(scrubUrl('https://shop.example/search?q=hunter2#results')).toEqual({
      origin: 'https://shop.example',
      path: '/search',
    });
  });

  it.each([
    ['/orders/123456', '/orders/:id'],
    ['/u/jane.doe@mail.example/settings', '/u/:email/settings'],
    ['/d/3f2b1c4e-9a8b-4c7d-8e6f-001122334455', '/d/:uuid'],
    ['/commit/9fceb02d0ae598e95dc970b74767f19372d61af8', '/commit/:token'],
    ['/s/eyJhbGciOiJIUzI1NiJ9xYz', '/s/:token'],
    [`/a/${'x'.repeat(33)}`, '/a/:token'],
    ['/products/shoes/red', '/products/shoes/red'],
    ['/v2/api/2024', '/v2/api/:id'],
    ['/', '/'],
  ])('templates %s as %s', (path, expected) => {
    expect(scrubUrl(`https://shop.example${path}`).path).toBe(expected);
  });

  it('lets study route templates win over the generic rules', () => {
    const options = { routeTemplates: ['/:user/:repo/issues/:n'] };
    expect(scrubUrl('https://git.example/jane/tasktrace/issues/42', options).path).toBe(
      '/:user/:repo/issues/:n',
    );
    expect(scrubUrl('https://git.example/jane/tasktrace/pulls/42', options).path).toBe(
      '/jane/tasktrace/pulls/42',
    );
  });

  it('keeps only the named query keys, never values', () => {
    const scrubbed = scrubUrl('https://shop.example/list?sort=price&email=a%40b.example', {
      queryKeys: ['sort', 'page'],
    });
    expect(scrubbed).toEqual({
      origin: 'https://shop.example',
      path: '/list',
      queryKeys: ['sort'],
    });
    expect(JSON.stringify(scrubbed)).not.toContain('price');
  });

  it('always produces a page the schema accepts', () => {
    for (const url of [
      'https://shop.example/a%20b/c?d#e',
      'http://127.0.0.1:8788/shop/products/1042',
      'https://xn--bcher-kva.example/%E2%9C%93',
    ]) {
      expect(page.safeParse(scrubUrl(url)).success).toBe(true);
    }
  });
});

describe('scrubUrl digit runs', () => {
  it('calls a long number an id, not a token', () => {
    expect(scrubUrl('https://shop.example/orders/12345678').path).toBe('/orders/:id');
    expect(scrubUrl('https://shop.example/c/deadbeef42').path).toBe('/c/:token');
  });
});
