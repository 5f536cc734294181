import { browserSuite } from './browser-suite';
import { bundleSuite } from './bundle-suite';
import { collectorSuite } from './collector';
import { dataSuite } from './data-suite';
import type { Section } from './results';
import type { BenchSuite } from './suite';

/** Every part, in the order they run; `placeholders` stands for parts that cannot run. */
export async function loadSuites(): Promise<{ suites: BenchSuite[]; placeholders: Section[] }> {
  return { suites: [browserSuite, dataSuite, collectorSuite, bundleSuite], placeholders: [] };
}
