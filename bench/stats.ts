/**
 * The few statistics the bench reports: quantiles, and paired medians with
 * percentile-bootstrap confidence intervals from a seeded generator, so a rerun on
 * the same samples prints the same interval.
 */

/** Quantile `q` (0…1) by linear interpolation between order statistics (R type 7). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(Math.max(q, 0), 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  const high = sorted[above]!;
  return low + (high - low) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function maximum(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => Math.max(a, b), -Infinity);
}

/** Mulberry32: small, fast and good enough to resample with; same seed, same stream. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Interval = { low: number; high: number };

export type BootstrapOptions = { resamples?: number; confidence?: number; seed?: number };

/** Percentile bootstrap interval of the median. */
export function bootstrapMedianInterval(
  values: readonly number[],
  options: BootstrapOptions = {},
): Interval {
  const { resamples = 2000, confidence = 0.95, seed = 1 } = options;
  if (values.length === 0) return { low: Number.NaN, high: Number.NaN };
  const random = seededRandom(seed);
  const medians: number[] = [];
  const sample = new Array<number>(values.length);
  for (let round = 0; round < resamples; round++) {
    for (let index = 0; index < values.length; index++) {
      sample[index] = values[Math.floor(random() * values.length)]!;
    }
    medians.push(median(sample));
  }
  const tail = (1 - confidence) / 2;
  return { low: quantile(medians, tail), high: quantile(medians, 1 - tail) };
}

export type PairedSummary = { n: number; median: number } & Interval;

/** Per-round differences `treatment[i] − baseline[i]`, their median and its interval. */
export function pairedMedian(
  treatment: readonly number[],
  baseline: readonly number[],
  options: BootstrapOptions = {},
): PairedSummary {
  if (treatment.length !== baseline.length) {
    throw new Error(`Unpaired samples: ${treatment.length} vs ${baseline.length}`);
  }
  const differences = treatment.map((value, index) => value - baseline[index]!);
  return {
    n: differences.length,
    median: median(differences),
    ...bootstrapMedianInterval(differences, options),
  };
}
