import { describe, expect, it } from 'vitest';
import {
  bootstrapMedianInterval,
  maximum,
  median,
  pairedMedian,
  quantile,
  seededRandom,
} from '../../bench/stats';

describe('bench statistics', () => {
  it('interpolates quantiles between order statistics', () => {
    expect(quantile([4, 1, 3, 2], 0)).toBe(1);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.75)).toBe(4);
    expect(quantile([10, 20], 0.95)).toBeCloseTo(19.5);
    expect(quantile([], 0.5)).toBeNaN();
    expect(maximum([3, 9, 1])).toBe(9);
  });

  it('draws the same stream from the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(first);
  });

  it('brackets the median with a reproducible bootstrap interval', () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 31 }, () => 10 + random());
    const interval = bootstrapMedianInterval(values, { seed: 3 });
    expect(interval.low).toBeLessThanOrEqual(median(values));
    expect(interval.high).toBeGreaterThanOrEqual(median(values));
    expect(interval.low).toBeGreaterThanOrEqual(10);
    expect(interval.high).toBeLessThanOrEqual(11);
    expect(bootstrapMedianInterval(values, { seed: 3 })).toEqual(interval);
  });

  it('summarises paired differences, and refuses unpaired samples', () => {
    const summary = pairedMedian([21, 22, 23, 24, 25], [20, 20, 20, 20, 20], { resamples: 200 });
    expect(summary.n).toBe(5);
    expect(summary.median).toBe(3);
    expect(summary.low).toBeGreaterThanOrEqual(1);
    expect(summary.high).toBeLessThanOrEqual(5);
    expect(() => pairedMedian([1, 2], [1])).toThrow(/Unpaired/);
  });
});
