import path from 'node:path';
import { exportDataset } from './export/export-dataset';
import { parseExportArgs } from './export/parse-args';
import { runCli } from './export/run-cli';
import { StagedFiles } from './export/staged-files';
import { USAGE } from './export/usage';

// `npm run export -- --collector URL --study ID --out DIR`: a study's dataset as four files.
async function main(): Promise<number> {
  const options = parseExportArgs(process.argv.slice(2), process.env);
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const staged = new StagedFiles(options.out);
  // Ctrl-C mid-download: take the partial files away before leaving.
  process.once('SIGINT', () => {
    process.stderr.write('\nInterrupted: removing the partial files.\n');
    void staged.discard().finally(() => process.exit(130));
  });
  try {
    const { summary, manifest } = await exportDataset(options, staged, process.stderr);
    const lines = [
      `Exported study "${summary.study}" (${summary.format}) to ${path.resolve(options.out)}:`,
      ...manifest.files.map(
        (file) =>
          `  ${file.name.padEnd(15)} ${file.lines === undefined ? '' : `${file.lines.toLocaleString('en-US')} lines, `}${file.bytes.toLocaleString('en-US')} bytes`,
      ),
      `  ${'manifest.json'.padEnd(15)} sha256 of each file`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    await staged.discard();
    throw error;
  }
}

runCli(
  main,
  (error) => `Export failed unexpectedly: ${error.message}`,
  () => (process.stderr.isTTY ? '\n' : ''),
);
