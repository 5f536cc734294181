import { describe, expect, it } from 'vitest';
import { collectorOrigin } from '../../lib/settings/collector-origin';

describe('collectorOrigin', () => {
  it('asks for the host without port or path', () => {
    expect(collectorOrigin('http://127.0.0.1:8787/v1/studies/demo')).toBe('http://127.0.0.1/*');
    expect(collectorOrigin('https://collector.example')).toBe('https://collector.example/*');
  });
});
