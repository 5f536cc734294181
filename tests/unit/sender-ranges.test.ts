import { describe, expect, it } from 'vitest';
import { addToRanges, inRanges } from '../../lib/db/sender-ranges';

describe('sender ranges', () => {
  it('merges new numbers into sorted, touching ranges', () => {
    expect(addToRanges([], [3, 1, 2, 7])).toEqual([
      [1, 3],
      [7, 7],
    ]);
    expect(
      addToRanges(
        [
          [1, 3],
          [7, 7],
        ],
        [4, 5, 6],
      ),
    ).toEqual([[1, 7]]);
    expect(addToRanges([[0, 9]], [5, 10])).toEqual([[0, 10]]);
  });

  it('finds numbers inside ranges and not in gaps', () => {
    const ranges = addToRanges([], [0, 1, 2, 10, 11, 20]);
    expect([0, 2, 10, 11, 20].every((n) => inRanges(ranges, n))).toBe(true);
    expect([-1, 3, 9, 12, 19, 21].some((n) => inRanges(ranges, n))).toBe(false);
    expect(inRanges([], 0)).toBe(false);
  });
});
