import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserSuite } from './browser-suite';
import { bundleSuite } from './bundle-suite';
import { dataSuite } from './data-suite';
import { BENCH_DIR } from './paths';
import { failedSection, type Section } from './results';
import type { BenchSuite } from './suite';

/**
 * Part 5 (collector ingest and export) lives in `bench/collector.ts`, which exports
 * `collectorSuite: BenchSuite` reporting part 5; until that file exists the table says
 * the part was not run. Nothing else needs to change to add it.
 */
const COLLECTOR_MODULE = join(BENCH_DIR, 'collector.ts');

export async function loadSuites(): Promise<{ suites: BenchSuite[]; placeholders: Section[] }> {
  const suites: BenchSuite[] = [browserSuite, dataSuite];
  const placeholders: Section[] = [];
  if (existsSync(COLLECTOR_MODULE)) {
    const module = (await import(pathToFileURL(COLLECTOR_MODULE).href)) as {
      collectorSuite?: BenchSuite;
    };
    if (!module.collectorSuite) throw new Error('bench/collector.ts must export collectorSuite');
    suites.push(module.collectorSuite);
  } else {
    placeholders.push(
      failedSection(
        5,
        'Collector',
        'Not measured yet: bench/collector.ts (collector ingest on PGlite and PostgreSQL, export of 1,000,000 events) is not in this checkout.',
        'NOT RUN',
      ),
    );
  }
  suites.push(bundleSuite);
  return { suites, placeholders };
}
