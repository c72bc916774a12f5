import { Cluster, Redis } from 'ioredis';

/**
 * A Redis server or a Redis Cluster: every use in the platform touches one key per command (a
 * cache entry, a rate-limit counter in one MULTI, the event stream and its consumer groups), so
 * the same code runs on both and no key needs a hash tag to share a slot with another.
 */
export type RedisClient = Redis | Cluster;

/**
 * Connects to REDIS_URL; with REDIS_CLUSTER=on the URL names one node of a cluster (any will do:
 * the client learns the others and follows slots as they move).
 */
export function connectRedis(url: string, cluster: boolean): RedisClient {
  if (!cluster) {
    return new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }
  const seed = new URL(url);
  return new Cluster([{ host: seed.hostname, port: Number(seed.port || 6379) }], {
    enableOfflineQueue: true,
    redisOptions: {
      maxRetriesPerRequest: 2,
      ...(seed.password ? { password: decodeURIComponent(seed.password) } : {}),
      ...(seed.username ? { username: decodeURIComponent(seed.username) } : {}),
    },
  });
}
