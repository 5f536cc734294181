import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { EpisodeAction, EpisodeObservation } from '../../lib/schema';
import { migrateLine } from '../../lib/trace/migrate-line';
import { CliError } from '../export/cli-error';

/** What a replay or a conversion reads of an `episodes.jsonl` line. */
export type ReplayEpisode = {
  /** The episode's id (its `task`). */
  id: string;
  goal: string | null;
  actions: EpisodeAction[];
  observations: EpisodeObservation[];
};

/**
 * Parses the lines of an episodes file with the dataset's own schema (`episodeLine`);
 * lines of schema version 1 are brought to the current one first, as every reader of
 * the dataset does (lib/trace/migrate-line.ts). A bad line is a CliError naming it.
 */
export function parseEpisodes(text: string, file: string): ReplayEpisode[] {
  const episodes: ReplayEpisode[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const where = `${file}, line ${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new CliError(
        `${where}: not JSON (${(error as Error).message}). An episodes file has one JSON object a line, as \`npm run export -- --format episodes\` writes it.`,
      );
    }
    let parsed: ReturnType<typeof migrateLine>;
    try {
      parsed = migrateLine(json);
    } catch (error) {
      const issue = (error as z.ZodError).issues?.[0];
      const at = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new CliError(
        `${where}: not an episode${at}: ${issue?.message ?? (error as Error).message}. Check that this is an episodes.jsonl from \`npm run export -- --format episodes\`.`,
      );
    }
    if ('event' in parsed) {
      throw new CliError(
        `${where}: an events.jsonl line, not an episode. Export the episodes with: npm run export -- --format episodes (it writes episodes.jsonl).`,
      );
    }
    episodes.push({
      id: parsed.task,
      goal: parsed.goal,
      actions: parsed.actions,
      observations: parsed.observations,
    });
  }
  return episodes;
}

/** Reads an episodes file; a missing, empty or malformed file is a CliError. */
export async function readEpisodes(file: string): Promise<ReplayEpisode[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `No episodes file at ${file}. Export one with: npm run export -- --collector URL --study ID --out DIR --format episodes (it writes DIR/episodes.jsonl).`
        : `Cannot read the episodes file ${file} (${code ?? (error as Error).message}).`,
    );
  }
  const episodes = parseEpisodes(text, file);
  if (episodes.length === 0) {
    throw new CliError(`${file} holds no episodes: nothing to do.`);
  }
  return episodes;
}
