import type { UploadTiming } from './upload-timing';

/**
 * Exponential backoff with full jitter between half and the whole step, capped: many
 * volunteers coming back online at once do not all knock at the same moment.
 */
export function backoffMs(attempts: number, timing: UploadTiming, random = Math.random): number {
  const step = Math.min(timing.backoffCapMs, timing.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
