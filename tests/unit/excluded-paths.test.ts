import { describe, expect, it } from 'vitest';
import {
  allowsRecordedPage,
  compileAllowlist,
  compileExclusions,
} from '../../lib/privacy/allowlist';
import { mayMatchGlob } from '../../lib/privacy/match-path-glob';
import { normalizeGlob, normalizePath } from '../../lib/privacy/normalize-path';

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
