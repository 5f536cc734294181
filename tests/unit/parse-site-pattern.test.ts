import { describe, expect, it } from 'vitest';
import { parseSitePattern } from '../../lib/settings/parse-site-pattern';

describe('parseSitePattern', () => {
  it('takes a match pattern as written', () => {
    expect(parseSitePattern(' https://shop.example/products/* ')).toBe(
      'https://shop.example/products/*',
    );
  });

  it('reads a bare address as the whole site', () => {
    expect(parseSitePattern('https://shop.example')).toBe('https://shop.example/*');
  });

  it.each([
    'shop.example',
    'ftp://shop.example/*',
    'https://shop.example:8080/*',
    'https://a.example/?q=1',
  ])('refuses %s with a sentence that shows the right form', (input) => {
    expect(() => parseSitePattern(input)).toThrow(/like https:\/\/shop\.example\/\*/);
  });
});
