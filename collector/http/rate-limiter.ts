import { MAX_RATE_LIMIT_KEYS, type RateLimit } from '../common/limits';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token buckets in this process's memory, one per key. Several collector processes
 * behind a load balancer each keep their own, so a client may get up to N times the
 * limit across N processes: enough to stop floods, not an exact quota.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(
    readonly limit: RateLimit,
    private readonly maxKeys = MAX_RATE_LIMIT_KEYS,
  ) {
    this.#perMs = limit.requests / (limit.seconds * 1000);
  }

  /** Seconds until `key` may make a request (0: now), without using anything up. */
  wait(key: string, nowMs: number): number {
    const tokens = this.#tokens(key, nowMs);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.#perMs / 1000));
  }

  /** Counts one request of `key`; call after `wait` said 0. */
  take(key: string, nowMs: number): void {
    const tokens = this.#tokens(key, nowMs) - 1;
    // Re-inserted so the Map's order is least recently used first, for eviction.
    this.#buckets.delete(key);
    this.#buckets.set(key, { tokens, updatedMs: nowMs });
    if (this.#buckets.size > this.maxKeys) this.#evict(nowMs);
  }

  #tokens(key: string, nowMs: number): number {
    const bucket = this.#buckets.get(key);
    if (!bucket) return this.limit.requests;
    const refilled = bucket.tokens + (nowMs - bucket.updatedMs) * this.#perMs;
    return Math.min(this.limit.requests, refilled);
  }

  /** A full bucket is as good as none; past that, the least recently used go first. */
  #evict(nowMs: number): void {
    for (const key of this.#buckets.keys()) {
      if (this.#tokens(key, nowMs) >= this.limit.requests) this.#buckets.delete(key);
    }
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= this.maxKeys * 0.9) break;
      this.#buckets.delete(key);
    }
  }
}
