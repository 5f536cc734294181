import type { EpisodeResult } from './replay-episode';

/**
 * An episode's result as the replay prints it: the `REPLAY` line, how its targets were
 * found, and for a failure, why.
 */
export function formatReplay(result: EpisodeResult): string {
  const lines = [
    `REPLAY ${result.id} ${result.ok ? 'ok' : 'fail'} ${result.finalPath ?? '-'} ${result.replayed}/${result.total}`,
    `  found by selector: ${result.bySelector}, by observation: ${result.byObservation}`,
  ];
  if (result.reason) lines.push(`  reason: ${result.reason}`);
  return `${lines.join('\n')}\n`;
}
