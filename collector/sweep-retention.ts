import type { StudyFile } from '../lib/schema';
import { errorFields, type Logger } from './common/log';
import type { Store } from './db/store';

/** How often a running collector deletes what outlived its study's retention. */
export const RETENTION_SWEEP_MS = 60 * 60 * 1000;

/**
 * Deletes, study by study, the sessions uploaded longer ago than the study's
 * `retentionDays`: the consent screen promised that, so the collector keeps it without an
 * operator's help. A failure is logged and retried at the next sweep.
 */
export async function sweepRetention(
  store: Store,
  studies: Iterable<StudyFile>,
  log: Logger,
): Promise<void> {
  for (const study of studies) {
    try {
      const receipt = await store.deleteExpiredSessions(study.id, study.retentionDays);
      if (receipt.sessions > 0) {
        log('info', 'retention: deleted expired sessions', {
          study: study.id,
          retentionDays: study.retentionDays,
          sessions: receipt.sessions,
          events: receipt.events,
        });
      }
    } catch (error) {
      log('error', 'retention sweep failed', { study: study.id, ...errorFields(error) });
    }
  }
}

/** Sweeps now and then every `everyMs`; the returned function stops it. */
export function scheduleRetention(
  run: () => Promise<void>,
  everyMs = RETENTION_SWEEP_MS,
): () => Promise<void> {
  let current = run();
  const timer = setInterval(() => {
    current = current.then(run);
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}
