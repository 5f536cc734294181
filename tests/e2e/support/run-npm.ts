import { spawn } from 'node:child_process';
import { ROOT } from './paths';

export type NpmResult = { code: number | null; stdout: string; stderr: string };

/** Runs `npm run <script> -- args` in the repository, to the end. */
export function npmRun(script: string, args: string[]): Promise<NpmResult> {
  const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The lines `npm run replay` printed for an episode: its REPLAY line and the indented ones after it. */
export function replayReport(stdout: string, id: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`REPLAY ${id} `));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('  '));
  return lines.slice(start, end < 0 ? undefined : end);
}
