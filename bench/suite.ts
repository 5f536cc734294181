import type { BenchConfig } from './config';
import type { Section } from './results';

export type SuiteContext = {
  config: BenchConfig;
  /** Progress for the terminal; results go in the sections. */
  log: (line: string) => void;
};

/**
 * One self-contained measurement: it starts what it needs, measures, stops it all and
 * returns one section per part of issue 9 it covers. Adding a part is adding a suite.
 */
export type BenchSuite = {
  /** The parts (1…6) it reports; the runner skips it when BENCH_ONLY names none of them. */
  parts: number[];
  title: string;
  run(context: SuiteContext): Promise<Section[]>;
};
