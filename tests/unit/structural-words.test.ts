import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRUCTURAL_VOCABULARY } from '../../lib/privacy/structural-vocabulary';
import {
  isStructuralPath,
  restrictPath,
  structuralWordSet,
  structuralWords,
} from '../../lib/privacy/structural-words';
import { studyFile } from '../../lib/schema/study';
import { consentChanges } from '../../lib/settings/consent-changes';

const demo = studyFile.parse(
  JSON.parse(readFileSync(join(process.cwd(), 'studies/demo.json'), 'utf8')),
);

describe('the built-in vocabulary', () => {
  it('holds several hundred lowercase words, each once', () => {
    expect(STRUCTURAL_VOCABULARY.length).toBeGreaterThan(500);
    expect(new Set(STRUCTURAL_VOCABULARY).size).toBe(STRUCTURAL_VOCABULARY.length);
    for (const word of STRUCTURAL_VOCABULARY) expect(word).toMatch(/^[a-z][a-z0-9']*$/);
  });

  it.each([
    'alice',
    'jane',
    'doe',
    'smith',
    'will',
    'may',
    'mark',
    'grace',
    'june',
    'april',
    'brown',
    'hiv',
    'biopsy',
    'test',
    'cancer',
    'pregnancy',
    'debt',
    'shoes',
  ])('leaves out the name-like or sensitive word %s', (word) => {
    expect(STRUCTURAL_VOCABULARY).not.toContain(word);
  });
});

describe('structuralWords', () => {
  it('adds the words a study names to the vocabulary', () => {
    const words = structuralWords({
      routeTemplates: ['/:owner/:repo/pullRequests/:n'],
      allowlist: [
        { match: 'https://*.mailhost.example/inbox-zero/*', excludePaths: ['/legal/fine_print/*'] },
      ],
      testIdAttributes: ['data-qa-id'],
      structuralWords: ['Shoes', 'crème'],
    });
    for (const word of [
      'owner',
      'pull',
      'requests',
      'inbox',
      'zero',
      'legal',
      'fine',
      'print',
      'qa',
      'shoes',
      'crème',
      'search',
    ]) {
      expect(words).toContain(word);
    }
    // Hosts are not path words.
    expect(words).not.toContain('mailhost');
    expect(words).toEqual([...new Set(words)].sort());
  });

  it('gives the demo study readable paths and labels', () => {
    const words = structuralWordSet(demo);
    for (const path of [
      '/shop/',
      '/shop/checkout',
      '/shop/thanks',
      '/shop/search',
      '/shop/app/wishlist',
      '/shop/app/orders/:id',
    ]) {
      expect(isStructuralPath(path, words), path).toBe(true);
    }
  });

  it('spells contractions with either apostrophe', () => {
    const words = structuralWordSet({});
    expect(words.has("don't")).toBe(true);
    expect(words.has('don’t')).toBe(true);
  });
});

describe('restrictPath, the background and collector check', () => {
  const words = structuralWordSet({ routeTemplates: ['/:user/:repo/issues/:n'] });

  it.each([
    ['/u/alice', '/u/:text'],
    ['/@jane', '/:text'],
    ['/people/jane-doe', '/people/:text'],
    ['/search/hiv%20test', '/search/:text'],
    ['/mail/thread/Re%3A%20your%20biopsy%20results', '/mail/thread/:text'],
    ['/:jane/orders', '/:text/orders'],
    ['/u/:email/orders/:id/:uuid/:token/:text', '/u/:email/orders/:id/:uuid/:token/:text'],
    ['/:user/:repo/issues/:n', '/:user/:repo/issues/:n'],
    ['/account/settings/', '/account/settings/'],
    ['/', '/'],
  ])('%s → %s', (path, expected) => {
    expect(restrictPath(path, words)).toBe(expected);
    expect(isStructuralPath(path, words)).toBe(path === expected);
  });

  it('keeps nothing but empty segments and short numbers without words', () => {
    expect(restrictPath('/account/42/', new Set())).toBe('/:text/42/');
  });
});

describe('the study field structuralWords', () => {
  const base = { ...demo, structuralWords: undefined };

  it('takes lowercase words and refuses anything else', () => {
    expect(
      studyFile.safeParse({ ...base, structuralWords: ['shoes', 'crème', "o'clock"] }).success,
    ).toBe(true);
    for (const bad of ['Shoes', 'two words', 'a/b', 'x1', '', 'x'.repeat(33)]) {
      expect(studyFile.safeParse({ ...base, structuralWords: [bad] }).success, bad).toBe(false);
    }
    expect(
      studyFile.safeParse({ ...base, structuralWords: Array(501).fill('shoes') }).success,
    ).toBe(false);
  });

  it('needs consent again when it changes, not when a study never named any', () => {
    const manifest = { ...demo, endpoint: 'http://127.0.0.1:8787' };
    const without = { ...manifest, structuralWords: [] };
    expect(consentChanges(without, { ...without })).toEqual([]);
    expect(consentChanges({ ...without, structuralWords: undefined } as never, without)).toEqual(
      [],
    );
    expect(consentChanges(without, { ...without, structuralWords: ['alice'] })).toEqual([
      'what is recorded about pages',
    ]);
  });
});
