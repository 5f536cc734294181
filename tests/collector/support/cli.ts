import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The CLI as `npm run collector` runs it, without npm's banner or a researcher token in the env. */
export function cli(args: string[]): ChildProcess {
  const env = { ...process.env };
  delete env.TASKTRACE_RESEARCHER_TOKEN;
  return spawn(process.execPath, ['--import', 'tsx', 'collector/main.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function finished(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the CLI to the end. */
export function runCli(args: string[]) {
  return finished(cli(args));
}
