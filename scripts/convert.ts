import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './export/cli-error';
import { runCli } from './export/run-cli';
import { CONVERT_USAGE, parseConvertArgs } from './replay/convert-args';
import { convertSteps, episodeFileName } from './replay/convert-steps';
import { readEpisodes } from './replay/read-episodes';
import { readValues } from './replay/read-values';
import { toPlaywrightScript } from './replay/to-playwright';
import { toRecorderFlow } from './replay/to-recorder-json';

// `npm run convert -- --in FILE --to playwright|recorder --out DIR`: a script per episode.
async function main(): Promise<number> {
  const args = parseConvertArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(CONVERT_USAGE);
    return 0;
  }
  const episodes = await readEpisodes(args.input);
  const values = await readValues(args.values);
  try {
    await mkdir(args.out, { recursive: true });
  } catch (error) {
    throw new CliError(
      `Cannot create ${args.out} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): choose another --out.`,
    );
  }
  const names = new Set<string>();
  for (const episode of episodes) {
    const converted = convertSteps(episode);
    const baseUrl = args.baseUrl ?? converted.origin ?? 'http://127.0.0.1:8788';
    let name = episodeFileName(episode.id);
    while (names.has(name)) name = `${name}_`;
    names.add(name);
    let file: string;
    let notes: string[] = [];
    let { written, stopped } = converted;
    if (args.to === 'playwright') {
      file = path.join(args.out, `${name}.mjs`);
      await writeFile(file, toPlaywrightScript(converted, baseUrl));
    } else {
      const recording = toRecorderFlow(converted, baseUrl, values);
      ({ notes, written, stopped } = recording);
      file = path.join(args.out, `${name}.json`);
      await writeFile(file, `${JSON.stringify(recording.flow, null, 2)}\n`);
    }
    const lines = [`CONVERT ${episode.id} ${file} ${written}/${converted.total}`];
    if (stopped) lines.push(`  stops early: ${stopped}`);
    for (const note of notes) lines.push(`  note: ${note}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return 0;
}

runCli(main, (error) => `Convert failed unexpectedly: ${error.stack ?? error}`);
