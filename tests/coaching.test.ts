import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxRelay } from '../kit/events/outbox.js';
import { IDENTITY_HEADER, signIdentity } from '../kit/identity-header.js';
import { type FakeStripe, startFakeStripe } from '../testkit/payment-providers.js';
import { eventually, postGraphQL, startTestStack, type TestStack, type TestUser } from '../testkit/stack.js';
import { gqlAs, signUpTrainer, type TestTrainer } from '../testkit/trainer.js';
import { adminOf } from '../testkit/training.js';

/**
 * The trainer's dashboard through the gateway: for each client, data from four subgraphs
 * (identity's username, health's series and latest heart rate, billing's plan, training's habits
 * and sessions), reached through the coaching relationship. Every per-client field is batched by
 * user, so a page of many clients costs the same SQL statements as a page of two.
 */
const DASHBOARD = `query Dashboard($first: Int!, $from: DateTime!, $to: DateTime!) {
  me {
    trainer {
      clients(first: $first) {
        nodes {
          id
          user { id username }
          healthSeries(metricType: STEPS, from: $from, to: $to, bucket: DAY) { start count sum }
          latestHealthMetrics(metricTypes: [HEART_RATE]) { metricType value recordedAt }
          activePlan { name }
          habits { nodes { name currentStreak } }
          workoutSessions(first: 5) { nodes { id status startedAt } }
        }
        pageInfo { hasNextPage }
      }
    }
  }
}`;

const DAY = 86_400_000;
const CLIENTS = 12;

let stack: TestStack;
let fakeStripe: FakeStripe;
let trainer: TestTrainer;
let planId: string;
const clients: TestUser[] = [];
let now: Date;

async function ok(result: Promise<{ data?: any; errors?: unknown[] }>) {
  const response = await result;
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

/** A client with a month of steps, a heart rate, a plan, a habit with a 3-day streak and a session. */
async function makeClient(index: number, coach: TestTrainer = trainer): Promise<TestUser> {
  const client = await stack.signUp();
  const as = { token: client.token };
  const samples = Array.from({ length: 30 }, (_, d) => ({
    metricType: 'STEPS',
    value: 1000 + index * 100 + d,
    unit: 'count',
    recordedAt: new Date(now.getTime() - d * DAY - 60_000).toISOString(),
  }));
  samples.push({
    metricType: 'HEART_RATE',
    value: 60 + index,
    unit: 'bpm',
    recordedAt: new Date(now.getTime() - 120_000).toISOString(),
  });
  const recorded = await ok(
    stack.gql(
      'mutation($i: [HealthMetricInput!]!) { recordHealthMetrics(input: $i) { accepted } }',
      { i: samples },
      as,
    ),
  );
  expect(recorded.recordHealthMetrics.accepted).toBe(31);
  const habit = await ok(
    stack.gql('mutation { createHabit(input: { name: "Walk", frequencyPerWeek: 7 }) { id } }', {}, as),
  );
  for (const d of [0, 1, 2]) {
    await ok(
      stack.gql(
        'mutation($i: LogHabitInput!) { logHabit(input: $i) { id } }',
        {
          i: {
            habitId: habit.createHabit.id,
            date: new Date(now.getTime() - d * DAY).toISOString().slice(0, 10),
          },
        },
        as,
      ),
    );
  }
  await ok(stack.gql('mutation { startWorkoutSession(input: {}) { id } }', {}, as));
  const subscribed = await ok(
    stack.gql(
      `mutation($p: ID!, $pm: PaymentMethodInput!) { subscribe(planId: $p, paymentMethod: $pm) { __typename } }`,
      { p: planId, pm: { gateway: 'STRIPE', token: 'pm_card_visa' } },
      as,
    ),
  );
  expect(subscribed.subscribe.__typename).toBe('SubscriptionStarted');
  await ok(stack.gql('mutation($t: ID!) { hireTrainer(trainerId: $t) { id } }', { t: coach.trainerId }, as));
  return client;
}

beforeAll(async () => {
  fakeStripe = await startFakeStripe();
  stack = await startTestStack({
    env: {
      STRIPE_SECRET_KEY: 'sk_test_coaching',
      STRIPE_WEBHOOK_SECRET: 'whsec_coaching',
      STRIPE_API_URL: fakeStripe.url,
    },
  });
  now = stack.clock.now();
  const admin = await adminOf(stack);
  const plan = await ok(
    stack.gql(
      'mutation($i: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $i) { id } }',
      { i: { name: 'Coached', priceCents: 2900, currency: 'USD', billingPeriod: 'MONTHLY' } },
      { token: admin.token },
    ),
  );
  planId = plan.createSubscriptionPlan.id;
  trainer = await signUpTrainer(stack);
  for (let i = 0; i < CLIENTS; i += 4) {
    clients.push(...(await Promise.all([0, 1, 2, 3].map((j) => makeClient(i + j)))));
  }
  await stack.flushEvents();
  // Health and billing serve the trainer once the hires reached them (at once on the in-process bus).
  await eventually(async () => {
    const result = await gqlAs(stack, trainer, DASHBOARD, variables(CLIENTS));
    expect(result.errors).toBeUndefined();
  });
}, 240_000);
afterAll(async () => {
  await stack?.stop();
  await fakeStripe?.close();
});

const variables = (first: number) => ({
  first,
  from: new Date(now.getTime() - 30 * DAY).toISOString(),
  to: new Date(now.getTime() + 60_000).toISOString(),
});

async function dashboard(first: number) {
  const result = await gqlAs(stack, trainer, DASHBOARD, variables(first));
  expect(result.errors).toBeUndefined();
  return result.data.me.trainer.clients;
}

describe('the trainer dashboard', () => {
  it("shows every client's data from identity, health, billing and training", async () => {
    const page = await dashboard(CLIENTS);
    expect(page.nodes).toHaveLength(CLIENTS);
    expect(page.pageInfo.hasNextPage).toBe(false);
    const byUser = new Map(clients.map((client, index) => [client.id, { client, index }]));
    for (const node of page.nodes) {
      const { client, index } = byUser.get(node.user.id)!;
      expect(node.user.username).toBe(client.username);
      expect(node.healthSeries).toHaveLength(30);
      expect(node.healthSeries.every((p: { count: number }) => p.count === 1)).toBe(true);
      expect(node.healthSeries.reduce((sum: number, p: { sum: number }) => sum + p.sum, 0)).toBe(
        30 * (1000 + index * 100) + (29 * 30) / 2,
      );
      expect(node.latestHealthMetrics).toEqual([
        { metricType: 'HEART_RATE', value: 60 + index, recordedAt: expect.any(String) },
      ]);
      expect(node.activePlan).toEqual({ name: 'Coached' });
      expect(node.habits.nodes).toEqual([{ name: 'Walk', currentStreak: 3 }]);
      expect(node.workoutSessions.nodes).toEqual([
        { id: expect.any(String), status: 'IN_PROGRESS', startedAt: expect.any(String) },
      ]);
    }
  });

  it('costs the same SQL statements for 2 clients as for 12', async () => {
    await dashboard(1); // warms the trainer's viewer cache
    const counts = await stack.quiet(async () => {
      const measure = async (first: number) => {
        const before = stack.statements();
        const page = await dashboard(first);
        expect(page.nodes).toHaveLength(first);
        return stack.statements() - before;
      };
      return { small: await measure(2), large: await measure(CLIENTS) };
    });
    console.info(`trainer dashboard statements: 2 clients -> ${counts.small}, ${CLIENTS} -> ${counts.large}`);
    expect(counts.large).toBe(counts.small);
    // 15: identity 2, training 6 and health 4 (one of those in each, the clients' time zones:
    // streaks and series follow each client's calendar), and billing 3; health and billing each
    // check the page's relationships in their own copy of them (BENCHMARKS.md, trainerDashboard).
    expect(counts.large).toBeLessThanOrEqual(15);
  });
});

describe('a trainer with 100 clients', () => {
  it('costs the same SQL statements for a page of 10 clients as for a page of 100', async () => {
    // Clients who only hired the trainer: every per-client field still runs (and finds nothing),
    // which is what the count is about; the full data is checked above with 12.
    const busy = await signUpTrainer(stack);
    for (let i = 0; i < 100; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const client = await stack.signUp();
          await ok(
            stack.gql(
              'mutation($t: ID!) { hireTrainer(trainerId: $t) { id } }',
              { t: busy.trainerId },
              { token: client.token },
            ),
          );
        }),
      );
    }
    await stack.flushEvents();
    const page = async (first: number) => {
      const result = await gqlAs(stack, busy, DASHBOARD, variables(first));
      expect(result.errors).toBeUndefined();
      return result.data.me.trainer.clients.nodes as unknown[];
    };
    await eventually(async () => expect(await page(100)).toHaveLength(100));
    const counts = await stack.quiet(async () => {
      const measure = async (first: number) => {
        const before = stack.statements();
        expect(await page(first)).toHaveLength(first);
        return stack.statements() - before;
      };
      return { ten: await measure(10), hundred: await measure(100) };
    });
    console.info(`trainer dashboard statements: 10 clients -> ${counts.ten}, 100 -> ${counts.hundred}`);
    expect(counts.hundred).toBe(counts.ten);
  }, 240_000);
});

describe('the client', () => {
  it('sees their coaches, and their GDPR export holds them and is complete', async () => {
    const [client] = clients as [TestUser];
    const coaches = await stack.gql(
      'query { me { coaches { nodes { id trainer { id } latestHealthMetrics(metricTypes: [HEART_RATE]) { value } activePlan { name } habits { nodes { name } } } } } }',
      {},
      { token: client.token },
    );
    expect(coaches.errors).toBeUndefined();
    expect(coaches.data.me.coaches.nodes).toEqual([
      {
        id: expect.any(String),
        trainer: { id: trainer.trainerId },
        latestHealthMetrics: [{ value: expect.any(Number) }],
        activePlan: { name: 'Coached' },
        habits: { nodes: [{ name: 'Walk' }] },
      },
    ]);
    const exported = await stack.gql('{ exportMyData }', {}, { token: client.token });
    expect(exported.errors).toBeUndefined();
    expect(exported.data.exportMyData.incomplete).toEqual([]);
    expect(exported.data.exportMyData.user.coaches.nodes).toEqual([
      expect.objectContaining({
        id: coaches.data.me.coaches.nodes[0].id,
        trainer: expect.objectContaining({ id: trainer.trainerId }),
      }),
    ]);
  });
});

/**
 * Health and billing check the relationship in their own copy of it, which training's coaching
 * events keep current: a hire or an end reaches them one outbox relay pass after it commits
 * (SECURITY.md, "Coaching"). Until then a new coach gets FORBIDDEN, never an error; afterwards a
 * former coach gets nothing, even with a valid signed identity and a representation naming
 * themself.
 */
describe('health and billing follow the relationship through coaching events', () => {
  const trainingRelay = () =>
    stack.subgraphs.training.background.find((task): task is OutboxRelay => task instanceof OutboxRelay)!;

  /** health's and billing's TrainerClient fields for `client`, asked directly as `coach` with a signed identity. */
  async function directly(coach: TestTrainer, client: TestUser) {
    const { from, to } = variables(1);
    const fields = {
      health: `latestHealthMetrics(metricTypes: [HEART_RATE]) { value } healthSeries(metricType: STEPS, from: "${from}", to: "${to}", bucket: DAY) { sum }`,
      billing: 'activePlan { name }',
    };
    const header = signIdentity(
      {
        viewer: { userId: coach.id, sessionId: 'd'.repeat(64), roles: ['USER'], trainerId: coach.trainerId },
        service: null,
        ip: null,
      },
      stack.runtime.identitySecret,
    );
    const answers: Record<
      string,
      { status: number; entity: any; errors: { code: string | undefined; path: string }[] }
    > = {};
    for (const [name, selection] of Object.entries(fields)) {
      const result = await postGraphQL(
        stack.subgraphUrls[name as 'health' | 'billing'],
        {
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on TrainerClient { ${selection} } } }`,
          variables: { r: [{ __typename: 'TrainerClient', trainerId: coach.trainerId, userId: client.id }] },
        },
        { [IDENTITY_HEADER]: header },
      );
      answers[name] = {
        status: result.status,
        entity: result.data?._entities?.[0] ?? null,
        errors: (result.errors ?? []).map((e: any) => ({
          code: e.extensions?.code,
          path: (e.path ?? []).join('.'),
        })),
      };
    }
    return answers;
  }

  /** Each of the client's fields is denied on its own: null, and one FORBIDDEN error at its path. */
  const refused = (answers: Awaited<ReturnType<typeof directly>>) => {
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.status, name).toBe(200);
      const fields = Object.keys(answer.entity ?? {});
      expect(fields.length, name).toBeGreaterThan(0);
      for (const field of fields) expect(answer.entity[field], `${name}.${field}`).toBeNull();
      expect(
        answer.errors.toSorted((a, b) => a.path.localeCompare(b.path)),
        name,
      ).toEqual(fields.toSorted().map((field) => ({ code: 'FORBIDDEN', path: `_entities.0.${field}` })));
    }
  };
  const served = (answers: Awaited<ReturnType<typeof directly>>) => {
    expect(answers.health?.entity?.latestHealthMetrics).toHaveLength(1);
    expect(answers.health?.entity?.healthSeries).toHaveLength(30);
    expect(answers.billing?.entity?.activePlan).toEqual({ name: 'Coached' });
  };

  async function coachesOf(client: TestUser): Promise<{ id: string }[]> {
    const result = await stack.gql('{ me { coaches { nodes { id } } } }', {}, { token: client.token });
    expect(result.errors).toBeUndefined();
    return result.data.me.coaches.nodes;
  }

  it('a new coach gets FORBIDDEN, not an error, until the hire reaches health and billing; then the data', async () => {
    const coach = await signUpTrainer(stack);
    const relay = trainingRelay();
    await relay.stop();
    let client!: TestUser;
    try {
      client = await makeClient(CLIENTS + 1, coach);
      // Training knows at once; health and billing have not heard of the hire yet.
      const early = await gqlAs(stack, coach, DASHBOARD, variables(10));
      expect(early.status).toBe(200);
      expect(early.data.me.trainer.clients.nodes).toEqual([
        expect.objectContaining({
          user: { id: client.id, username: client.username },
          habits: { nodes: [{ name: 'Walk', currentStreak: 3 }] },
          healthSeries: null,
          latestHealthMetrics: null,
          activePlan: null,
        }),
      ]);
      expect(new Set(early.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
      refused(await directly(coach, client));
      await stack.flushEvents();
    } finally {
      await relay.start();
    }
    // On the in-process bus flushEvents has delivered everything; with Redis delivery follows.
    await eventually(async () => served(await directly(coach, client)));
    const later = await gqlAs(stack, coach, DASHBOARD, variables(10));
    expect(later.errors).toBeUndefined();
    expect(later.data.me.trainer.clients.nodes[0].activePlan).toEqual({ name: 'Coached' });
  });

  it('a former coach reads nothing once endCoaching is relayed (flushEvents)', async () => {
    const coach = await signUpTrainer(stack);
    const client = await makeClient(CLIENTS + 2, coach);
    await stack.flushEvents();
    await eventually(async () => served(await directly(coach, client)));
    const [relationship] = await coachesOf(client);
    const ended = await stack.gql(
      'mutation($id: ID!) { endCoaching(id: $id) { endedAt } }',
      { id: relationship!.id },
      { token: client.token },
    );
    expect(ended.errors).toBeUndefined();
    await stack.flushEvents();
    await eventually(async () => refused(await directly(coach, client)));
  });

  it('with the relays running on their own, an end reaches health and billing within a few relay intervals', async () => {
    const coach = await signUpTrainer(stack);
    const client = await makeClient(CLIENTS + 3, coach);
    await eventually(async () => served(await directly(coach, client)));
    const [relationship] = await coachesOf(client);
    const ended = await gqlAs(stack, coach, 'mutation($id: ID!) { endCoaching(id: $id) { endedAt } }', {
      id: relationship!.id,
    });
    expect(ended.errors).toBeUndefined();
    const start = Date.now();
    await eventually(async () => refused(await directly(coach, client)), 5_000, 25);
    const lag = Date.now() - start;
    console.info(`coaching end reached health and billing after ${lag} ms (relay interval 500 ms)`);
    // 500 ms relay interval plus delivery; the margin is for a loaded test machine.
    expect(lag).toBeLessThan(5_000);
  });
});
