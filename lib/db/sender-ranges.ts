/** Sorted, disjoint, non-adjacent inclusive ranges of numbers. */
export type Ranges = readonly (readonly [number, number])[];

/** Whether `n` lies in one of the ranges (binary search: a sender's ranges may be many). */
export function inRanges(ranges: Ranges, n: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = ranges[middle]!;
    if (n < from) high = middle - 1;
    else if (n > to) low = middle + 1;
    else return true;
  }
  return false;
}

/** The ranges with these numbers added, merged so touching ranges become one. */
export function addToRanges(ranges: Ranges, numbers: Iterable<number>): [number, number][] {
  const all: [number, number][] = ranges.map(([from, to]) => [from, to]);
  for (const n of numbers) all.push([n, n]);
  all.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of all) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
