import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../kit/db.js';
import { PrivateRedisCluster } from '../testkit/private-redis-cluster.js';
import { eventually, startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * REDIS_URL naming a Redis Cluster (REDIS_CLUSTER=on): three masters started for this file. The
 * sessions' viewer cache, the rate limits and the event bus run on it as on one server, and the
 * deployment's keys spread over the masters (no hash tag pins them to one slot).
 */
const available = existsSync('/usr/bin/redis-server');
const run = available || process.env.CI === 'true' ? describe : describe.skip;

run('Redis Cluster (REDIS_CLUSTER=on)', () => {
  let cluster: PrivateRedisCluster;
  let stack: TestStack;

  beforeAll(async () => {
    cluster = await PrivateRedisCluster.start(7301);
    stack = await startTestStack({ env: { REDIS_URL: cluster.url, REDIS_CLUSTER: 'on' } });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await cluster?.stop();
  });

  it('keeps sessions: the viewer is cached in the cluster and a sign-out ends it at once', async () => {
    const user = await stack.signUp();
    const me = await stack.gql('{ me { id } }', {}, { token: user.token });
    expect(me.data.me.id).toBe(user.id);
    const signedOut = await stack.gql('mutation { signOut }', {}, { token: user.token });
    expect(signedOut.data.signOut).toBe(true);
    const after = await stack.gql('{ me { id } }', {}, { token: user.token });
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.reason).toBe('SESSION_ENDED');
  });

  it('counts rate limits in the cluster: 10 wrong passwords, then none, even in parallel', async () => {
    const user = await stack.signUp();
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        stack.gql(`mutation($input: SignInInput!) { signIn(input: $input) { __typename } }`, {
          input: { login: user.username, password: `wrong-password-${i}` },
        }),
      ),
    );
    const tally: Record<string, number> = {};
    for (const answer of answers) {
      const name = answer.data?.signIn?.__typename ?? 'error';
      tally[name] = (tally[name] ?? 0) + 1;
    }
    expect(tally).toEqual({ InvalidCredentials: 10, TooManyAttempts: 5 });
  });

  it('carries events on the cluster: a sign-up reaches analytics through the stream', async () => {
    const user = await stack.signUp();
    await stack.flushEvents();
    const stored = await eventually(
      async () => {
        const [row] = await rows<{ count: number }>(
          stack.runtime.database.db,
          sql`select count(*)::int as count from analytics.analytics_events
            where user_id = ${user.id} and event_type = 'signup'`,
        );
        if (!row?.count) throw new Error('the signup has not reached analytics yet');
        return row.count;
      },
      20_000,
      200,
    );
    expect(stored).toBe(1);
  });

  it('spreads the keys over the masters', async () => {
    // Twelve sessions, each with its viewer cached under a key of its own: keys without a hash tag
    // land on one master all together with a chance of 3 in 3^12, while a shared hash tag would
    // put every one of them on the same master every time.
    const users = await Promise.all(Array.from({ length: 12 }, () => stack.signUp()));
    for (const user of users) {
      const me = await stack.gql('{ me { id } }', {}, { token: user.token });
      expect(me.data.me.id).toBe(user.id);
    }
    const perNode = await cluster.keysPerNode();
    expect(perNode.filter((count) => count > 0).length).toBeGreaterThanOrEqual(2);
  });
});
