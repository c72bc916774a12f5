import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * `extensions.field` of BAD_USER_INPUT is a path from the operation's arguments, whether a
 * variable did not fit its type (the gateway) or a rule of the domain refused the value (a
 * subgraph), so a form can show each message next to its input.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { __typename } }';
const valid = {
  email: 'paths@example.com',
  username: 'paths_user',
  password: 'correct-horse-battery-staple',
};
const fieldOf = (result: { errors?: { extensions?: { code?: string; field?: string } }[] }) => {
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return result.errors?.[0]?.extensions?.field;
};

describe('variables that do not fit their types', () => {
  it('name the input field at fault', async () => {
    expect(fieldOf(await stack.gql(SIGN_UP, { input: { ...valid, email: 'not-an-email' } }))).toBe(
      'input.email',
    );
    const { password: _password, ...withoutPassword } = valid;
    expect(fieldOf(await stack.gql(SIGN_UP, { input: withoutPassword }))).toBe('input.password');
    expect(fieldOf(await stack.gql(SIGN_UP, { input: { ...valid, nickname: 'x' } }))).toBe('input.nickname');
    expect(fieldOf(await stack.gql(SIGN_UP, {}))).toBe('input');
  });

  it('reach into lists by index', async () => {
    const user = await stack.signUp();
    const result = await stack.gql(
      'mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { accepted } }',
      {
        input: [
          { metricType: 'STEPS', value: 10, unit: 'count', recordedAt: new Date().toISOString() },
          { metricType: 'NOT_A_TYPE', value: 10, unit: 'count', recordedAt: new Date().toISOString() },
        ],
      },
      { token: user.token },
    );
    expect(fieldOf(result)).toBe('input.1.metricType');
  });
});

describe('values a domain rule refuses', () => {
  it('name the argument path, not the bare field', async () => {
    expect(fieldOf(await stack.gql(SIGN_UP, { input: { ...valid, username: 'a' } }))).toBe('input.username');
    const user = await stack.signUp();
    const profile = await stack.gql(
      'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      { input: { dateOfBirth: '2999-01-01' } },
      { token: user.token },
    );
    expect(fieldOf(profile)).toBe('input.dateOfBirth');
  });

  it('keep a path that already starts at an argument', async () => {
    const user = await stack.signUp();
    const series = await stack.gql(
      `{ me { healthSeries(metricType: STEPS, days: { from: "2026-11-05", to: "2026-11-01" }, bucket: DAY) { count } } }`,
      {},
      { token: user.token },
    );
    expect(fieldOf(series)).toBe('days.to');
  });
});
describe('a change the state does not allow', () => {
  it('is CONFLICT with one shape in every subgraph: reason, from and to', async () => {
    const athlete = await stack.signUp();
    const started = await stack.gql(
      'mutation { startWorkoutSession(input: {}) { id } }',
      {},
      { token: athlete.token },
    );
    const id = started.data.startWorkoutSession.id;
    const abandon = 'mutation($id: ID!) { abandonWorkoutSession(id: $id) { id } }';
    await stack.gql(abandon, { id }, { token: athlete.token });
    const again = await stack.gql(abandon, { id }, { token: athlete.token });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'ABANDONED',
      to: 'ABANDONED',
    });

    const admin = await stack.makeAdmin(await stack.signUp());
    const plan = await stack.gql(
      'mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { id } }',
      { input: { name: 'Monthly', priceCents: 900, currency: 'USD', billingPeriod: 'MONTHLY' } },
      { token: admin.token },
    );
    const subscriber = await stack.signUp();
    const subscribed = await stack.gql(
      `mutation($plan: ID!) { subscribe(planId: $plan, paymentMethod: { gateway: TEST, token: "test_success" }) {
        ... on SubscriptionStarted { subscription { id } } } }`,
      { plan: plan.data.createSubscriptionPlan.id },
      { token: subscriber.token },
    );
    const subscriptionId = subscribed.data.subscribe.subscription.id;
    const cancel = 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }';
    expect(
      (await stack.gql(cancel, { id: subscriptionId }, { token: subscriber.token })).errors,
    ).toBeUndefined();
    const twice = await stack.gql(cancel, { id: subscriptionId }, { token: subscriber.token });
    expect(twice.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'CANCELED',
      to: 'CANCEL',
    });
  });
});

describe('RATE_LIMITED', () => {
  it('always says when to retry', async () => {
    const user = await stack.signUp();
    const TRACK = 'mutation($events: [AnalyticsEventInput!]!) { trackEvents(events: $events) { accepted } }';
    let limited: { extensions?: Record<string, unknown> } | undefined;
    // A signed-in client may send 120 batches a minute (subgraphs/analytics/ingest.ts).
    for (let attempt = 0; attempt < 130 && !limited; attempt++) {
      const result = await stack.gql(
        TRACK,
        { events: [{ clientEventId: randomUUID(), eventType: 'screen_view', source: 'WEB' }] },
        { token: user.token },
      );
      limited = result.errors?.find((error) => error.extensions?.code === 'RATE_LIMITED');
    }
    expect(limited, 'no RATE_LIMITED error within 130 batches').toBeDefined();
    expect(limited?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });
});
