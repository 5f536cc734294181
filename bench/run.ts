import { buildExtensions } from './build-extensions';
import { readConfig } from './config';
import { currentLoad, describeMachine } from './machine';
import { BENCH_DIR, OUT_DIR } from './paths';
import { failedSection, type Section } from './results';
import { loadSuites } from './suites';
import { type BenchResults, writeResults } from './write-results';

/** `npm run bench`: builds, runs every suite, writes bench/results.md and results.json. */
async function main(): Promise<number> {
  const started = Date.now();
  const config = readConfig(process.env);
  const log = (line: string) =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const machine = await describeMachine();
  log(`${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadAtStart.toFixed(2)}`);
  if (config.skipBuild)
    log(`Using the extension builds already in ${OUT_DIR} (BENCH_SKIP_BUILD=1)`);
  else {
    log('Building the bench and production extensions');
    await buildExtensions();
  }

  const { suites, placeholders } = await loadSuites();
  const sections: Section[] = [...placeholders];
  let failed = false;
  for (const suite of suites) {
    const parts = suite.parts.filter((part) => config.only === null || config.only.has(part));
    if (parts.length === 0) continue;
    log(`${suite.title}`);
    try {
      sections.push(...(await suite.run({ config, log })));
    } catch (error) {
      failed = true;
      console.error(error);
      const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      for (const part of parts) sections.push(failedSection(part, suite.title, reason, 'ERROR'));
    }
  }

  machine.loadAtEnd = currentLoad();
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    machine,
    config: { ...config, only: config.only ? [...config.only] : null },
    sections,
  };
  const written = await writeResults(results, config.outDir ?? BENCH_DIR);
  log(`Wrote ${written.join(' and ')}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
