import { describe, expect, it } from 'vitest';
import { scrubUrl } from '../../lib/privacy/scrub-url';
import { structuralWordSet } from '../../lib/privacy/structural-words';
import { page } from '../../lib/schema';

/** The built-in vocabulary alone, as for a study that names no words of its own. */
const words = structuralWordSet({});
const scrub = (url: string, options = {}) => scrubUrl(url, { words, ...options });

describe('scrubUrl', () => {
  it('drops the query and the fragment', () => {
    expect(scrub('https://shop.example/search?q=hunter2#results')).toEqual({
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
    ['/v2/api/2024', '/v2/api/:id'],
    ['/issues/42', '/issues/42'],
    ['/account/settings/', '/account/settings/'],
    ['/add-to-cart', '/add-to-cart'],
    ['/myAccount/order_history', '/myAccount/order_history'],
    ['/help/index.html', '/help/index.html'],
    ['/', '/'],
  ])('templates %s as %s', (path, expected) => {
    expect(scrub(`https://shop.example${path}`).path).toBe(expected);
  });

  it.each([
    ['/u/alice', '/u/:text'],
    ['/@jane', '/:text'],
    ['/people/jane-doe', '/people/:text'],
    ['/search/hiv%20test', '/search/:text'],
    ['/mail/thread/Re%3A%20your%20biopsy%20results', '/mail/thread/:text'],
    ['/people/Jean-Luc', '/people/:text'],
    ['/users/janeDoe/profile', '/users/:text/profile'],
    ['/files/alice.html', '/files/:text'],
    ['/search/%E2%9C%93', '/search/:text'],
    // Product words are not built in: a shop study names them (`structuralWords`).
    ['/products/shoes/red', '/products/:text/:text'],
  ])('fails closed: %s becomes %s', (path, expected) => {
    const scrubbed = scrub(`https://mail.example${path}`);
    expect(scrubbed.path).toBe(expected);
    for (const secret of ['alice', 'jane', 'hiv', 'biopsy', 'luc', 'shoes']) {
      expect(scrubbed.path.toLowerCase()).not.toContain(secret);
    }
  });

  it('keeps nothing but identifiers, short numbers and empty segments without a word set', () => {
    expect(scrubUrl('https://shop.example/account/orders/42/').path).toBe('/:text/:text/42/');
    expect(scrubUrl('https://shop.example/u/alice/123456').path).toBe('/:text/:text/:id');
  });

  it('keeps the words the study names', () => {
    const study = structuralWordSet({ structuralWords: ['shoes', 'red'] });
    expect(scrubUrl('https://shop.example/products/shoes/red', { words: study }).path).toBe(
      '/products/shoes/red',
    );
    expect(scrubUrl('https://shop.example/products/shoes/jane', { words: study }).path).toBe(
      '/products/shoes/:text',
    );
  });

  it('lets study route templates win over the generic rules', () => {
    const options = { routeTemplates: ['/:user/:repo/issues/:n'] };
    expect(scrub('https://git.example/jane/tasktrace/issues/42', options).path).toBe(
      '/:user/:repo/issues/:n',
    );
    expect(scrub('https://git.example/jane/tasktrace/pulls/42', options).path).toBe(
      '/:text/:text/pulls/42',
    );
    // Even without a word set, a template keeps its own literal words.
    expect(scrubUrl('https://git.example/jane/tasktrace/issues/42', options).path).toBe(
      '/:user/:repo/issues/:n',
    );
  });

  it('keeps only the named query keys, never values', () => {
    const scrubbed = scrub('https://shop.example/list?sort=price&email=a%40b.example', {
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
      'https://shop.example/%3Ftab%23x/search',
    ]) {
      expect(page.safeParse(scrub(url)).success).toBe(true);
      expect(page.safeParse(scrubUrl(url)).success).toBe(true);
    }
  });
});

describe('scrubUrl digit runs', () => {
  it('calls a long number an id, not a token', () => {
    expect(scrub('https://shop.example/orders/12345678').path).toBe('/orders/:id');
    expect(scrub('https://shop.example/c/deadbeef42').path).toBe('/c/:token');
  });
});
