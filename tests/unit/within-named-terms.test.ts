import { describe, expect, it } from 'vitest';
import { pageWithinQueryKeys, selectorsWithinStudy } from '../../lib/privacy/within-named-terms';

describe('selectors within the study’s test-id attributes', () => {
  const named = ['data-testid'];
  it.each([
    [{ target: { selector: '[data-testid="go"]', shadow: [] } }, true],
    [{ target: { selector: 'main > button:nth-of-type(2)', shadow: [] } }, true],
    [{ target: { selector: '[data-qa="go"]', shadow: [] } }, false],
    [{ target: { selector: 'button', shadow: ['[data-user="alice"]'] } }, false],
    [{ target: '[DATA-QA="x"]' }, false],
    [{ target: '[data-testid="list"]' }, true],
    [{ kind: 'history' }, true],
  ])('%j: %s', (event, expected) => {
    expect(selectorsWithinStudy(event, named)).toBe(expected);
  });
});

describe('ids and classes within the structural words', () => {
  const words = new Set(['add', 'to', 'cart', 'search', 'main']);
  it.each([
    ['#search > button.add-to-cart', true],
    ['main > div:nth-of-type(2) > a', true],
    ['[data-testid="order.alice"]', true],
    ['#msg-from-alice', false],
    ['div.thread-jane-doe > span', false],
    ['#\\61 lice', false],
  ])('%s: %s', (selector, expected) => {
    const event = { target: { selector, shadow: [] } };
    expect(selectorsWithinStudy(event, ['data-testid'], words)).toBe(expected);
  });
});

describe('query keys within the study’s', () => {
  const page = { origin: 'https://a.example', path: '/', queryKeys: ['sort', 'q'] };
  it('keeps only the named keys, and the page itself when nothing goes', () => {
    expect(pageWithinQueryKeys(page, ['sort'])).toEqual({ ...page, queryKeys: ['sort'] });
    expect(pageWithinQueryKeys(page, [])).toEqual({ origin: page.origin, path: '/' });
    expect(pageWithinQueryKeys(page, ['q', 'sort'])).toBe(page);
  });
});
