import { describe, expect, it } from 'vitest';
import { chooseNodes, distance, NEAR_VIEWPORT } from '../../lib/recorder/place-nodes';
import type { Candidate } from '../../lib/recorder/walk-skeleton';

const view = { x: 0, y: 1000, w: 1000, h: 800 };

function candidate(y: number): Candidate {
  const box = { x: 10, y, w: 100, h: 20 };
  return {
    element: document.createElement('button'),
    parent: -1,
    ...box,
    sx: box.x - view.x,
    sy: box.y - view.y,
    distance: distance(box, false, view),
    hidden: false,
    interactive: true,
  };
}

describe('distance', () => {
  it('is measured from the viewport where the page is scrolled, in viewport sizes', () => {
    expect(distance({ x: 10, y: 1200, w: 10, h: 10 }, false, view)).toBe(0);
    // 400 px below the viewport's bottom edge (1800): half a viewport height.
    expect(distance({ x: 10, y: 2200, w: 10, h: 10 }, false, view)).toBe(0.5);
    expect(distance({ x: 10, y: 590, w: 10, h: 10 }, false, view)).toBe(0.5);
    expect(distance({ x: 10, y: 1200, w: 10, h: 10 }, true, view)).toBe(Infinity);
  });
});

describe('chooseNodes', () => {
  it('lists everything under the cap', () => {
    const all = [candidate(0), candidate(5000)];
    expect(chooseNodes(all, [], 2)).toEqual({ chosen: [0, 1], truncated: false });
  });

  it('over the cap keeps what is near or listed before, dropping the farthest first', () => {
    // In document order: far above, in view, far below, just below the band.
    const all = [candidate(0), candidate(1100), candidate(9000), candidate(1900)];
    expect(all[3]!.distance).toBeLessThan(NEAR_VIEWPORT);
    // The walk offers the near ones and those readers already have (0 and 2).
    expect(chooseNodes(all, [0, 1, 2, 3], 3)).toEqual({ chosen: [0, 1, 3], truncated: true });
    expect(chooseNodes(all, [1, 3], 3)).toEqual({ chosen: [1, 3], truncated: true });
  });
});
