import { runsPart } from './config';
import {
  measureStartups,
  runInteractionRounds,
  type SizeRun,
  type StartupRun,
} from './interaction-cost';
import { interactionSection } from './interaction-section';
import { measureIpcCost } from './ipc-cost';
import { launchBenchBrowser } from './launch-bench-browser';
import { servePages } from './pages/serve-pages';
import { recorderCpuSection } from './recorder-cpu-section';
import type { Section } from './results';
import type { BenchSuite } from './suite';

/** Parts 1 and 2 share one browser: part 2 reads the recorder's stopwatches from part 1's rounds. */
export const browserSuite: BenchSuite = {
  parts: [1, 2],
  title: 'Interaction cost and recorder CPU (Chromium)',
  async run({ config, log }) {
    const server = await servePages();
    const driver = await launchBenchBrowser();
    try {
      const runs: SizeRun[] = [];
      for (const elements of config.sizes) {
        log(`Part 1: ${elements}-element pages, ${config.rounds} rounds`);
        runs.push(await runInteractionRounds(driver.context, server, config, elements, log));
      }
      const largest = config.sizes[config.sizes.length - 1]!;
      log(`Part 2: ${config.startups} fresh loads of the ${largest}-element page`);
      const startups: StartupRun = await measureStartups(
        driver.context,
        server,
        largest,
        config.startups,
      );
      const ipc = await measureIpcCost(driver.extensionPage);
      const sections: Section[] = [];
      if (runsPart(config, 1)) sections.push(interactionSection(runs));
      if (runsPart(config, 2)) sections.push(recorderCpuSection(runs.at(-1)!, startups, ipc));
      return sections;
    } finally {
      await driver.close();
      await server.close();
    }
  },
};
