import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { BenchConfig } from './config';
import type { Machine } from './machine';
import { ROOT_DIR } from './paths';
import { type Figure, formatNumber, type Section } from './results';

const run = promisify(execFile);

export type BenchResults = {
  generatedAt: string;
  durationSeconds: number;
  machine: Machine;
  config: Omit<BenchConfig, 'only'> & { only: number[] | null };
  sections: Section[];
};

/** Writes results.json (everything, raw data included) and results.md (the table). */
export async function writeResults(results: BenchResults, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const json = join(outDir, 'results.json');
  const markdown = join(outDir, 'results.md');
  await writeFile(json, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(markdown, renderMarkdown(results));
  await formatJson(json);
  return [markdown, json];
}

/** results.json is committed, and `npm run lint` checks JSON formatting: format it as Biome would. */
async function formatJson(file: string): Promise<void> {
  // Biome only formats files inside the project; results written elsewhere stay as they are.
  if (relative(ROOT_DIR, file).startsWith('..')) return;
  try {
    await run('npx', ['biome', 'format', '--write', file], { cwd: ROOT_DIR, timeout: 60_000 });
  } catch (error) {
    console.warn(`Could not format ${file} with Biome: ${(error as Error).message}`);
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function measured(figure: Figure): string {
  if (figure.display) return figure.display;
  if (figure.value === null) return '—';
  return `${formatNumber(figure.value)} ${figure.unit}`.trim();
}

export function renderMarkdown(results: BenchResults): string {
  const { machine, config } = results;
  const sections = [...results.sections].sort((a, b) => a.part - b.part);
  const busy = Math.max(machine.loadAtStart, machine.loadAtEnd ?? 0) > machine.cores;
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${results.generatedAt}; the run took ${(results.durationSeconds / 60).toFixed(1)} min.`,
    `Rounds ${config.rounds}, ${config.interactions} interactions a round, page sizes ${config.sizes.join(' / ')} elements, ` +
      `${config.startups} start-ups, a ${config.sessionSeconds} s session, ${config.ingestSeconds} s of ingest` +
      (config.quick ? ' (BENCH_QUICK: a smoke run, not figures to quote).' : '.'),
    ...(busy
      ? [
          '',
          `**The machine was busy** (load average above its ${machine.cores} cores): timing figures are preliminary.`,
        ]
      : []),
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${cell(machine.cpuModel)}, ${machine.cores} cores |`,
    `| Memory | ${machine.memoryGiB} GiB |`,
    `| OS | ${cell(machine.os)} |`,
    `| Node | ${machine.node} |`,
    `| Chromium | ${cell(machine.chromium)} |`,
    `| Firefox | ${cell(machine.firefox)} |`,
    `| Load average (1 min) at start / end | ${machine.loadAtStart.toFixed(2)} / ${machine.loadAtEnd?.toFixed(2) ?? 'n/a'} |`,
    '',
    '## Figures',
    '',
    '| Part | Figure | Measured | Bar (PRODUCT.md) | Result |',
    '|---|---|---|---|---|',
  ];
  for (const section of sections) {
    for (const figure of section.figures) {
      lines.push(
        `| ${section.part} | ${cell(figure.name)} | ${cell(measured(figure))} | ${cell(figure.bar?.text ?? '—')} | ${figure.verdict} |`,
      );
    }
  }
  lines.push('', '## Notes', '');
  for (const section of sections) {
    if (section.notes.length === 0) continue;
    lines.push(`### ${section.part}. ${section.title}`, '');
    for (const note of section.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
