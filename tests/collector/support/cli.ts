import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The CLI as `npm run collector` runs it, without npm's banner, and without a researcher
 * token or DATABASE_URL from the developer's environment: only those in `env` count.
 */
export function cli(args: string[], env: Record<string, string> = {}): ChildProcess {
  const inherited = { ...process.env };
  delete inherited.TASKTRACE_RESEARCHER_TOKEN;
  delete inherited.DATABASE_URL;
  return spawn(process.execPath, ['--import', 'tsx', 'collector/main.ts', ...args], {
    cwd: root,
    env: { ...inherited, ...env },
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
export function runCli(args: string[], env: Record<string, string> = {}) {
  return finished(cli(args, env));
}
