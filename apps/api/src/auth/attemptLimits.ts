/**
 * Failed login and signature attempts, counted per user name and per address
 * (rate-limiter-flexible; in Redis when REDIS_URL is set, so every instance shares them).
 * After `maxFailedAttempts` failures a user name is locked for `lockSeconds`; an address,
 * which many users may share behind a hospital proxy, after five times as many.
 */
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';

export interface AttemptLimitPolicy {
  maxFailedAttempts: number;
  lockSeconds: number;
  /** Prefix of the Redis keys. */
  keyPrefix: string;
}

/** `locked` with the seconds until another attempt is allowed. */
export type AttemptCheck = { locked: false } | { locked: true; retryAfterSeconds: number };

/** Failures an address may make per user-name limit. */
const ADDRESS_FACTOR = 5;

function createLimiter(
  name: string,
  points: number,
  policy: AttemptLimitPolicy,
  redis: Redis | null,
): RateLimiterAbstract {
  const lockSeconds = policy.lockSeconds;
  const options = {
    keyPrefix: `${policy.keyPrefix}:failed-${name}`,
    points,
    duration: lockSeconds,
    blockDuration: lockSeconds,
  };
  return redis === null
    ? new RateLimiterMemory(options)
    : new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: false });
}

export class AttemptLimits {
  private readonly users: RateLimiterAbstract;
  private readonly addresses: RateLimiterAbstract;

  constructor(policy: AttemptLimitPolicy, redis: Redis | null) {
    this.users = createLimiter('user', policy.maxFailedAttempts, policy, redis);
    this.addresses = createLimiter(
      'address',
      policy.maxFailedAttempts * ADDRESS_FACTOR,
      policy,
      redis,
    );
  }

  private pairsOf(username: string, remoteAddress: string): [RateLimiterAbstract, string][] {
    return [
      [this.users, username.toLowerCase()],
      [this.addresses, remoteAddress],
    ];
  }

  /** Whether the user name or the address is locked now. */
  async check(username: string, remoteAddress: string): Promise<AttemptCheck> {
    let retryAfterMs = 0;
    for (const [limiter, key] of this.pairsOf(username, remoteAddress)) {
      const state = await limiter.get(key);
      if (state !== null && state.remainingPoints <= 0) {
        retryAfterMs = Math.max(retryAfterMs, state.msBeforeNext);
      }
    }
    return retryAfterMs > 0
      ? { locked: true, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) }
      : { locked: false };
  }

  /** Counts one failure against the user name and the address. */
  async recordFailure(username: string, remoteAddress: string): Promise<void> {
    for (const [limiter, key] of this.pairsOf(username, remoteAddress)) {
      // consume() rejects once the points are used up; the lock is what we want then.
      await limiter.consume(key).catch(() => undefined);
    }
  }

  /** A success clears the user name's count (the address keeps its history). */
  async recordSuccess(username: string): Promise<void> {
    await this.users.delete(username.toLowerCase());
  }
}
