import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type CollectorProcess = {
  url: string;
  child: ChildProcess;
  /** Resident memory now, in bytes, from /proc. */
  rss(): Promise<number>;
  stop(): Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The real collector in its own process, as an operator runs it, so its memory can be
 * read from /proc without the bench's own allocations mixed in.
 */
export async function spawnCollector(options: {
  dataDir: string;
  studiesDir: string;
  researcherToken: string;
  databaseUrl?: string;
}): Promise<CollectorProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'collector', 'main.ts'),
      '--port',
      '0',
      '--data',
      options.dataDir,
      '--studies',
      options.studiesDir,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl ?? '',
        TASKTRACE_RESEARCHER_TOKEN: options.researcherToken,
        // The bench is one client at full speed: the limits guard against abuse, not this.
        TASKTRACE_RATE_LIMIT_TOKEN: 'off',
        TASKTRACE_RATE_LIMIT_IP: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`collector did not start:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`collector exited with ${code} before it listened:\n${output}`));
    });
  });
  // Keep draining its output so a chatty log never blocks the process on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url,
    child,
    rss: () => readRss(child.pid ?? 0),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function readRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}
