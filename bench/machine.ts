import { execFile } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { promisify } from 'node:util';
import { CHROMIUM_PATH, FIREFOX_PATH } from '../tests/e2e/support/paths';

const run = promisify(execFile);

/** Where the figures were measured: they mean little without it. */
export type Machine = {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  firefox: string;
  /** 1-minute load average when the run started and ended: above the core count is a busy machine. */
  loadAtStart: number;
  loadAtEnd: number | null;
};

async function versionOf(executable: string): Promise<string> {
  try {
    const { stdout } = await run(executable, ['--version'], { timeout: 30_000 });
    return stdout.trim().split('\n').at(-1) ?? 'unknown';
  } catch (error) {
    return `not found (${(error as Error).message.split('\n')[0]})`;
  }
}

export async function describeMachine(): Promise<Machine> {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: await versionOf(CHROMIUM_PATH),
    firefox: await versionOf(FIREFOX_PATH),
    loadAtStart: loadavg()[0] ?? 0,
    loadAtEnd: null,
  };
}

export function currentLoad(): number {
  return loadavg()[0] ?? 0;
}
