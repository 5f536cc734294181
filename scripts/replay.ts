import { CliError } from './export/cli-error';
import { runCli } from './export/run-cli';
import { checkBaseUrl } from './replay/check-base-url';
import { launchChromium } from './replay/chromium-browser';
import { launchFirefox } from './replay/firefox-browser';
import { formatReplay } from './replay/format-replay';
import { readEpisodes } from './replay/read-episodes';
import { readValues } from './replay/read-values';
import { parseReplayArgs, REPLAY_USAGE } from './replay/replay-args';
import { replayEpisode } from './replay/replay-episode';

// `npm run replay -- --episodes FILE --base-url URL`: each episode replayed in a fresh browser.
async function main(): Promise<number> {
  const args = parseReplayArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(REPLAY_USAGE);
    return 0;
  }
  const episodes = await readEpisodes(args.episodes);
  const values = await readValues(args.values);
  await checkBaseUrl(args.baseUrl);
  const log = args.quiet ? () => undefined : (line: string) => process.stderr.write(`${line}\n`);
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  try {
    browser = args.browser === 'chromium' ? await launchChromium() : await launchFirefox();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Could not start ${args.browser}: ${(error as Error).message}`);
  }
  let failed = 0;
  try {
    for (const episode of episodes) {
      const result = await replayEpisode(browser, episode, {
        baseUrl: args.baseUrl,
        values,
        timeoutMs: args.timeoutMs,
        log,
      });
      if (!result.ok) failed += 1;
      process.stdout.write(formatReplay(result));
    }
  } finally {
    await browser.close();
  }
  log(
    `${episodes.length - failed} of ${episodes.length} episodes replayed faithfully in ${browser.name}.`,
  );
  return failed === 0 ? 0 : 1;
}

runCli(main, (error) => `Replay failed unexpectedly: ${error.stack ?? error}`);
