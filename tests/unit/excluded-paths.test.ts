import { describe, expect, it } from 'vitest';
import {
  allowsRecordedPage,
  compileAllowlist,
  compileExclusions,
} from '../../lib/privacy/allowlist';
import { compileSites } from '../../lib/privacy/allows-address';
import { mayMatchGlob } from '../../lib/privacy/match-path-glob';
import { normalizeGlob, normalizePath } from '../../lib/privacy/normalize-path';
import { sitePatterns } from '../../lib/privacy/site-patterns';

describe('path normalisation', () => {
  it.each([
    ['/Account/x', '/account/x'],
    ['/%61ccount/x', '/account/x'],
    ['/%2561ccount/x', '/account/x'],
    ['//account//x', '/account/x'],
    ['/./account/./x', '/account/x'],
    ['/shop/../account/x', '/account/x'],
    ['/account/x/', '/account/x'],
    ['/account;jsessionid=1/x', '/account/x'],
    ['/shop%2Faccount/x', '/shop/account/x'],
    ['/a%zzb', '/a%zzb'],
    ['/', '/'],
    ['', '/'],
    ['/../..', '/'],
    ['/:id/Profile', '/:id/profile'],
  ])('%s becomes %s', (path, expected) => {
    expect(normalizePath(path)).toBe(expected);
  });

  it('normalises globs the same way and keeps their wildcard', () => {
    expect(normalizeGlob('/Account/*')).toBe('/account/*');
    expect(normalizeGlob('/a//b/')).toBe('/a/b');
    expect(normalizeGlob('/*')).toBe('/*');
  });
});

describe('excluded paths', () => {
  const excluded = compileExclusions(['/account/*', '/Checkout/pay', '/admin*']);

  it.each([
    '/account/x',
    '/Account/x',
    '/%61ccount/x',
    '/ACCOUNT/%78',
    '//account/x',
    '/./account/x',
    '/shop/../account/x',
    '/account/x/',
    '/account',
    '/account/',
    '/checkout/pay',
    '/checkout/pay/',
    '/administrator/users',
  ])('%s is excluded', (path) => {
    expect(excluded(path)).toBe(true);
  });

  it.each(['/accounts/x', '/shop/account', '/checkout', '/checkout/payment', '/'])(
    '%s is not excluded',
    (path) => {
      expect(excluded(path)).toBe(false);
    },
  );

  it('treats placeholders of a scrubbed path as any segment (fail closed)', () => {
    expect(excluded('/:text/x')).toBe(true);
    expect(excluded('/:id')).toBe(true);
    expect(excluded('/:text/pay')).toBe(true);
    expect(excluded('/shop/:id')).toBe(false);
    expect(mayMatchGlob('/:id/pay', '/checkout/pay')).toBe(true);
    expect(mayMatchGlob('/:id/pay', '/checkout/payment')).toBe(false);
    expect(mayMatchGlob('/:id', '/a/b')).toBe(false);
    expect(mayMatchGlob('/:id', '/a*')).toBe(true);
  });

  it('checks full addresses through the allowlist', () => {
    const allowed = compileAllowlist([
      { match: 'https://shop.example/*', excludePaths: ['/account/*'] },
    ]);
    expect(allowed('https://shop.example/%41ccount/settings')).toBe(false);
    expect(allowed('https://shop.example/products')).toBe(true);
  });

  it('checks a recorded page: origin, pattern and exclusions', () => {
    const entries = [{ match: 'https://shop.example/shop/*', excludePaths: ['/shop/account/*'] }];
    const page = (origin: string, path: string) => allowsRecordedPage(entries, { origin, path });
    expect(page('https://shop.example', '/shop/products')).toBe(true);
    expect(page('https://shop.example', '/shop/account/x')).toBe(false);
    expect(page('https://shop.example', '/shop/:text/x')).toBe(false);
    expect(page('https://shop.example', '/other')).toBe(false);
    expect(page('https://evil.example', '/shop/products')).toBe(false);
  });

  it('stays fast on long paths full of placeholders', () => {
    const long = `/${Array.from({ length: 200 }, () => ':id').join('/')}`;
    expect(mayMatchGlob(`${long}/y`, '/*/*/*/*/*/*/*/x')).toBe(false);
    expect(mayMatchGlob(long, '/*/*/*/*/*/*/*/x')).toBe(true);
  });
});

describe('the patterns recorders get', () => {
  const entries = [
    { match: 'https://shop.example/*', excludePaths: ['/account/*', '/Checkout/pay', '/admin*'] },
    { match: '*://*.docs.example/guide/*', excludePaths: [] },
    { match: 'http://127.0.0.1/canary/*', excludePaths: ['/canary/excluded/*'] },
  ];
  const recorder = compileSites(sitePatterns(entries));
  const background = compileAllowlist(entries);

  it.each([
    'https://shop.example/',
    'https://shop.example/products/1',
    'https://shop.example/account',
    'https://shop.example/Account/x',
    'https://shop.example/%61ccount/x',
    'https://shop.example//account/x',
    'https://shop.example/shop/../account/x/',
    'https://shop.example/accounts/x',
    'https://shop.example/checkout/pay/',
    'https://shop.example/checkout/payment',
    'https://shop.example/administrator',
    'http://shop.example/products',
    'https://evil.example/?https://shop.example/',
    'https://eu.docs.example/guide/intro',
    'http://docs.example/guide/',
    'https://docs.example/blog',
    'https://notdocs.example/guide/x',
    'http://127.0.0.1:8788/canary/page.html',
    'http://127.0.0.1:8788/canary/excluded/page.html',
    'http://127.0.0.1:8788/canary/Excluded/',
    'http://localhost:8788/canary/page.html',
    'not a url',
  ])('decides %s as the background does', (url) => {
    expect(recorder(url)).toBe(background(url));
  });
});
