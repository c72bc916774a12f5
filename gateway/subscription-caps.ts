import { randomUUID } from 'node:crypto';
import type { Logger } from '../kit/log.js';
import type { RedisClient } from '../kit/redis.js';

/**
 * How many subscriptions one user holds at once, over all their connections and streams.
 *
 * Without Redis the count is this process's own. With Redis it covers every gateway replica: each
 * open subscription is a lease, a member of the user's sorted set `subs:user:<id>` scored by when
 * it expires. A lease lives LEASE_SECONDS and the process holding it renews it every
 * RENEW_SECONDS, so the places of a replica that crashed come back within LEASE_SECONDS; a clean
 * end removes the lease at once. Taking a place is one Lua script (drop expired leases, count,
 * add), so two replicas cannot both take the last place. When Redis cannot be reached the
 * process falls back to its own count for that subscription, rather than refusing everyone.
 */
export interface SubscriptionCaps {
  /** Takes a place for the user: the function that gives it back (once), or null at the cap. */
  acquire(userId: string): Promise<(() => void) | null>;
  /** Places this process holds now, by user (tests and metrics). */
  held(userId: string): number;
  close(): void;
}

/** The sorted set of a user's leases, under the deployment's REDIS_PREFIX. */
export function leaseSetKey(prefix: string, userId: string): string {
  return `${prefix}subs:user:${userId}`;
}

export const LEASE_SECONDS = 30;
export const RENEW_SECONDS = 10;

const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[5])
return 1
`;

export function subscriptionCaps(options: {
  perUser: number;
  redis?: RedisClient | null;
  /** REDIS_PREFIX, so test stacks sharing one Redis do not count each other's users. */
  prefix?: string;
  log: Logger;
  /** LEASE_SECONDS and RENEW_SECONDS by default (tests shorten them). */
  leaseSeconds?: number;
  renewSeconds?: number;
}): SubscriptionCaps {
  const leaseSeconds = options.leaseSeconds ?? LEASE_SECONDS;
  const renewSeconds = options.renewSeconds ?? RENEW_SECONDS;
  const local = new Map<string, number>();
  /** Leases held in Redis by this process: member -> key. */
  const leases = new Map<string, string>();
  const { redis, log } = options;
  const prefix = options.prefix ?? '';

  const take = (userId: string) => local.set(userId, (local.get(userId) ?? 0) + 1);
  const give = (userId: string) => {
    const left = (local.get(userId) ?? 1) - 1;
    if (left > 0) local.set(userId, left);
    else local.delete(userId);
  };
  const once = (fn: () => void) => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      fn();
    };
  };

  const renewal = redis
    ? setInterval(() => {
        if (leases.size === 0) return;
        const expires = Date.now() + leaseSeconds * 1000;
        const pipeline = redis.pipeline();
        for (const [member, key] of leases) {
          pipeline.zadd(key, 'XX', expires, member);
          pipeline.expire(key, leaseSeconds);
        }
        pipeline.exec().catch((error) => log.warn({ err: error }, 'subscription leases not renewed'));
      }, renewSeconds * 1000)
    : null;
  renewal?.unref();

  return {
    held: (userId) => local.get(userId) ?? 0,
    async acquire(userId) {
      if (!redis) {
        if ((local.get(userId) ?? 0) >= options.perUser) return null;
        take(userId);
        return once(() => give(userId));
      }
      const key = leaseSetKey(prefix, userId);
      const member = randomUUID();
      const now = Date.now();
      let admitted: boolean;
      try {
        const result = await redis.eval(
          ACQUIRE,
          1,
          key,
          now,
          now + leaseSeconds * 1000,
          member,
          options.perUser,
          leaseSeconds,
        );
        admitted = result === 1;
      } catch (error) {
        log.warn({ err: error }, 'subscription caps unavailable in redis; counting in this process');
        if ((local.get(userId) ?? 0) >= options.perUser) return null;
        take(userId);
        return once(() => give(userId));
      }
      if (!admitted) return null;
      take(userId);
      leases.set(member, key);
      return once(() => {
        give(userId);
        leases.delete(member);
        redis.zrem(key, member).catch((error) => log.warn({ err: error }, 'subscription lease not released'));
      });
    },
    close() {
      if (renewal) clearInterval(renewal);
    },
  };
}
