import { stat } from 'node:fs/promises';
import { type StaffRole, staffRole } from '../lib/schema';
import { ConfigError } from './common/config-error';
import { RESEARCHER_TOKEN_ENV, resolveResearcherToken } from './common/researcher-token';
import { hashToken, newSecretToken, newStaffTokenId } from './common/tokens';
import { createSqlStore } from './db/create-sql-store';
import { openDatabase, pgliteDir } from './db/open-database';
import type { StaffToken, Store } from './db/store';

export interface TokenCommandOptions {
  dataDir: string;
  /** PostgreSQL (DATABASE_URL) when set; else the data folder's embedded database. */
  databaseUrl?: string | undefined;
  role?: string | undefined;
  label?: string | undefined;
  /** The researcher token from the environment, if set. */
  env?: string | undefined;
}

/** Where the commands write: tokens and tables to `out`, notes to `note`. */
export interface TokenCommandOutput {
  out(line: string): void;
  note(line: string): void;
}

const MAX_LABEL = 200;

/**
 * `token` (print the researcher token), `token create`, `token list`, `token revoke ID`.
 * Tokens go to stdout alone, so `$(npm run --silent collector -- token create …)` works.
 */
export async function runTokenCommand(
  args: readonly string[],
  options: TokenCommandOptions,
  output: TokenCommandOutput,
): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'create' && (options.role !== undefined || options.label !== undefined)) {
    throw new ConfigError('--role and --label go with `token create` only.');
  }
  switch (action) {
    case undefined:
      return printResearcherToken(options, output);
    case 'create':
      expectArguments(rest, 0, 'token create --role annotator|researcher [--label NAME]');
      return createToken(options, output);
    case 'list':
      expectArguments(rest, 0, 'token list');
      return listTokens(options, output);
    case 'revoke':
      expectArguments(rest, 1, 'token revoke ID');
      return revokeToken(rest[0] as string, options, output);
    default:
      throw new ConfigError(
        `Unknown token command "${action}": use token, token create, token list or token revoke ID.`,
      );
  }
}

async function printResearcherToken(
  options: TokenCommandOptions,
  output: TokenCommandOutput,
): Promise<void> {
  const token = await resolveResearcherToken({ dataDir: options.dataDir, env: options.env });
  if (token.source === 'created') output.note(`created a new researcher token in ${token.file}`);
  if (token.source === 'env') output.note(`(from ${RESEARCHER_TOKEN_ENV})`);
  output.out(token.token);
}

async function createToken(options: TokenCommandOptions, output: TokenCommandOutput) {
  const role = parseRole(options.role);
  const label = parseLabel(options.label ?? '');
  const token = newSecretToken();
  const id = newStaffTokenId();
  await withStore(options, { create: true }, (store) =>
    store.createStaffToken({ id, role, tokenHash: hashToken(token), label }),
  );
  output.note(
    `created ${role} token ${id}${label ? ` (${label})` : ''}; it is shown this once and stored only as a hash. Revoke it with: npm run collector -- token revoke ${id}`,
  );
  output.out(token);
}

async function listTokens(options: TokenCommandOptions, output: TokenCommandOutput) {
  const tokens = await withStore(options, { create: false }, (store) => store.listStaffTokens());
  if (tokens.length === 0) {
    output.note('no annotator or researcher tokens yet; create one with: token create --role …');
    return;
  }
  for (const line of table(tokens)) output.out(line);
}

async function revokeToken(id: string, options: TokenCommandOptions, output: TokenCommandOutput) {
  const outcome = await withStore(options, { create: false }, (store) =>
    store.revokeStaffToken(id),
  );
  if (outcome === 'unknown') {
    throw new ConfigError(`There is no token ${id}; \`token list\` shows the ids.`);
  }
  output.note(
    outcome === 'revoked'
      ? `revoked ${id}: the collector refuses it from now on`
      : `${id} was already revoked`,
  );
}

/**
 * The collector's database for one command: PostgreSQL, beside running collectors, or
 * the data folder's embedded one under its lock.
 */
async function withStore<T>(
  options: TokenCommandOptions,
  mode: { create: boolean },
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const { dataDir, databaseUrl } = options;
  if (!databaseUrl && !mode.create && !(await exists(pgliteDir(dataDir)))) {
    throw new ConfigError(
      `There is no collector data in ${dataDir}: check --data, or create a token there first.`,
    );
  }
  const { db } = await openDatabase({ databaseUrl, dataDir, holder: 'a token command' });
  try {
    return await work(createSqlStore(db));
  } finally {
    await db.close();
  }
}

function parseRole(value: string | undefined): StaffRole {
  const result = staffRole.safeParse(value);
  if (!result.success) {
    throw new ConfigError(
      value === undefined
        ? 'Say whose token it is: token create --role annotator, or --role researcher.'
        : `--role ${value} is not a role: use annotator or researcher.`,
    );
  }
  return result.data;
}

function parseLabel(value: string): string {
  const label = value.trim();
  // A label is printed by `token list`; control characters could rewrite the terminal.
  const control = [...label].some((char) => char.charCodeAt(0) < 0x20 || char === '\u007f');
  if (label.length > MAX_LABEL || control) {
    throw new ConfigError(
      `--label must be at most ${MAX_LABEL} characters on one line, such as a name.`,
    );
  }
  return label;
}

function expectArguments(rest: readonly string[], count: number, usage: string): void {
  if (rest.length !== count) throw new ConfigError(`Usage: npm run collector -- ${usage}`);
}

function table(tokens: readonly StaffToken[]): string[] {
  const rows = [
    ['id', 'role', 'label', 'created', 'revoked'],
    ...tokens.map((token) => [
      token.id,
      token.role,
      token.label || '-',
      when(token.createdAt),
      token.revokedAt ? when(token.revokedAt) : '-',
    ]),
  ];
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] as string).length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] as number))
      .join('  ')
      .trimEnd(),
  );
}

function when(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
