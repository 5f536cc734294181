import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config-error';
import { newSecretToken } from './tokens';

export const RESEARCHER_TOKEN_ENV = 'TASKTRACE_RESEARCHER_TOKEN';
export const RESEARCHER_TOKEN_FILE = 'researcher-token';

export interface ResearcherToken {
  token: string;
  /** Where it came from, so the CLI can say where to find it without printing it. */
  source: 'option' | 'env' | 'file' | 'created';
  file: string;
}

/**
 * The researcher token: given by the caller, else from the environment, else kept in
 * `<dataDir>/researcher-token`, created on first use readable by the owner only.
 */
export async function resolveResearcherToken(options: {
  dataDir: string;
  token?: string | undefined;
  env?: string | undefined;
}): Promise<ResearcherToken> {
  const file = path.join(options.dataDir, RESEARCHER_TOKEN_FILE);
  if (options.token)
    return { token: checked(options.token, 'the researcherToken option'), source: 'option', file };
  if (options.env)
    return { token: checked(options.env, RESEARCHER_TOKEN_ENV), source: 'env', file };

  const existing = await readExisting(file);
  if (existing !== undefined) return { token: checked(existing, file), source: 'file', file };

  const token = newSecretToken();
  await mkdir(options.dataDir, { recursive: true });
  try {
    // `wx` so two collectors starting at once cannot overwrite each other's token.
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return resolveResearcherToken(options);
    }
    throw error;
  }
  return { token, source: 'created', file };
}

async function readExisting(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A short researcher token is guessable; refuse it rather than guard the export with it. */
function checked(token: string, where: string): string {
  if (token.length < 16) {
    throw new ConfigError(
      `The researcher token from ${where} is too short: use at least 16 random characters.`,
    );
  }
  return token;
}
