import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { studyFile } from '../../lib/schema';
import { ConfigError } from '../common/config-error';
import { formatIssues } from '../common/format-issues';

/** A study file after validation, defaults filled in. */
export type Study = z.output<typeof studyFile>;

/**
 * Reads and validates every `*.json` study in `dir`. All problems in all files are
 * reported together, each line naming the file and the field, so one run shows
 * everything to fix.
 */
export async function loadStudies(dir: string): Promise<Map<string, Study>> {
  const shown = displayPath(dir);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if (isErrnoException(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) {
      throw new ConfigError(
        `Studies folder ${shown} does not exist: create it and add a study file such as ${path.join(shown, 'demo.json')}.`,
      );
    }
    throw error;
  }
  if (names.length === 0) {
    throw new ConfigError(
      `No study files (*.json) in ${shown}: add at least one, such as ${path.join(shown, 'demo.json')}.`,
    );
  }

  const problems: string[] = [];
  const studies = new Map<string, Study>();
  const fileOf = new Map<string, string>();
  for (const name of names) {
    const file = path.join(shown, name);
    const result = parseStudy(await readFile(path.join(dir, name), 'utf8'));
    if (!result.ok) {
      problems.push(...result.problems.map((problem) => `${file}: ${problem}`));
      continue;
    }
    const earlier = fileOf.get(result.study.id);
    if (earlier) {
      problems.push(`${file}: id: "${result.study.id}" is already used by ${earlier}`);
      continue;
    }
    fileOf.set(result.study.id, file);
    studies.set(result.study.id, result.study);
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid study files:\n${problems.join('\n')}`);
  }
  return studies;
}

type ParseResult = { ok: true; study: Study } | { ok: false; problems: string[] };

function parseStudy(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`invalid JSON: ${(error as Error).message}`] };
  }
  const result = studyFile.safeParse(json);
  return result.success
    ? { ok: true, study: result.data }
    : { ok: false, problems: formatIssues(result.error) };
}

/** Relative to the working directory when inside it: shorter, and what the user typed. */
function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
