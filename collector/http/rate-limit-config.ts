import { ConfigError } from '../common/config-error';
import { DEFAULT_IP_RATE_LIMIT, DEFAULT_TOKEN_RATE_LIMIT, type RateLimit } from '../common/limits';
import type { RateLimits } from './rate-limit';

export const RATE_LIMIT_TOKEN_ENV = 'TASKTRACE_RATE_LIMIT_TOKEN';
export const RATE_LIMIT_IP_ENV = 'TASKTRACE_RATE_LIMIT_IP';
export const TRUST_PROXY_ENV = 'TASKTRACE_TRUST_PROXY';

/** What a caller of startCollector may set; each falls back to the environment, then a default. */
export interface RateLimitOptions {
  /** null turns the limit off. */
  perToken?: RateLimit | null;
  perIp?: RateLimit | null;
  trustProxy?: boolean;
}

export function resolveRateLimits(
  options: RateLimitOptions,
  env: Record<string, string | undefined>,
): RateLimits {
  return {
    perToken: pick(options.perToken, env, RATE_LIMIT_TOKEN_ENV, DEFAULT_TOKEN_RATE_LIMIT),
    perIp: pick(options.perIp, env, RATE_LIMIT_IP_ENV, DEFAULT_IP_RATE_LIMIT),
    trustProxy: options.trustProxy ?? parseFlag(env[TRUST_PROXY_ENV], TRUST_PROXY_ENV),
  };
}

function pick(
  option: RateLimit | null | undefined,
  env: Record<string, string | undefined>,
  name: string,
  fallback: RateLimit,
): RateLimit | null {
  if (option !== undefined) return option === null ? null : checked(option, name);
  const value = env[name]?.trim();
  return value ? parseRateLimit(value, name) : fallback;
}

/** `600/60` is 600 requests per 60 seconds; `off` turns the limit off. */
export function parseRateLimit(value: string, name: string): RateLimit | null {
  if (value.toLowerCase() === 'off') return null;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match) {
    throw new ConfigError(
      `${name}="${value}" is not a rate limit: write REQUESTS/SECONDS, such as 600/60, or off.`,
    );
  }
  return checked({ requests: Number(match[1]), seconds: Number(match[2]) }, name);
}

function checked(limit: RateLimit, name: string): RateLimit {
  const ok = (n: number) => Number.isSafeInteger(n) && n > 0;
  if (!ok(limit.requests) || !ok(limit.seconds)) {
    throw new ConfigError(
      `The rate limit ${name} needs a whole number of requests and of seconds, both above 0 (or off).`,
    );
  }
  return limit;
}

function parseFlag(value: string | undefined, name: string): boolean {
  const text = value?.trim().toLowerCase() ?? '';
  if (['', '0', 'false', 'no'].includes(text)) return false;
  if (['1', 'true', 'yes'].includes(text)) return true;
  throw new ConfigError(`${name}="${value}" must be 1 or 0 (true or false).`);
}

/** For the start-up log: what is limited, and whether X-Forwarded-For is believed. */
export function describeRateLimits(limits: RateLimits): string {
  const show = (limit: RateLimit | null) =>
    limit ? `${limit.requests} per ${limit.seconds} s` : 'off';
  const source = limits.trustProxy
    ? 'the last X-Forwarded-For address'
    : 'the connection (X-Forwarded-For ignored)';
  return `rate limits: per token ${show(limits.perToken)}, per client address ${show(limits.perIp)}; address from ${source}`;
}
