/**
 * The quality bars of the product brief ("Quality bars" in PRODUCT.md), quoted
 * verbatim so the results table shows exactly what each figure is held to, with the
 * limit the verdict is computed from. Change a bar there first, then here.
 */
export type Bar = {
  /** The bar as PRODUCT.md words it. */
  text: string;
  /** `max`: the figure must be ≤ limit; `min`: ≥ limit. */
  kind: 'max' | 'min';
  limit: number;
};

const max = (text: string, limit: number): Bar => ({ text, kind: 'max', limit });
const min = (text: string, limit: number): Bar => ({ text, kind: 'min', limit });

export const BARS = {
  addedProcessingP95: max(
    'added handler time (`processingEnd − processingStart`) ≤ 0.5 ms at p95',
    0.5,
  ),
  durationP75: max(
    'event `duration` at p75 within one 8 ms rounding step of the run without the extension',
    8,
  ),
  cpuMedian: max('median ≤ 0.05 ms', 0.05),
  cpuP99: max('p99 ≤ 0.5 ms', 0.5),
  cpuMaxTask: max('no task over 2 ms, observations included', 2),
  observationMaxTask: max('no recorder task over 4 ms on the 100,000-element page', 4),
  /**
   * Issue 16: "the added interaction time at p95 no worse than before this issue". Judged
   * in the same run against the recorder without observations, with 0.1 ms of tolerance
   * for what a p95 over one round can resolve; the 95% interval stands beside it.
   */
  observationAddedP95: max(
    'added interaction time at p95 no worse than before observations (≤ 0.1 ms over the recorder without them)',
    0.1,
  ),
  selectorP99: max('p99 ≤ 2 ms', 2),
  selectorMax: max('maximum ≤ 10 ms', 10),
  selectorUnique: min('unique at record time', 100),
  startup: max('≤ 5 ms', 5),
  bytesPerEvent: max('≤ 60 bytes per event … gzipped as uploaded', 60),
  bytesPerMinute: max('≤ 12 kB per minute with observations, gzipped as uploaded', 12_000),
  bytesPerMinuteActions: max('≤ 5 kB per minute of active use without observations', 5000),
  ingestRate: min('≥ 15,000 events/s sustained (batched transactions, relaxed durability)', 15_000),
  ingestP99: max('p99 from receipt to commit ≤ 250 ms', 250),
  collectorPglite: min('≥ 70,000 events/s on embedded PGlite', 70_000),
  collectorPostgres: min('≥ 250,000 events/s on PostgreSQL, with 8 concurrent uploaders', 250_000),
  collectorBatchP99: max('p99 ≤ 50 ms for a 500-event batch', 50),
  exportRate: min('≥ 200,000 rows/s streamed', 200_000),
  exportMemory: max('peak memory growth ≤ 64 MiB while exporting 1,000,000 events', 64),
  bundle: max('≤ 40 KB minified with observations', 40_000),
} as const;
