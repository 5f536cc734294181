import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError } from './support/annotation';
import { runCli } from './support/cli';
import { studyFile } from './support/studies';
import {
  restartTempCollector,
  startTempCollector,
  type TempCollector,
} from './support/temp-collector';

const study = studyFile('tokens');
let dataDir: string;
let collector: TempCollector | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tasktrace-tokens-'));
});
afterAll(async () => {
  await collector?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

async function create(role: string, label?: string) {
  const args = ['token', 'create', '--role', role, '--data', dataDir];
  const result = await runCli(label === undefined ? args : [...args, '--label', label]);
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
describe('token create, list and revoke', () => {
  it('creates tokens and lists them without the tokens themselves', async () => {
    annotator = await create('annotator', 'Ann Otator');
    researcher = await create('researcher');

    const listed = await runCli(['token', 'list', '--data', dataDir]);
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
    collector = await startTempCollector([study], { dataDir });
    expect((await sessions(annotator.token)).status).toBe(200);
    expect((await sessions(researcher.token)).status).toBe(200);
    expect((await exportEvents(researcher.token)).status).toBe(200);
    await expectError(await exportEvents(annotator.token), 403, 'researcher_only');

    // The embedded database takes one process at a time: the command says so and stops.
    const busy = await runCli(['token', 'revoke', annotator.id, '--data', dataDir]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('is in use by a running collector');
    expect(busy.stderr).not.toMatch(/^\s+at /m);
  });

  it('revokes a token once, and says so', async () => {
    await collector?.close();
    const revoked = await runCli(['token', 'revoke', annotator.id, '--data', dataDir]);
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toContain(`revoked ${annotator.id}`);
    const again = await runCli(['token', 'revoke', annotator.id, '--data', dataDir]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already revoked');
    const unknown = await runCli(['token', 'revoke', 'tok_0000', '--data', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no token tok_0000');

    const after = await runCli(['token', 'list', '--data', dataDir]);
    expect(after.stdout).toMatch(
      new RegExp(`^${annotator.id}\\s.*Z\\s+\\d{4}-\\d\\d-\\d\\d \\S+Z$`, 'm'),
    );
  });

  it('refuses a revoked token once the collector runs again', async () => {
    collector = await restartTempCollector(collector as TempCollector, [study]);
    const refused = await expectError(await sessions(annotator.token), 401, 'revoked_token');
    expect(refused.message).toMatch(/revoked on \d{4}-\d\d-\d\d/);
    expect((await sessions(researcher.token)).status).toBe(200);
  });

  it('refuses a missing or unknown role and a command it does not know', async () => {
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

  it('still prints the researcher token with a bare `token`', async () => {
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
