import type { MiddlewareHandler } from 'hono';
import type { RateLimit } from '../common/limits';
import { hashToken } from '../common/tokens';
import { ApiFailure } from './api-failure';
import { bearerToken } from './bearer-token';
import { clientIp } from './client-ip';
import { RateLimiter } from './rate-limiter';

export interface RateLimits {
  /** Per bearer token (upload, annotator or researcher); null: no limit. */
  perToken: RateLimit | null;
  /** Per client address; null: no limit. */
  perIp: RateLimit | null;
  /** Take the client address from X-Forwarded-For (the collector is behind a proxy). */
  trustProxy: boolean;
}

/**
 * Refuses requests over either limit with 429 and Retry-After, before any other work:
 * no token lookup, no body read. A request counts against both buckets, and only when
 * both have room, so a refused request uses up nothing.
 */
export function rateLimit(limits: RateLimits, now = () => Date.now()): MiddlewareHandler {
  const perToken = limits.perToken && new RateLimiter(limits.perToken);
  const perIp = limits.perIp && new RateLimiter(limits.perIp);
  return async (c, next) => {
    const nowMs = now();
    const token = perToken && bearerToken(c.req.header('authorization'));
    // Kept by hash: the limiter's memory holds no usable token.
    const tokenKey = token ? hashToken(token) : undefined;
    const ipKey = perIp ? clientIp(c, limits.trustProxy) : undefined;

    if (perToken && tokenKey !== undefined) {
      const wait = perToken.wait(tokenKey, nowMs);
      if (wait > 0) throw tooMany('with this token', perToken.limit, wait);
    }
    if (perIp && ipKey !== undefined) {
      const wait = perIp.wait(ipKey, nowMs);
      if (wait > 0) throw tooMany('from this address', perIp.limit, wait);
    }
    if (perToken && tokenKey !== undefined) perToken.take(tokenKey, nowMs);
    if (perIp && ipKey !== undefined) perIp.take(ipKey, nowMs);
    await next();
  };
}

function tooMany(what: string, limit: RateLimit, wait: number): ApiFailure {
  return new ApiFailure(
    429,
    'rate_limited',
    `Too many requests ${what}: at most ${limit.requests} every ${limit.seconds} seconds. Nothing was done; wait ${wait} second${wait === 1 ? '' : 's'} (Retry-After) and send it again.`,
  ).withHeaders({ 'Retry-After': String(wait) });
}
