import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack, type TestUser } from '../testkit/stack.js';
import { hireAndShare, heartRateSample, RECORD_HEALTH_METRICS } from '../testkit/coaching.js';
import { makeTrainer } from '../testkit/training.js';

const SESSIONS = `subscription($userId: ID) {
  workoutSessionUpdated(userId: $userId) { id status user { id username } }
}`;
const START = `mutation { startWorkoutSession(input: {}) { id } }`;
const COMPLETE = `mutation($id: ID!) {
  completeWorkoutSession(id: $id, input: { intensityLevel: HIGH }) { id status }
}`;
const ABANDON = `mutation($id: ID!) { abandonWorkoutSession(id: $id) { id } }`;

let stack: TestStack;
let stopped = false;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  if (!stopped) await stack?.stop();
});

async function startSession(user: TestUser): Promise<string> {
  const started = await stack.gql(START, {}, { token: user.token });
  expect(started.errors).toBeUndefined();
  return started.data.startWorkoutSession.id;
}

/** Events are published by the outbox relay; flushing sends them now. */
async function mutate(query: string, variables: Record<string, unknown>, user: TestUser) {
  const result = await stack.gql(query, variables, { token: user.token });
  expect(result.errors).toBeUndefined();
  await stack.flushEvents();
  return result;
}

describe('workoutSessionUpdated through the gateway', () => {
  it('delivers a completed session with fields from training and identity, to its owner only', async () => {
    const athlete = await stack.signUp();
    const other = await stack.signUp();
    const sessionId = await startSession(athlete);
    await stack.flushEvents();

    const mine = stack.subscriptions({ token: athlete.token });
    const theirs = stack.subscriptions({ token: other.token });
    await Promise.all([mine.connected, theirs.connected]);
    const own = mine.subscribe(SESSIONS);
    const foreign = theirs.subscribe(SESSIONS);
    await stack.listening(2);

    await mutate(COMPLETE, { id: sessionId }, athlete);
    const [result] = await own.waitFor(1);
    expect(result!.errors).toBeUndefined();
    expect(result!.data.workoutSessionUpdated).toEqual({
      id: sessionId,
      status: 'COMPLETED',
      user: { id: athlete.id, username: athlete.username },
    });
    // Another user's subscription received nothing of it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(foreign.results).toEqual([]);

    // Started and abandoned sessions are events too.
    const second = await startSession(athlete);
    await stack.flushEvents();
    await mutate(ABANDON, { id: second }, athlete);
    const all = await own.waitFor(3);
    expect(all.slice(1).map((r) => r.data.workoutSessionUpdated.status)).toEqual([
      'IN_PROGRESS',
      'ABANDONED',
    ]);
    expect(foreign.results).toEqual([]);
    await Promise.all([mine.close(), theirs.close()]);
  });

  it("refuses another user's sessions to anyone but their active coach", async () => {
    const athlete = await stack.signUp();
    const stranger = await stack.signUp();
    const client = stack.subscriptions({ token: stranger.token });
    await client.connected;
    const refused = client.subscribe(SESSIONS, { userId: athlete.id });
    const [result] = await refused.waitFor(1);
    expect(result!.errors?.[0]).toMatchObject({
      path: ['workoutSessionUpdated'],
      extensions: { code: 'FORBIDDEN', serviceName: 'training' },
    });
    expect(result!.data).toBeNull();
    await client.close();
  });

  it('delivers to the active coach, and stops at once when coaching ends', async () => {
    const trainer = await makeTrainer(stack);
    const athlete = await stack.signUp();
    const hired = await stack.gql(
      `mutation($trainerId: ID!) { hireTrainer(trainerId: $trainerId) { id } }`,
      { trainerId: trainer.trainerId },
      { token: athlete.token },
    );
    expect(hired.errors).toBeUndefined();
    const relationshipId = hired.data.hireTrainer.id;

    const coach = stack.subscriptions({ token: trainer.token });
    await coach.connected;
    const following = coach.subscribe(SESSIONS, { userId: athlete.id });
    await stack.listening(1);

    const first = await startSession(athlete);
    await stack.flushEvents();
    const [event] = await following.waitFor(1);
    expect(event!.errors).toBeUndefined();
    expect(event!.data.workoutSessionUpdated).toMatchObject({ id: first, status: 'IN_PROGRESS' });

    await mutate(`mutation($id: ID!) { endCoaching(id: $id) { id } }`, { id: relationshipId }, athlete);
    await mutate(COMPLETE, { id: first }, athlete);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(following.results).toHaveLength(1);
    await coach.close();
  });
});

describe('healthMetricsRecorded through the gateway', () => {
  const RECORDED = `subscription($userId: ID) {
    healthMetricsRecorded(userId: $userId) { accepted from to user { id username } }
  }`;

  it('delivers new samples to the owner and the active coach, and stops for a former coach', async () => {
    const trainer = await makeTrainer(stack);
    const athlete = await stack.signUp();
    const relationshipId = await hireAndShare(stack, trainer, athlete);

    const own = stack.subscriptions({ token: athlete.token });
    const coach = stack.subscriptions({ token: trainer.token });
    await Promise.all([own.connected, coach.connected]);
    const mine = own.subscribe(RECORDED);
    const following = coach.subscribe(RECORDED, { userId: athlete.id });
    await stack.listening(2);

    await mutate(RECORD_HEALTH_METRICS, { input: [heartRateSample(10), heartRateSample(5)] }, athlete);
    const [event] = await mine.waitFor(1);
    expect(event!.errors).toBeUndefined();
    expect(event!.data.healthMetricsRecorded).toMatchObject({
      accepted: 2,
      user: { id: athlete.id, username: athlete.username },
    });
    const [coached] = await following.waitFor(1);
    expect(coached!.data.healthMetricsRecorded.accepted).toBe(2);

    await mutate(`mutation($id: ID!) { endCoaching(id: $id) { id } }`, { id: relationshipId }, athlete);
    await mutate(RECORD_HEALTH_METRICS, { input: [heartRateSample(1)] }, athlete);
    await mine.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(following.results).toHaveLength(1);
    await Promise.all([own.close(), coach.close()]);
  });
});

describe('mySubscriptionUpdated through the gateway', () => {
  it("delivers the viewer's own subscription changes with the plan, and nobody else's", async () => {
    const admin = await stack.makeAdmin(await stack.signUp());
    const plan = await stack.gql(
      `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { id } }`,
      {
        input: {
          name: 'Live plan',
          priceCents: 1000,
          currency: 'USD',
          billingPeriod: 'MONTHLY',
          trialPeriodDays: 0,
          features: ['premium_content'],
        },
      },
      { token: admin.token },
    );
    expect(plan.errors).toBeUndefined();
    const planId = plan.data.createSubscriptionPlan.id;
    const payer = await stack.signUp();
    const other = await stack.signUp();
    const mine = stack.subscriptions({ token: payer.token });
    const theirs = stack.subscriptions({ token: other.token });
    await Promise.all([mine.connected, theirs.connected]);
    const query = `subscription { mySubscriptionUpdated { id status plan { id } user { username } } }`;
    const own = mine.subscribe(query);
    const foreign = theirs.subscribe(query);
    await stack.listening(2);

    await mutate(
      `mutation($planId: ID!) {
        subscribe(planId: $planId, paymentMethod: { gateway: TEST, token: "test_success" }) { __typename }
      }`,
      { planId },
      payer,
    );
    const results = await own.waitFor(1);
    expect(results[0]!.errors).toBeUndefined();
    expect(results[0]!.data.mySubscriptionUpdated).toMatchObject({
      plan: { id: planId },
      user: { username: payer.username },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(foreign.results).toEqual([]);
    await Promise.all([mine.close(), theirs.close()]);
  });
});

describe('subscription connections', () => {
  it('refuses an anonymous connection and an invalid token with 4401', async () => {
    const anonymous = stack.subscriptions();
    expect((await anonymous.closed).code).toBe(4401);
    const invalid = stack.subscriptions({ token: 'not-a-session-token-at-all-0123456789' });
    const closed = await invalid.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/^SESSION_ENDED/);
    const malformed = stack.subscriptions({ connectionParams: { authorization: 'Bearer ???' } });
    expect((await malformed.closed).reason).toMatch(/^INVALID_TOKEN/);
  });

  it('closes the connection with 4401 within seconds of sign-out', async () => {
    const user = await stack.signUp();
    const client = stack.subscriptions({ token: user.token });
    await client.connected;
    client.subscribe(SESSIONS);
    const signedOut = await stack.gql('mutation { signOut }', {}, { token: user.token });
    expect(signedOut.errors).toBeUndefined();
    const started = Date.now();
    const closed = await client.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/^SESSION_ENDED/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("closes another session's connection on a password change, and every one on account deletion", async () => {
    const user = await stack.signUp();
    const signedIn = await stack.gql(
      'mutation($input: SignInInput!) { signIn(input: $input) { ... on AuthSuccess { token } } }',
      { input: { login: user.email, password: user.password } },
    );
    const otherToken = signedIn.data.signIn.token as string;
    const current = stack.subscriptions({ token: user.token });
    const other = stack.subscriptions({ token: otherToken });
    await Promise.all([current.connected, other.connected]);
    const changed = await stack.gql(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }',
      { input: { currentPassword: user.password, newPassword: 'another-long-passphrase-42' } },
      { token: user.token },
    );
    expect(changed.data.changePassword.__typename).toBe('PasswordChanged');
    expect((await other.closed).code).toBe(4401);

    const deleted = await stack.gql(
      'mutation($p: String!) { deleteMyAccount(password: $p) { __typename } }',
      { p: 'another-long-passphrase-42' },
      { token: user.token },
    );
    expect(deleted.errors).toBeUndefined();
    const started = Date.now();
    expect((await current.closed).code).toBe(4401);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('caps the subscriptions of one connection', async () => {
    const user = await stack.signUp();
    const client = stack.subscriptions({ token: user.token });
    await client.connected;
    const open = Array.from({ length: 20 }, () => client.subscribe(SESSIONS));
    const refused = client.subscribe(SESSIONS);
    const [result] = await refused.waitFor(1);
    expect(result!.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'SUBSCRIPTION_LIMIT',
    });
    expect(open.every((subscription) => subscription.results.length === 0)).toBe(true);
    await client.close();
  });

  it('refuses a subscription sent over HTTP, and a query sent over WebSocket', async () => {
    const user = await stack.signUp();
    const http = await stack.gql(SESSIONS, {}, { token: user.token });
    expect(http.status).toBe(400);
    expect(http.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const client = stack.subscriptions({ token: user.token });
    await client.connected;
    const query = client.subscribe('query { me { id } }');
    const [result] = await query.waitFor(1);
    expect(result!.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const invalid = client.subscribe('subscription { nope }');
    const [validation] = await invalid.waitFor(1);
    expect(validation!.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await client.close();
  });
});

// Last: it stops the stack.
describe('shutdown', () => {
  it('closes every connection with 1012 so clients reconnect elsewhere', async () => {
    const user = await stack.signUp();
    const client = stack.subscriptions({ token: user.token });
    await client.connected;
    client.subscribe(SESSIONS);
    await stack.listening(1);
    stopped = true;
    await stack.stop();
    const closed = await client.closed;
    expect(closed.code).toBe(1012);
  });
});
