import { benchCollector } from './collector/bench-collector';
import type { BenchSuite } from './suite';

/** Part 5: collector ingest on PGlite and PostgreSQL, and the export of a million events. */
export const collectorSuite: BenchSuite = {
  parts: [5],
  title: 'Collector',
  async run({ config, log }) {
    log('collector: ingest with 8 uploaders and a 1,000,000-event export, PGlite then PostgreSQL');
    return [await benchCollector(config)];
  },
};
