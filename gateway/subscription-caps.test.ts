import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../kit/log.js';
import { connectRedis } from '../kit/redis.js';
import { eventually } from '../testkit/stack.js';
import { subscriptionCaps } from './subscription-caps.js';

const log = createLogger({ level: 'silent' });
const redis = connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', false);
afterAll(() => redis.disconnect());

describe('subscription caps', () => {
  it('counts in this process without Redis', async () => {
    const caps = subscriptionCaps({ perUser: 2, log });
    const user = randomUUID();
    const first = await caps.acquire(user);
    const second = await caps.acquire(user);
    expect(first && second).toBeTruthy();
    expect(await caps.acquire(user)).toBeNull();
    first!();
    first!();
    expect(caps.held(user)).toBe(1);
    expect(await caps.acquire(user)).not.toBeNull();
    caps.close();
  });

  it('holds one cap per user over every gateway replica with Redis', async () => {
    const prefix = `test:${randomBytes(6).toString('hex')}:`;
    const one = subscriptionCaps({ perUser: 3, redis, prefix, log });
    const two = subscriptionCaps({ perUser: 3, redis, prefix, log });
    const user = randomUUID();
    const places = [await one.acquire(user), await two.acquire(user), await one.acquire(user)];
    expect(places.every(Boolean)).toBe(true);
    // The fourth place is refused on either replica, and another user is not affected.
    expect(await two.acquire(user)).toBeNull();
    expect(await one.acquire(user)).toBeNull();
    expect(await two.acquire(randomUUID())).not.toBeNull();
    // Released on one replica, the place is free on the other.
    places[0]!();
    await eventually(async () => expect(await two.acquire(user)).not.toBeNull());
    // Concurrent takers on both replicas cannot pass the cap together.
    const other = randomUUID();
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).acquire(other)));
    expect(burst.filter(Boolean)).toHaveLength(3);
    one.close();
    two.close();
  });

  it('gives back the places of a replica that stopped renewing them once their lease expires', async () => {
    const prefix = `test:${randomBytes(6).toString('hex')}:`;
    const crashed = subscriptionCaps({ perUser: 1, redis, prefix, log, leaseSeconds: 1, renewSeconds: 60 });
    const alive = subscriptionCaps({ perUser: 1, redis, prefix, log, leaseSeconds: 1, renewSeconds: 0.3 });
    const user = randomUUID();
    expect(await crashed.acquire(user)).not.toBeNull();
    crashed.close(); // never renews, never releases: as a process that died
    expect(await alive.acquire(user)).toBeNull();
    const taken = await eventually(async () => {
      const place = await alive.acquire(user);
      expect(place).not.toBeNull();
      return place;
    }, 5000);
    // A lease that is renewed outlives its lease time.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await crashed.acquire(user)).toBeNull();
    taken!();
    alive.close();
  });
});
