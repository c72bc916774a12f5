import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { leaseSetKey } from '../../gateway/subscription-caps.js';
import type { ReplicatedStack } from '../../stack/replicated-stack.js';
import { eventually, postGraphQL } from '../../testkit/stack.js';
import { type ScaleStack, startScaleStack } from './scale-stack.js';

/**
 * The per-user subscription cap (50, gateway/subscription-caps.ts) held across two gateway
 * processes that share Redis: places taken on one count on the other, over WebSocket and HTTP
 * streams alike, and a place given back on one is free on the other. `npm run test:scale`.
 */

let scale: ScaleStack | undefined;
let stack: ReplicatedStack;

const PER_USER = 50;
const PER_CONNECTION = 20;
const QUERY = 'subscription { workoutSessionUpdated { id status } }';
/** This stack's Redis namespace, so the test can read the leases the gateways write. */
const REDIS_PREFIX = `subcaps:${randomBytes(4).toString('hex')}:`;

beforeAll(async () => {
  scale = await startScaleStack({
    name: 'fitness_subcaps',
    basePort: 5300,
    env: { TRUST_PROXY_HOPS: '2', REDIS_PREFIX },
  });
  ({ stack } = scale);
}, 300_000);

afterAll(async () => {
  await scale?.stop();
}, 60_000);

/** A graphql-ws connection to one gateway: each subscribe's first result (a refusal) if any. */
function connection(url: string, token: string) {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    connectionParams: { authorization: `Bearer ${token}` },
  });
  const refusals: unknown[] = [];
  return {
    refusals,
    subscribe() {
      const errors: unknown[] = [];
      const stop = client.subscribe(
        { query: QUERY },
        {
          next: (result) => void (result.errors && errors.push(...result.errors)),
          error: (error) => {
            errors.push(...(Array.isArray(error) ? error : [error]));
            refusals.push(...(Array.isArray(error) ? error : [error]));
          },
          complete: () => {},
        },
      );
      return { errors, stop };
    },
    close: () => client.dispose(),
  };
}

/** Opens a multipart HTTP subscription at one gateway: its status, and how to end it. */
async function stream(url: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'multipart/mixed;subscriptionSpec="1.0", application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query: QUERY }),
    signal: controller.signal,
  });
  const refused =
    response.status === 200
      ? null
      : ((await response.json()) as { errors: { extensions: Record<string, unknown> }[] });
  return {
    status: response.status,
    refused,
    close: () => controller.abort(),
  };
}

describe('the per-user subscription cap across two gateway processes sharing Redis', () => {
  it('counts places taken on either gateway, and frees a place on one for the other', async () => {
    const [first, second] = stack.replicasOf('gateway').map((gateway) => `${gateway.url}/graphql`) as [
      string,
      string,
    ];
    const tag = `caps_${randomBytes(3).toString('hex')}`;
    const signedUp = await postGraphQL(
      first,
      {
        query: `mutation($input: SignUpInput!) { signUp(input: $input) { ... on AuthSuccess { token user { id } } } }`,
        variables: {
          input: { email: `${tag}@example.com`, username: tag, password: 'correct-horse-battery-staple' },
        },
      },
      { 'x-forwarded-for': `198.18.200.${randomBytes(1)[0]! % 250}` },
    );
    const token = signedUp.data?.signUp?.token as string;
    const userId = signedUp.data?.signUp?.user?.id as string;
    expect(token).toBeTruthy();

    // 25 places on each gateway: two connections each (20 + 4) and one HTTP stream each.
    const connections = [first, first, second, second].map((url) => connection(url, token));
    const held = connections.flatMap((client, index) =>
      Array.from({ length: index % 2 === 0 ? PER_CONNECTION : 4 }, () => client.subscribe()),
    );
    const streams = [await stream(first, token), await stream(second, token)];
    expect(streams.map((s) => s.status)).toEqual([200, 200]);
    // graphql-ws does not acknowledge a subscribe: wait until every place is a lease in Redis, so
    // a probe cannot take the place of a subscription still on its way (and make it the refused one).
    const redis = new Redis(process.env.REDIS_URL as string);
    try {
      await eventually(async () => {
        expect(held.flatMap((subscription) => subscription.errors)).toEqual([]);
        expect(await redis.zcard(leaseSetKey(REDIS_PREFIX, userId))).toBe(PER_USER);
      }, 20_000);
    } finally {
      redis.disconnect();
    }
    await eventually(async () => {
      // A held subscription that failed gave its place back: name its error rather than the probe's.
      expect(held.flatMap((subscription) => subscription.errors)).toEqual([]);
      // Every place is taken: the 51st is refused on both gateways.
      for (const url of [first, second]) {
        const probe = await stream(url, token);
        probe.close();
        expect(probe.status).toBe(400);
        expect(probe.refused?.errors[0]?.extensions).toMatchObject({
          code: 'BAD_REQUEST',
          reason: 'SUBSCRIPTION_LIMIT',
        });
      }
    }, 20_000);
    expect(held.length + streams.length).toBe(PER_USER);
    expect(held.every((subscription) => subscription.errors.length === 0)).toBe(true);

    // Over WebSocket too, on the gateway that holds fewer of the user's places than the cap.
    const extra = connection(second, token);
    const refused = extra.subscribe();
    await eventually(() => expect(refused.errors).toHaveLength(1), 10_000);
    expect(refused.errors[0]).toMatchObject({ extensions: { reason: 'SUBSCRIPTION_LIMIT' } });

    // A place given back on the first gateway is free on the second.
    streams[0]!.close();
    await eventually(async () => {
      const again = await stream(second, token);
      again.close();
      expect(again.status).toBe(200);
    }, 20_000);

    streams[1]!.close();
    for (const client of [...connections, extra]) await client.close();
  });
});
