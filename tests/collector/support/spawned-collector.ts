import { cli, finished } from './cli';

export interface SpawnedCollector {
  url: string;
  /** SIGTERM, then what the process printed and how it exited. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** A collector in a process of its own, as `npm run collector` starts it; resolves once it listens. */
export async function spawnCollector(options: {
  dataDir: string;
  studiesDir: string;
  env: Record<string, string>;
}): Promise<SpawnedCollector> {
  const child = cli(
    ['--port', '0', '--data', options.dataDir, '--studies', options.studiesDir],
    options.env,
  );
  const done = finished(child);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/listening on (http:\/\/\S+)/);
      if (match) resolve(match[1]!);
    });
    done.then((result) =>
      reject(
        new Error(`the collector exited (${result.code}) before listening:\n${result.stderr}`),
      ),
    );
  });
  return {
    url,
    stop() {
      child.kill('SIGTERM');
      return done;
    },
  };
}
