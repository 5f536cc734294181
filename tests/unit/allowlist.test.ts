import { describe, expect, it } from 'vitest';
import { allowlistOrigins, compileAllowlist } from '../../lib/privacy/allowlist';
import { compileMatchPattern } from '../../lib/privacy/match-pattern';

describe('match patterns', () => {
  it.each([
    ['https://shop.example/*', 'https://shop.example/cart', true],
    ['https://shop.example/*', 'http://shop.example/cart', false],
    ['https://shop.example/*', 'https://evil.example/?shop.example', false],
    ['https://*.shop.example/*', 'https://eu.shop.example/', true],
    ['https://*.shop.example/*', 'https://shop.example/', true],
    ['https://*.shop.example/*', 'https://notshop.example/', false],
    ['*://shop.example/*', 'http://shop.example/', true],
    ['*://shop.example/*', 'ftp://shop.example/', false],
    ['http://127.0.0.1/shop/*', 'http://127.0.0.1:8788/shop/products/1', true],
    ['http://127.0.0.1/shop/*', 'http://localhost:8788/shop/products/1', false],
    ['http://127.0.0.1/shop/*', 'http://127.0.0.1:8788/admin', false],
  ])('%s matches %s: %s', (pattern, url, expected) => {
    expect(compileMatchPattern(pattern)(new URL(url))).toBe(expected);
  });
});

describe('allowlists', () => {
  const entries = [
    { match: 'https://shop.example/*', excludePaths: ['/account/*', '/checkout/pay'] },
    { match: 'https://docs.example/guide/*', excludePaths: [] },
  ];
  const allowed = compileAllowlist(entries);

  it('allows matched pages and refuses excluded paths', () => {
    expect(allowed('https://shop.example/products/1')).toBe(true);
    expect(allowed('https://shop.example/account/settings')).toBe(false);
    expect(allowed('https://shop.example/checkout/pay')).toBe(false);
    expect(allowed('https://docs.example/guide/intro')).toBe(true);
    expect(allowed('https://docs.example/blog/')).toBe(false);
  });

  it('refuses what is not a URL', () => {
    expect(allowed('not a url')).toBe(false);
    expect(allowed('about:blank')).toBe(false);
  });

  it('requests one permission per origin', () => {
    expect(
      allowlistOrigins([...entries, { match: 'https://shop.example/x/*', excludePaths: [] }]),
    ).toEqual(['https://shop.example/*', 'https://docs.example/*']);
  });
});
