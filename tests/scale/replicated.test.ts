import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplicatedStack } from '../../stack/replicated-stack.js';
import { type ScaleStack, startScaleStack } from './scale-stack.js';
import { eventually, postGraphQL } from '../../testkit/stack.js';
import WebSocket from 'ws';

/**
 * Two gateways and two replicas of every subgraph, each its own process, behind HAProxy, on one
 * PostgreSQL database and one Redis (stack/replicated-stack.ts): what a deployment with more than
 * one of each must keep true. Needs DATABASE_URL and REDIS_URL (the test makes its own database on
 * that server and its own Redis namespace); `npm run test:scale`.
 */

let scale: ScaleStack | undefined;
let stack: ReplicatedStack;
let sql: postgres.Sql;

const PASSWORD = 'correct-horse-battery-staple';
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on AuthSuccess { token user { id } } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on AuthSuccess { token } } }`;

const gatewayUrls = () => stack.replicasOf('gateway').map((gateway) => `${gateway.url}/graphql`);

let clients = 0;
async function signUp(url: string, tag: string) {
  const input = { email: `${tag}@example.com`, username: tag, password: PASSWORD };
  // Each sign-up from a client address of its own, as real ones come from many places (sign-up is
  // limited per address); HAProxy appends its own hop after it.
  clients += 1;
  const forwardedFor = `198.18.${(clients >> 8) & 255}.${clients & 255}`;
  const result = await postGraphQL(
    url,
    { query: SIGN_UP, variables: { input } },
    { 'x-forwarded-for': forwardedFor },
  );
  return result.data?.signUp as { __typename: string; token?: string; user?: { id: string } } | undefined;
}

/** A graphql-ws subscriber at `url` (ws://…/graphql) as the holder of `token`: what it received. */
function subscriber(url: string, token: string, query: string) {
  const received: { id: string; status: string }[] = [];
  const errors: string[] = [];
  // A close event (code, reason), GraphQL errors, or anything else, readable in a failure.
  const readable = (error: unknown) => {
    const { code, reason } = (error ?? {}) as { code?: number; reason?: string };
    return code === undefined ? JSON.stringify(error) : `closed ${code} ${reason}`;
  };
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: (error) => void errors.push(readable(error)),
    connectionParams: { authorization: `Bearer ${token}` },
  });
  client.subscribe<{ workoutSessionUpdated: { id: string; status: string } }>(
    { query },
    {
      next: (result) => {
        if (result.data) received.push(result.data.workoutSessionUpdated);
        if (result.errors) errors.push(readable(result.errors));
      },
      error: (error) => void errors.push(readable(error)),
      complete: () => {},
    },
  );
  return { received, errors, close: () => client.dispose() };
}

beforeAll(async () => {
  scale = await startScaleStack({
    name: 'fitness_scale',
    basePort: 4700,
    // The test is the client in front of HAProxy: it names its address, HAProxy adds a hop.
    env: { TRUST_PROXY_HOPS: '2' },
  });
  ({ stack, sql } = scale);
}, 300_000);

afterAll(async () => {
  await scale?.stop();
}, 60_000);

describe('a replicated stack (two of every process behind HAProxy)', () => {
  it('answers through the load balancer and through each gateway', async () => {
    for (const url of [stack.gatewayUrl, ...gatewayUrls()]) {
      const plans = await postGraphQL(url, { query: '{ subscriptionPlans { nodes { name } } }' });
      expect(plans.errors, url).toBeUndefined();
    }
  });

  it('refuses a session signed out through one gateway at once on the other (shared viewer cache)', async () => {
    const [first, second] = gatewayUrls() as [string, string];
    const created = await signUp(first, `viewer_${randomBytes(3).toString('hex')}`);
    const bearer = { authorization: `Bearer ${created!.token}` };
    // Both gateways resolve and cache the viewer.
    for (const url of [first, second]) {
      expect((await postGraphQL(url, { query: '{ me { id } }' }, bearer)).data?.me?.id).toBe(
        created!.user!.id,
      );
    }
    const signedOut = await postGraphQL(first, { query: 'mutation { signOut }' }, bearer);
    expect(signedOut.data?.signOut).toBe(true);
    const after = await postGraphQL(second, { query: '{ me { id } }' }, bearer);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
  });

  it('counts password attempts across gateways and identity replicas: 10 wrong passwords, then none', async () => {
    const tag = `limits_${randomBytes(3).toString('hex')}`;
    await signUp(stack.gatewayUrl, tag);
    const urls = gatewayUrls();
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        postGraphQL(urls[i % urls.length]!, {
          query: SIGN_IN,
          variables: { input: { login: tag, password: `wrong-password-${i}` } },
        }),
      ),
    );
    const tally: Record<string, number> = {};
    for (const answer of answers) {
      const name = answer.data?.signIn?.__typename ?? answer.errors?.[0]?.extensions?.code ?? 'none';
      tally[name] = (tally[name] ?? 0) + 1;
    }
    expect(tally).toEqual({ InvalidCredentials: 10, TooManyAttempts: 14 });
  });

  it('runs an automatic persisted query registered on one gateway from the other (shared APQ cache)', async () => {
    const [first, second] = gatewayUrls() as [string, string];
    const query = `{ subscriptionPlans { nodes { id name } } __typename }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const registered = await postGraphQL(first, { query, extensions });
    expect(registered.errors).toBeUndefined();
    const byHash = await postGraphQL(second, { extensions });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual(registered.data);
  });

  it('runs a trusted document by its hash alone through either gateway', async () => {
    const manifest = JSON.parse(
      readFileSync(
        new URL('../../clients/typescript/src/generated/persisted-documents.json', import.meta.url),
        'utf8',
      ),
    ) as Record<string, string>;
    const [hash, document] = Object.entries(manifest).find(([, text]) =>
      text.includes('query SubscriptionPlans'),
    )!;
    for (const url of gatewayUrls()) {
      const answer = await postGraphQL(url, {
        extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } },
      });
      expect(answer.errors, document).toBeUndefined();
      expect(answer.data?.subscriptionPlans).toBeDefined();
    }
  });

  it('delivers a subscription event produced through one gateway to subscribers on both gateways and through HAProxy, once each', async () => {
    const [first, second] = gatewayUrls() as [string, string];
    const created = await signUp(stack.gatewayUrl, `live_${randomBytes(3).toString('hex')}`);
    const bearer = { authorization: `Bearer ${created!.token}` };
    const query = 'subscription { workoutSessionUpdated { id status } }';
    // Sockets to gateway A, gateway B and HAProxy's frontend (which passes the upgrade to either);
    // each gateway's upstream reaches a training replica through HAProxy's training frontend.
    const subscribers = { 'gateway A': first, 'gateway B': second, HAProxy: stack.gatewayUrl };
    const sockets = Object.entries(subscribers).map(([name, url]) => ({
      name,
      ...subscriber(url, created!.token!, query),
    }));
    const start = async (url: string) => {
      const answer = await postGraphQL(
        url,
        { query: 'mutation { startWorkoutSession(input: {}) { id } }' },
        bearer,
      );
      expect(answer.errors).toBeUndefined();
      return answer.data.startWorkoutSession.id as string;
    };
    const abandon = async (url: string, id: string) => {
      const answer = await postGraphQL(
        url,
        { query: 'mutation($id: ID!) { abandonWorkoutSession(id: $id) { id } }', variables: { id } },
        bearer,
      );
      expect(answer.errors).toBeUndefined();
    };
    try {
      // Until every subscriber listens upstream: a session started and abandoned now and then,
      // until each socket has seen one.
      await eventually(
        async () => {
          if (sockets.some((socket) => socket.received.length === 0)) {
            await abandon(first, await start(first));
            throw new Error(
              `not every subscriber receives yet: ${JSON.stringify(sockets.map((socket) => [socket.name, socket.received.length, socket.errors]))}`,
            );
          }
        },
        60_000,
        1000,
      );
      // Only this test's sessions: a late event of the probes above is not counted.
      const ours = new Set<string>();
      const seen = (index: number) =>
        sockets[index]!.received.filter((event) => ours.has(event.id)).map(
          (event) => `${event.id}:${event.status}`,
        );
      const expected: string[] = [];
      // The subscription reads the session row when it delivers: each change waits until every
      // subscriber has the one before, so each event carries the status it was written with.
      const everyoneHas = (event: string) => {
        expected.push(event);
        return eventually(() => {
          sockets.forEach((socket, index) => {
            expect(new Set(seen(index)), socket.name).toEqual(new Set(expected));
          });
        }, 30_000);
      };
      // Produced through the other gateway than each subscriber's, alternating, by whichever
      // training replica HAProxy picks; relayed by whichever relay claims the outbox row.
      const one = await start(second);
      ours.add(one);
      await everyoneHas(`${one}:IN_PROGRESS`);
      await abandon(first, one);
      await everyoneHas(`${one}:ABANDONED`);
      const two = await start(first);
      ours.add(two);
      await everyoneHas(`${two}:IN_PROGRESS`);
      await abandon(second, two);
      await everyoneHas(`${two}:ABANDONED`);
      // Time for a duplicate to arrive, were there one.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      sockets.forEach((socket, index) => {
        expect(seen(index).sort(), socket.name).toEqual([...expected].sort());
        expect(socket.errors, socket.name).toEqual([]);
      });
    } finally {
      await Promise.all(sockets.map((socket) => socket.close()));
    }
  }, 120_000);

  it('delivers every outbox event exactly once while relays and consumers run in every replica and one of each is killed', async () => {
    const prefix = `exactly_${randomBytes(3).toString('hex')}`;
    const users = 60;
    const created: string[] = [];
    const [identity0] = stack.replicasOf('identity');
    const [, analytics1] = stack.replicasOf('analytics');
    const signUps = Array.from({ length: users }, async (_, i) => {
      const tag = `${prefix}_${i}`;
      // A client retries what failed in transit; a retry after a committed sign-up finds the
      // account taken, which is the success it could not see.
      for (let attempt = 0; attempt < 10; attempt++) {
        const answer = await signUp(stack.gatewayUrl, tag).catch(() => undefined);
        if (answer?.__typename === 'AuthSuccess' || answer?.__typename === 'EmailTaken') {
          created.push(tag);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`${tag} could not sign up`);
    });
    // Crash an identity replica (its relay, mid-batch) and an analytics replica (its consumer,
    // mid-delivery) while the sign-ups are arriving.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Promise.all([stack.kill(identity0!), stack.kill(analytics1!)]);
    await Promise.all(signUps);
    await Promise.all([stack.restart(identity0!), stack.restart(analytics1!)]);
    expect(created).toHaveLength(users);

    // Every user's signup reaches analytics once: none lost with the dead relay or consumer,
    // none stored twice by the survivors' redelivery.
    let counts: { username: string; stored: number }[] = [];
    for (let waited = 0; waited < 60_000; waited += 500) {
      counts = await sql<{ username: string; stored: number }[]>`
        select u.username, count(e.id)::int as stored
        from identity.users u
        left join analytics.analytics_events e on e.user_id = u.id and e.event_type = 'signup'
        where u.username like ${`${prefix}_%`}
        group by u.username`;
      if (counts.length === users && counts.every((row) => row.stored >= 1)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(counts).toHaveLength(users);
    expect(counts.filter((row) => row.stored !== 1)).toEqual([]);
  }, 180_000);
});
