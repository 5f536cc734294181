import type { UploadTiming } from './upload-timing';

/**
 * How long a 429 or 503 asks us to wait: `Retry-After` as seconds or as an HTTP date,
 * the default when absent or unreadable, never less than a second nor more than the cap.
 */
export function retryAfterMs(
  header: string | null,
  timing: UploadTiming,
  now = Date.now(),
): number {
  let wait = timing.defaultRetryAfterMs;
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) wait = Number(value) * 1000;
  else if (value !== '' && !Number.isNaN(Date.parse(value))) wait = Date.parse(value) - now;
  return Math.min(timing.retryAfterCapMs, Math.max(1_000, wait));
}
