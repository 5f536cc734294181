import { writeFile } from 'node:fs/promises';
import {
  EXPORT_FILES,
  type ExportManifest,
  type ExportSummary,
  exportManifest,
  exportSummary,
} from '../../lib/schema';
import { CliError } from './cli-error';
import { collectorClient } from './collector-client';
import type { ExportOptions } from './parse-args';
import { progressBar } from './progress';
import { notWritable, type StagedFiles } from './staged-files';
import { type WrittenFile, writeAnswer } from './write-file';

export interface ExportResult {
  summary: ExportSummary;
  manifest: ExportManifest;
}

/**
 * The whole export. The summary comes first: it checks the collector, token, study and
 * filters before anything touches the disk. Then the datasheet and schema (small), the
 * data (streamed, with a progress bar), and the manifest of all three, each under a
 * temporary name until every one is complete.
 */
export async function exportDataset(
  options: ExportOptions,
  staged: StagedFiles,
  stderr: NodeJS.WriteStream,
): Promise<ExportResult> {
  const client = collectorClient(options.collector, options.token, options.study);
  const query = exportQuery(options);
  const exportedAt = new Date().toISOString();
  const summary = exportSummary.parse(await client.json(`/v1/export/summary.json?${query}`));

  await staged.prepare();
  const save = async (name: string, path: string, onLines?: (lines: number) => void) => {
    const target = staged.stage(name);
    const response = await client.get(path, { gzip: true });
    try {
      return await writeAnswer(response, target, onLines);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).syscall === 'open') {
        throw notWritable(options.out, error as NodeJS.ErrnoException);
      }
      throw error;
    }
  };

  const sheet = await save(EXPORT_FILES.datasheet, `/v1/export/datasheet.md?${query}`);
  const schema = await save(EXPORT_FILES.schema, '/v1/export/schema.json');
  const dataName = EXPORT_FILES.data(options.format);
  const progress = progressBar(stderr, summary.rows, options.format);
  progress.update(0);
  let data: WrittenFile;
  let lines = 0;
  try {
    data = await save(dataName, `/v1/export?${query}`, (count) => {
      lines = count;
      progress.update(count);
    });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw brokenOff(lines, error as Error);
  }
  if (!data.endsWithNewline) throw brokenOff(data.lines, new Error('the last line is incomplete'));
  progress.finish(data.lines);
  if (data.lines !== summary.rows) {
    stderr.write(
      `Note: the collector's data changed during the export: ${dataName} has ${data.lines} lines where the datasheet counted ${summary.rows}. Export again for a datasheet that matches exactly.\n`,
    );
  }

  const manifest = exportManifest.parse({
    study: summary.study,
    format: summary.format,
    filters: summary.filters,
    exportedAt,
    schemaVersion: summary.schemaVersion,
    collectorVersion: summary.collectorVersion,
    files: [
      { name: dataName, bytes: data.bytes, lines: data.lines, sha256: data.sha256 },
      { name: EXPORT_FILES.schema, bytes: schema.bytes, sha256: schema.sha256 },
      { name: EXPORT_FILES.datasheet, bytes: sheet.bytes, sha256: sheet.sha256 },
    ],
  } satisfies ExportManifest);
  await writeFile(staged.stage(EXPORT_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`, {
    flag: 'wx',
  });
  await staged.commit();
  return { summary, manifest };
}

function exportQuery(options: ExportOptions): string {
  const query = new URLSearchParams({ study: options.study, format: options.format });
  if (options.from !== undefined) query.set('from', options.from);
  if (options.to !== undefined) query.set('to', options.to);
  if (options.annotated) query.set('annotated', 'true');
  return query.toString();
}

function brokenOff(lines: number, cause: Error): CliError {
  return new CliError(
    `The download broke off after ${lines.toLocaleString('en-US')} lines (${cause.message}), so nothing was kept: the files would be incomplete.\nRun the export again; if it keeps failing, the collector's log says why.`,
  );
}
