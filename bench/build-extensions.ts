import { spawn } from 'node:child_process';
import { ROOT_DIR } from './paths';

function wxt(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['wxt', ...args], {
      cwd: ROOT_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`wxt ${args.join(' ')} failed:\n${output}`)),
    );
  });
}

/**
 * The two builds the bench needs: the bench build (parts 1–4) and a copy of the
 * production build beside it (part 6), neither touching the folders tests read.
 */
export async function buildExtensions(): Promise<void> {
  await wxt(['build', '-c', 'bench/wxt.config.ts', '--mode', 'bench']);
  await wxt(['build', '-c', 'bench/wxt-production-copy.config.ts']);
}
