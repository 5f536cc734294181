import { describe, expect, it } from 'vitest';
import { consentChanges } from '../../lib/settings/consent-changes';
import { testStudy } from './support/enrolled-db';

describe('consentChanges', () => {
  it('holds consent when only the name, description or researcher change', () => {
    const renamed = {
      ...testStudy,
      name: 'Renamed',
      description: 'New words',
      researcher: { name: 'Other lab', contact: 'other@uni.example' },
    };
    expect(consentChanges(testStudy, renamed)).toEqual([]);
  });

  it.each([
    ['the consent text', { consent: { text: 'changed', version: 'v1' } }],
    ['the consent text', { consent: { text: 'ok', version: 'v2' } }],
    [
      'the sites it records',
      { allowlist: [{ match: 'https://shop.example/*', excludePaths: [] }] },
    ],
    ['what is recorded', { captureLevel: 'labels' as const }],
    ['what is recorded about pages', { queryKeys: ['page'] }],
    ['where the data goes', { endpoint: 'https://elsewhere.example' }],
    ['how long it is kept', { retentionDays: 365 }],
  ])('names %s when it changes', (label, change) => {
    expect(consentChanges(testStudy, { ...testStudy, ...change })).toEqual([label]);
  });
});
