import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './bus.js';
import { RedisStreamEventBus } from './redis-bus.js';

const event = (type: string): DomainEvent => ({
  id: randomUUID(),
  type,
  source: 'test',
  occurredAt: new Date().toISOString(),
  payload: {},
});

async function until(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!process.env.REDIS_URL)('Redis stream bus recovery', () => {
  it('keeps delivering after Redis lost the stream and its consumer groups (a restart without data)', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    const stream = `test:${randomUUID()}:events`;
    const bus = new RedisStreamEventBus(redis, { stream });
    const seen: string[] = [];
    try {
      await bus.subscribe('recovery', async (e) => void seen.push(e.type));
      await bus.publish(event('before'));
      await until(() => seen.includes('before'));

      await redis.del(stream);
      await bus.publish(event('after'));
      await until(() => seen.includes('after'));
      expect(seen).toEqual(['before', 'after']);
    } finally {
      await bus.close();
      await redis.del(stream);
      redis.disconnect();
    }
  }, 20_000);
});

describe.skipIf(!process.env.REDIS_URL)('Redis stream bus takeover', () => {
  it('hands the entries of a consumer that died mid-delivery to another consumer of the group soon after they go idle', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    const stream = `test:${randomUUID()}:events`;
    const timing = { claimIdleMs: 300, claimEveryMs: 100 };
    const publisher = new RedisStreamEventBus(redis, { stream });
    const survivor = new RedisStreamEventBus(redis, { stream, ...timing });
    const handled: string[] = [];
    try {
      const published = Array.from({ length: 250 }, () => event('work'));
      for (const e of published) await publisher.publish(e);
      // A consumer of the group read every entry and died before acknowledging any: more than one
      // XAUTOCLAIM page waits for someone else.
      await redis.xgroup('CREATE', stream, 'takeover', '0');
      await redis.xreadgroup('GROUP', 'takeover', 'killed-consumer', 'COUNT', 1000, 'STREAMS', stream, '>');
      const pending = (await redis.xpending(stream, 'takeover')) as [number, ...unknown[]];
      expect(pending[0]).toBe(published.length);

      await survivor.subscribe('takeover', async (e) => void handled.push(e.id));
      await until(() => handled.length >= published.length, 15_000);
      expect(new Set(handled)).toEqual(new Set(published.map((e) => e.id)));
      const left = (await redis.xpending(stream, 'takeover')) as [number, ...unknown[]];
      expect(left[0]).toBe(0);
    } finally {
      await Promise.all([publisher.close(), survivor.close()]);
      await redis.del(stream);
      redis.disconnect();
    }
  }, 30_000);
});

describe.skipIf(!process.env.REDIS_URL)('Redis stream bus broadcast', () => {
  it('hands every listening process each event published after it started listening', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    const stream = `test:${randomUUID()}:events`;
    // Two buses stand for two replicas; both listen, and neither acknowledges anything.
    const replicas = [new RedisStreamEventBus(redis, { stream }), new RedisStreamEventBus(redis, { stream })];
    const seen: string[][] = [[], []];
    try {
      await replicas[0]!.publish(event('before'));
      const stops = await Promise.all(
        replicas.map((bus, index) => bus.listen(async (e) => void seen[index]!.push(e.type))),
      );
      await replicas[0]!.publish(event('first'));
      await replicas[1]!.publish(event('second'));
      await until(() => seen.every((types) => types.length === 2));
      expect(seen).toEqual([
        ['first', 'second'],
        ['first', 'second'],
      ]);
      stops[1]!();
      await replicas[0]!.publish(event('third'));
      await until(() => seen[0]!.length === 3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen[1]).toEqual(['first', 'second']);
    } finally {
      await Promise.all(replicas.map((bus) => bus.close()));
      await redis.del(stream);
      redis.disconnect();
    }
  }, 20_000);

  it('follows the stream with one reader however many listeners start at once', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    const stream = `test:${randomUUID()}:events`;
    const bus = new RedisStreamEventBus(redis, { stream });
    const seen: string[][] = Array.from({ length: 20 }, () => []);
    try {
      await Promise.all(seen.map((types) => bus.listen(async (e) => void types.push(e.type))));
      await bus.publish(event('only'));
      await until(() => seen.every((types) => types.length >= 1));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen.every((types) => types.length === 1)).toBe(true);
    } finally {
      await bus.close();
      await redis.del(stream);
      redis.disconnect();
    }
  }, 20_000);
});

describe.skipIf(!process.env.REDIS_URL)('Redis stream bus consumers', () => {
  const consumersOf = async (redis: Redis, stream: string, group: string) =>
    ((await redis.xinfo('CONSUMERS', stream, group)) as unknown[][]).map((fields) => ({
      name: String(fields[fields.indexOf('name') + 1]),
      pending: Number(fields[fields.indexOf('pending') + 1]),
    }));

  it('removes idle consumers with nothing pending, keeps those holding entries, and leaves the group on close', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    const stream = `test:${randomUUID()}:events`;
    // Entries are not claimed in this test (a minute of idle time first); consumers go after 200 ms.
    const bus = new RedisStreamEventBus(redis, {
      stream,
      claimIdleMs: 60_000,
      claimEveryMs: 100,
      forgetIdleMs: 200,
    });
    try {
      for (let i = 0; i < 3; i++) await bus.publish(event('work'));
      // Two processes that ran before: one acknowledged what it read, one died holding 3 entries.
      await redis.xgroup('CREATE', stream, 'sweep', '0');
      const read = async (consumer: string) =>
        (await redis.xreadgroup('GROUP', 'sweep', consumer, 'COUNT', 10, 'STREAMS', stream, '>')) as
          | [string, [string, string[]][]][]
          | null;
      await read('died-holding-entries');
      await bus.publish(event('work'));
      const acknowledged = await read('finished-its-work');
      for (const [id] of acknowledged?.[0]?.[1] ?? []) await redis.xack(stream, 'sweep', id);
      expect((await consumersOf(redis, stream, 'sweep')).map((c) => c.name).sort()).toEqual([
        'died-holding-entries',
        'finished-its-work',
      ]);

      const handled: string[] = [];
      await bus.subscribe('sweep', async (e) => void handled.push(e.id));
      const gone = async () =>
        !(await consumersOf(redis, stream, 'sweep')).some((c) => c.name === 'finished-its-work');
      const deadline = Date.now() + 10_000;
      while (!(await gone()) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await consumersOf(redis, stream, 'sweep')).toContainEqual({
        name: 'died-holding-entries',
        pending: 3,
      });
      expect(await gone()).toBe(true);

      // The running bus's consumer (made by its first delivery) stays while it runs.
      const next = event('work');
      await bus.publish(next);
      await until(() => handled.includes(next.id));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const running = await consumersOf(redis, stream, 'sweep');
      expect(running).toHaveLength(2);
      expect(running.find((c) => c.name !== 'died-holding-entries')?.pending).toBe(0);
      // Closing takes it out of the group: it holds nothing.
      await bus.close();
      expect(await consumersOf(redis, stream, 'sweep')).toEqual([
        { name: 'died-holding-entries', pending: 3 },
      ]);
    } finally {
      await bus.close();
      await redis.del(stream);
      redis.disconnect();
    }
  }, 30_000);
});
