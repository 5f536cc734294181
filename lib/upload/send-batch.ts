import { apiError, isLoopbackHost } from '../schema';
import { gzip } from './gzip';
import { retryAfterMs } from './retry-after';
import type { UploadTiming } from './upload-timing';

export type SendOutcome =
  | { kind: 'stored' }
  /** 413: the batch is too large for the collector. */
  | { kind: 'too-large' }
  /** 400, 409, 422…: retrying the same batch cannot help; the reason is the collector's. */
  | { kind: 'rejected'; message: string }
  /** 401 or 403: the token is no longer accepted. */
  | { kind: 'unauthorized'; message: string }
  /** 429 or 503, or a key still in flight: wait as long as the collector asks. */
  | { kind: 'slow-down'; waitMs: number; message: string }
  /** The network, a timeout or a 5xx: try again later with the same key. */
  | { kind: 'transient'; message: string };

/**
 * One POST of one batch. The key names the batch's session, range and content, so a
 * retry after a lost answer is recognised by the collector and never stored twice.
 */
export async function sendBatch(
  request: { endpoint: string; token: string; body: string; keyPrefix: string },
  timing: UploadTiming,
  fetchImpl: typeof fetch = fetch,
): Promise<SendOutcome> {
  const url = new URL('/v1/uploads', request.endpoint);
  // Events never travel in the clear, except to a collector on this very machine.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return {
      kind: 'rejected',
      message: `${request.endpoint} is not an https: address, so nothing was sent`,
    };
  }
  const key = `${request.keyPrefix}:${await contentHash(request.body)}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${request.token}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'idempotency-key': key,
      },
      body: await gzip(request.body),
      signal: AbortSignal.timeout(timing.requestTimeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      kind: 'transient',
      message: timedOut
        ? `The collector at ${request.endpoint} did not answer within ${timing.requestTimeoutMs / 1000} s.`
        : `Could not reach the collector at ${request.endpoint}.`,
    };
  }
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'stored' };
  }
  const problem = apiError.safeParse(await response.json().catch(() => null));
  const message = `HTTP ${response.status}: ${problem.success ? problem.data.message : response.statusText || 'no reason given'}`;
  const code = problem.success ? problem.data.error : '';
  if (response.status === 413) return { kind: 'too-large' };
  if (response.status === 401 || response.status === 403) return { kind: 'unauthorized', message };
  if (response.status === 429 || response.status === 503 || code === 'idempotency_key_in_use') {
    return {
      kind: 'slow-down',
      waitMs: retryAfterMs(response.headers.get('retry-after'), timing),
      message,
    };
  }
  if (response.status >= 500) return { kind: 'transient', message };
  return { kind: 'rejected', message };
}

async function contentHash(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  return [...new Uint8Array(digest).slice(0, 8)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}
