import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError } from './support/annotation';
import { runCli } from './support/cli';
import { createPostgresDatabase, type PostgresDatabase } from './support/postgres-database';
import { studyFile } from './support/studies';
import {
  restartTempCollector,
  startTempCollector,
  type TempCollector,
} from './support/temp-collector';
import { testBackend } from './support/test-backend';

const study = studyFile('tokens');
let dataDir: string;
/** On PostgreSQL, the database the commands and the collector share. */
let database: PostgresDatabase | undefined;
let collector: TempCollector | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tasktrace-tokens-'));
  if (testBackend === 'postgres') database = await createPostgresDatabase();
});
afterAll(async () => {
  await collector?.dispose();
  await rm(dataDir, { recursive: true, force: true });
  await database?.drop();
});

/**
 * For what never reaches a database, or that the store tests show on both backends
 * (revoking once; on PostgreSQL a revocation counts at once, shown below): spawning the
 * CLI is slow, so these run once, in the PGlite project.
 */
// Defined in the PGlite project only, so the PostgreSQL run neither runs nor lists it.
const itOnce = (name: string, test: () => Promise<void>) => {
  if (testBackend === 'pglite') it(name, test);
};

/** The commands as an operator runs them: with DATABASE_URL set when the collector has it. */
const tokenCommand = (args: string[]) =>
  runCli(['token', ...args, '--data', dataDir], database ? { DATABASE_URL: database.url } : {});

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

async function create(role: string, label?: string) {
  const args = ['create', '--role', role];
  const result = await tokenCommand(label === undefined ? args : [...args, '--label', label]);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.code).toBe(0);
  const token = result.stdout.trim();
  expect(token).toMatch(TOKEN);
  const id = result.stderr.match(/created \w+ token (tok_[0-9a-f]+)/)?.[1];
  expect(id).toBeDefined();
  return { token, id: id as string };
}

const sessions = (token: string) => call(`${collector?.url}/v1/sessions?study=${study.id}`, token);
const exportEvents = (token: string) =>
  call(`${collector?.url}/v1/export?study=${study.id}&format=events`, token);

let annotator: { token: string; id: string };
let researcher: { token: string; id: string };

// One data folder through its life: the steps run in order, each in its own test.
// Each step spawns the CLI several times, each opening the database: slow on a loaded machine.
describe('token create, list and revoke', { timeout: 180_000 }, () => {
  it('creates tokens and lists them without the tokens themselves', async () => {
    annotator = await create('annotator', 'Ann Otator');
    researcher = await create('researcher');

    const listed = await tokenCommand(['list']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+role\s+label\s+created\s+revoked$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^${annotator.id}\\s+annotator\\s+Ann Otator\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ\\s+-$`,
      ),
    );
    expect(lines[2]).toMatch(new RegExp(`^${researcher.id}\\s+researcher\\s+-\\s+\\S+ \\S+\\s+-$`));
    // Shown once at creation, never again: the database holds only hashes.
    expect(listed.stdout).not.toContain(annotator.token);
    expect(listed.stdout).not.toContain(researcher.token);
  });

  it('lets the tokens in by role, and keeps token commands off a running collector’s data', async () => {
    collector = await startTempCollector(
      [study],
      database ? { dataDir, databaseUrl: database.url } : { dataDir },
    );
    expect((await sessions(annotator.token)).status).toBe(200);
    expect((await sessions(researcher.token)).status).toBe(200);
    expect((await exportEvents(researcher.token)).status).toBe(200);
    await expectError(await exportEvents(annotator.token), 403, 'researcher_only');

    if (testBackend === 'pglite') {
      // The embedded database takes one process at a time: the command says so and stops.
      const busy = await tokenCommand(['revoke', annotator.id]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain('is in use by a running collector');
      expect(busy.stderr).not.toMatch(/^\s+at /m);
    } else {
      // PostgreSQL serves commands and collectors at once: a revocation counts at once.
      const brief = await create('annotator', 'Brief');
      expect((await sessions(brief.token)).status).toBe(200);
      expect((await tokenCommand(['revoke', brief.id])).code).toBe(0);
      await expectError(await sessions(brief.token), 401, 'revoked_token');
    }
  });

  itOnce('revokes a token once, and says so', async () => {
    await collector?.close();
    const revoked = await tokenCommand(['revoke', annotator.id]);
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toContain(`revoked ${annotator.id}`);
    const again = await tokenCommand(['revoke', annotator.id]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already revoked');
    const unknown = await tokenCommand(['revoke', 'tok_0000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no token tok_0000');

    const after = await tokenCommand(['list']);
    expect(after.stdout).toMatch(
      new RegExp(`^${annotator.id}\\s.*Z\\s+\\d{4}-\\d\\d-\\d\\d \\S+Z$`, 'm'),
    );
  });

  itOnce('refuses a revoked token once the collector runs again', async () => {
    collector = await restartTempCollector(collector as TempCollector, [study]);
    const refused = await expectError(await sessions(annotator.token), 401, 'revoked_token');
    expect(refused.message).toMatch(/revoked on \d{4}-\d\d-\d\d/);
    expect((await sessions(researcher.token)).status).toBe(200);
  });

  itOnce('refuses a missing or unknown role and a command it does not know', async () => {
    for (const args of [
      ['token', 'create', '--data', dataDir],
      ['token', 'create', '--role', 'admin', '--data', dataDir],
      ['token', 'list', '--role', 'annotator', '--data', dataDir],
      ['token', 'rotate', '--data', dataDir],
      ['token', 'revoke', '--data', dataDir],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
  });

  itOnce('still prints the researcher token with a bare `token`', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tasktrace-tokens-'));
    try {
      const first = await runCli(['token', '--data', dir]);
      expect(first.code).toBe(0);
      expect(first.stdout.trim()).toMatch(TOKEN);
      expect((await runCli(['token', '--data', dir])).stdout).toBe(first.stdout);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
