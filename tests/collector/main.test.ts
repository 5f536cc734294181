import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, finished, runCli } from './support/cli';
import { createPostgresDatabase, type PostgresDatabase } from './support/postgres-database';
import { studyFile } from './support/studies';
import { testBackend } from './support/test-backend';

const temps: string[] = [];
const databases: PostgresDatabase[] = [];

/** For what never reaches a database: run once, in the PGlite project. */
// Defined in the PGlite project only, so the PostgreSQL run neither runs nor lists it.
const itOnce = (name: string, test: () => Promise<void>) => {
  if (testBackend === 'pglite') it(name, test);
};

async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
  await Promise.all(databases.map((database) => database.drop()));
});

/** DATABASE_URL of a fresh database in the collector-pg project; none (PGlite) otherwise. */
async function storageEnv(): Promise<Record<string, string>> {
  if (testBackend === 'pglite') return {};
  const database = await createPostgresDatabase();
  databases.push(database);
  return { DATABASE_URL: database.url };
}

describe('collector CLI', () => {
  itOnce('exits 1 with the message and no stack trace for a bad study file', async () => {
    const studies = await temp('tasktrace-studies-');
    await writeFile(
      path.join(studies, 'demo.json'),
      JSON.stringify(studyFile('demo', { allowlist: [{ match: 'shop.example' }] })),
    );
    const data = await temp('tasktrace-data-');
    const result = await finished(cli(['--port', '0', '--data', data, '--studies', studies]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('demo.json: allowlist.0.match: must be a match pattern like');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  itOnce('prints the researcher token, creating it readable by its owner only', async () => {
    const data = path.join(await temp('tasktrace-data-'), 'nested');
    const created = await finished(cli(['token', '--data', data]));
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(path.join(data, 'researcher-token'))).mode & 0o777).toBe(0o600);

    const again = await finished(cli(['token', '--data', data]));
    expect(again.stdout.trim()).toBe(token);
  });

  it('starts, prints the study links, and exits cleanly on SIGTERM', async () => {
    const studies = await temp('tasktrace-studies-');
    await writeFile(path.join(studies, 'demo.json'), JSON.stringify(studyFile('demo')));
    const data = await temp('tasktrace-data-');
    const child = cli(['--port', '0', '--data', data, '--studies', studies], await storageEnv());
    const done = finished(child);

    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout?.on('data', (chunk) => {
        seen += chunk;
        const match = seen.match(/listening on (http:\/\/\S+)/);
        if (match && seen.includes('researcher token')) resolve(match[1]!);
      });
      child.on('close', () => reject(new Error(`collector exited early:\n${seen}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill('SIGTERM');

    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${url}/v1/studies/demo`);
    expect(result.stdout).toContain(
      testBackend === 'postgres' ? 'storage: PostgreSQL at ' : 'storage: embedded PGlite in ',
    );
    // Created on this first start, so shown once.
    expect(result.stdout).toMatch(/researcher token \(new, shown once.*\): [A-Za-z0-9_-]{43}/);
  });

  itOnce('names the PostgreSQL it cannot reach and the fix, never the password', async () => {
    const studies = await temp('tasktrace-studies-');
    await writeFile(path.join(studies, 'demo.json'), JSON.stringify(studyFile('demo')));
    const data = await temp('tasktrace-data-');
    // Nothing listens on port 1.
    const env = { DATABASE_URL: 'postgres://collector:pa55-w0rd@127.0.0.1:1/traces' };
    for (const args of [
      ['--port', '0', '--data', data, '--studies', studies],
      ['token', 'list', '--data', data],
    ]) {
      const result = await runCli(args, env);
      expect(result.code, args[0]).toBe(1);
      expect(result.stderr).toContain(
        'Could not connect to PostgreSQL at 127.0.0.1:1/traces as collector (from DATABASE_URL)',
      );
      expect(result.stderr).toContain('Start PostgreSQL on 127.0.0.1 port 1');
      expect(result.stderr).not.toContain('pa55-w0rd');
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
