import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSubscriptions } from '../kit/subscriptions.js';
import {
  eventually,
  startTestStack,
  type TestStack,
  type TestStream,
  type TestSubscription,
  type TestUser,
} from '../testkit/stack.js';
import { makeTrainer } from '../testkit/training.js';
import { heartRateSample, RECORD_HEALTH_METRICS, hireAndShare } from '../testkit/coaching.js';

/**
 * Many subscriptions at once: entity fetches of events that arrive together batched into one
 * subgraph request per viewer, subgraph streams woken only for their user's events, one session
 * re-check per session, and the upstream given up when its subgraph stays down (both
 * transports alike).
 */
const RECORDED = `subscription LiveFanout($userId: ID) {
  healthMetricsRecorded(userId: $userId) { accepted user { id username email } }
}`;

let stack: TestStack;
let stopped = false;

beforeAll(async () => {
  stack = await startTestStack({
    // One quick reconnect only, so the give-up path is reached in a test's time.
    gateway: { subscriptionLimits: { resumeAttempts: 1, resumeWaitMs: 50 } },
  });
});
afterAll(async () => {
  if (!stopped) await stack?.stop();
});

async function record(user: TestUser, minutesAgo = 5) {
  const result = await stack.gql(
    RECORD_HEALTH_METRICS,
    { input: [heartRateSample(minutesAgo)] },
    { token: user.token },
  );
  expect(result.errors).toBeUndefined();
  await stack.flushEvents();
}

/** `_entities` requests the identity subgraph answered for this file's subscription operation. */
async function identityEntityRequests(): Promise<number> {
  const { values } = await stack.subgraphs.identity.metrics.operations.get();
  return values
    .filter(
      (value) =>
        String(value.metricName).endsWith('_count') &&
        String(value.labels.operation).startsWith('LiveFanout__identity'),
    )
    .reduce((sum, value) => sum + value.value, 0);
}

describe('entity fetches of events that arrive together', () => {
  it("go to the subgraph as one request per viewer, each subscriber's result with its own rights", async () => {
    const trainer = await makeTrainer(stack);
    const athlete = await stack.signUp();
    await hireAndShare(stack, trainer, athlete);

    // The athlete follows their own samples five times over, on two connections and two
    // streams; the coach follows them once.
    const before = liveSubscriptions(stack.runtime.bus).subscribers;
    const first = stack.subscriptions({ token: athlete.token });
    const second = stack.subscriptions({ token: athlete.token });
    const coach = stack.subscriptions({ token: trainer.token });
    await Promise.all([first.connected, second.connected, coach.connected]);
    const own: (TestSubscription | TestStream)[] = [
      first.subscribe(RECORDED),
      first.subscribe(RECORDED),
      second.subscribe(RECORDED),
      stack.stream(RECORDED, {}, { token: athlete.token }),
      stack.stream(RECORDED, {}, { token: athlete.token }),
    ];
    const coached = coach.subscribe(RECORDED, { userId: athlete.id });
    await stack.listening(before + 6);

    const requestsBefore = await identityEntityRequests();
    await record(athlete);
    const results = await Promise.all([...own, coached].map((subscription) => subscription.waitFor(1)));
    // Five deliveries to the athlete, one request; the coach's runs as the coach, apart.
    expect((await identityEntityRequests()) - requestsBefore).toBe(2);

    for (const [result] of results.slice(0, 5)) {
      expect(result!.errors).toBeUndefined();
      expect(result!.data.healthMetricsRecorded).toEqual({
        accepted: 1,
        user: { id: athlete.id, username: athlete.username, email: athlete.email },
      });
    }
    // The coach sees the athlete's name, not their private email: identity authorized the coach.
    const [coachResult] = results[5]!;
    expect(coachResult!.data.healthMetricsRecorded.user).toEqual({
      id: athlete.id,
      username: athlete.username,
      email: null,
    });
    expect(coachResult!.errors).toEqual([
      expect.objectContaining({
        path: ['healthMetricsRecorded', 'user', 'email'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);

    await Promise.all([first.close(), second.close(), coach.close()]);
    for (const subscription of own) if ('close' in subscription) subscription.close();
    await stack.listening(before);
  });
});

describe('subgraph subscription streams', () => {
  it("wake only for their user's events: another user's subscriptions are not evaluated", async () => {
    const ana = await stack.signUp();
    const ben = await stack.signUp();
    const before = liveSubscriptions(stack.runtime.bus).subscribers;
    const anas = stack.subscriptions({ token: ana.token });
    const bens = stack.subscriptions({ token: ben.token });
    await Promise.all([anas.connected, bens.connected]);
    const anaFollows = anas.subscribe(RECORDED);
    const benFollows = Array.from({ length: 5 }, () => bens.subscribe(RECORDED));
    await stack.listening(before + 6);

    const woken = liveSubscriptions(stack.runtime.bus).woken;
    await record(ana);
    await anaFollows.waitFor(1);
    // Ana's one subscription was handed the event; Ben's five never saw it.
    expect(liveSubscriptions(stack.runtime.bus).woken - woken).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(benFollows.every((subscription) => subscription.results.length === 0)).toBe(true);

    await record(ben);
    await Promise.all(benFollows.map((subscription) => subscription.waitFor(1)));
    expect(liveSubscriptions(stack.runtime.bus).woken - woken).toBe(6);
    expect(anaFollows.results).toHaveLength(1);
    await Promise.all([anas.close(), bens.close()]);
    await stack.listening(before);
  });
});

describe('one session with many subscriptions', () => {
  it('is checked once per interval, and sign-out still closes every connection and stream within 5 s', async () => {
    const user = await stack.signUp();
    const connections = Array.from({ length: 3 }, () => stack.subscriptions({ token: user.token }));
    await Promise.all(connections.map((connection) => connection.connected));
    for (const connection of connections) {
      connection.subscribe(RECORDED);
      connection.subscribe(RECORDED);
    }
    const streams = [
      stack.stream(RECORDED, {}, { token: user.token }),
      stack.stream(RECORDED, {}, { token: user.token }),
    ];
    for (const stream of streams) expect((await stream.response).status).toBe(200);

    const signedOut = await stack.gql('mutation { signOut }', {}, { token: user.token });
    expect(signedOut.errors).toBeUndefined();
    const started = Date.now();
    const closed = await Promise.all(connections.map((connection) => connection.closed));
    const ended = await Promise.all(streams.map((stream) => stream.ended));
    expect(Date.now() - started).toBeLessThan(5000);
    for (const close of closed) {
      expect(close.code).toBe(4401);
      expect(close.reason).toMatch(/^SESSION_ENDED/);
    }
    for (const last of ended)
      expect(last).toMatchObject({
        payload: null,
        errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } }],
      });
  });
});

// Last: it stops the health subgraph for longer than the gateway waits for it.
describe('an owning subgraph that stays down', () => {
  it('ends the subscription on both transports with SERVICE_UNAVAILABLE, reason UPSTREAM_UNAVAILABLE', async () => {
    const athlete = await stack.signUp();
    const before = liveSubscriptions(stack.runtime.bus).subscribers;
    const client = stack.subscriptions({ token: athlete.token });
    await client.connected;
    const overSocket = client.subscribe(RECORDED);
    const overHttp = stack.stream(RECORDED, {}, { token: athlete.token });
    await stack.listening(before + 2);

    await stack.stopSubgraph('health');
    try {
      const [socketResult] = await overSocket.waitFor(1);
      const [httpResult] = await overHttp.waitFor(1);
      for (const result of [socketResult!, httpResult!]) {
        expect(result.data).toBeNull();
        expect(result.errors).toEqual([
          expect.objectContaining({
            message: expect.stringMatching(/subscribe again/),
            extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'UPSTREAM_UNAVAILABLE' },
          }),
        ]);
      }
      // The operation is over: graphql-ws completes it, the HTTP stream ends with its boundary.
      await eventually(() => expect(overSocket.ended).toBe(true));
      await overHttp.ended;
    } finally {
      await stack.startSubgraph('health');
    }
    await client.close();
    stopped = true;
    await stack.stop();
  });
});
