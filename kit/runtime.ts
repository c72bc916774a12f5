import { systemClock, type Clock } from './clock.js';
import { SecretBox } from './crypto.js';
import { createDatabase, type Database } from './db.js';
import type { Env } from './env.js';
import type { EventBus } from './events/bus.js';
import { MemoryEventBus } from './events/memory-bus.js';
import { RedisStreamEventBus } from './events/redis-bus.js';
import { FallbackKeyValueStore, type KeyValueStore, MemoryKeyValueStore, RedisKeyValueStore } from './kv.js';
import { createLogger, type Logger } from './log.js';
import { connectRedis, type RedisClient } from './redis.js';
import type { SubgraphDeps } from './subgraph.js';

/** The shared parts of one process: database, Redis (or its in-process stand-ins), logger, clock. */
export interface Runtime extends SubgraphDeps {
  redis: RedisClient | null;
  close(): Promise<void>;
}

export async function createRuntime(
  env: Env,
  overrides: { database?: Database; clock?: Clock; log?: Logger; withDatabase?: boolean } = {},
): Promise<Runtime> {
  const log = overrides.log ?? createLogger({ level: env.LOG_LEVEL });
  const database =
    overrides.database ??
    (overrides.withDatabase === false
      ? noDatabase()
      : env.DATABASE_URL
        ? await createDatabase({
            url: env.DATABASE_URL,
            replicaUrl: env.DATABASE_REPLICA_URL,
            poolMax: env.DATABASE_POOL_MAX,
          })
        : await createDatabase({ dataDir: env.PGLITE_DIR }));

  let redis: RedisClient | null = null;
  let kv: KeyValueStore = new MemoryKeyValueStore();
  let bus: EventBus;
  const busErrors = (error: unknown, event: { id: string; type: string } | null, group: string) =>
    log.warn(
      { err: error, eventId: event?.id, eventType: event?.type, group },
      'event handler failed; will retry',
    );
  if (env.REDIS_URL) {
    redis = connectRedis(env.REDIS_URL, env.REDIS_CLUSTER === 'on');
    redis.on('error', (error) => log.warn({ err: error }, 'redis error'));
    kv = new FallbackKeyValueStore(new RedisKeyValueStore(redis, env.REDIS_PREFIX), kv, (error) =>
      log.warn({ err: error }, 'redis unavailable; using in-process cache'),
    );
    bus = new RedisStreamEventBus(redis, { stream: `${env.REDIS_PREFIX}events`, onError: busErrors });
  } else {
    bus = new MemoryEventBus(busErrors);
  }

  return {
    database,
    bus,
    kv,
    log,
    redis,
    clock: overrides.clock ?? systemClock,
    secretBox: new SecretBox(env.ENCRYPTION_KEYS),
    identitySecret: env.IDENTITY_HEADER_SECRET,
    production: env.NODE_ENV === 'production',
    env,
    gatewayUrl: env.GATEWAY_INTERNAL_URL,
    async close() {
      await bus.close();
      redis?.disconnect();
      if (!overrides.database) await database.close();
    },
  };
}

/** For processes that own no tables (the gateway): any use is a programming error. */
function noDatabase(): Database {
  const fail = () => {
    throw new Error('this process has no database');
  };
  return {
    kind: 'postgres',
    get db(): never {
      return fail();
    },
    get replica(): never {
      return fail();
    },
    stats: { statements: 0, replicaStatements: 0 },
    exec: async () => fail(),
    ping: async () => true,
    close: async () => {},
  };
}
