import {
  buildASTSchema,
  type DocumentNode,
  type GraphQLSchema,
  getNamedType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
} from 'graphql';
import { gqlAs, signUpTrainer, type TestTrainer } from '../testkit/trainer.js';
import { type FakeStripe, startFakeStripe } from '../testkit/payment-providers.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, signIdentity, type Viewer } from '../kit/identity-header.js';
import { loadApiSchema, rootFields, selectionFor } from '../testkit/operations.js';
import { eventually, postGraphQL, startTestStack, type TestStack, type TestUser } from '../testkit/stack.js';

/**
 * User B must not read or change user A's data by any path. Everything here is discovered from
 * the schemas (the public API schema and each subgraph's own SDL), so a new subgraph's entities and
 * fields are covered when it is composed in:
 * - every public root field B can call with A's ids or username, selecting everything;
 * - `_entities` on every subgraph for every entity type it defines, with B's signed identity,
 *   with none, with one forged for A, and with an expired one for A;
 * - every mutation that takes an id, called by B with A's ids, leaves A's data as it was.
 */

/** Fields of a type anyone may read; every other field of a listed type is private. */
const PUBLIC_FIELDS: Record<string, ReadonlySet<string>> = {
  User: new Set(['id', 'username', 'firstName', 'lastName', 'createdAt']),
};

/** Catalog types anyone may browse (published by trainers and admins, not personal data). */
const PUBLIC_TYPES = new Set([
  'Trainer',
  'Exercise',
  'WorkoutPlan',
  'ContentItem',
  'Course',
  'Lesson',
  'SubscriptionPlan',
]);

/** Codes a refusal may carry. */
const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);

/**
 * Gives user A some personal data through the public API, so there is something to protect. Each
 * domain adds the rows it owns (a habit, a health metric, a subscription, ...).
 */
const seeders: ((stack: TestStack, owner: TestUser) => Promise<void>)[] = [
  async (stack, owner) => {
    const result = await stack.gql(
      'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }',
      { i: { dateOfBirth: '1990-05-17', gender: 'private-gender', countryCode: 'DE' } },
      { token: owner.token },
    );
    expect(result.errors).toBeUndefined();
  },
  // training: a habit with a log, a workout session.
  async (stack, owner) => {
    const habit = await stack.gql(
      'mutation($i: CreateHabitInput!) { createHabit(input: $i) { id } }',
      { i: { name: 'Private habit', frequencyPerWeek: 7 } },
      { token: owner.token },
    );
    expect(habit.errors).toBeUndefined();
    const today = new Date().toISOString().slice(0, 10);
    const log = await stack.gql(
      'mutation($i: LogHabitInput!) { logHabit(input: $i) { id } }',
      {
        i: {
          habitId: habit.data.createHabit.id,
          date: today,
          value: 1,
          completed: true,
          notes: 'private note',
        },
      },
      { token: owner.token },
    );
    expect(log.errors).toBeUndefined();
    const session = await stack.gql(
      'mutation { startWorkoutSession(input: {}) { id } }',
      {},
      { token: owner.token },
    );
    expect(session.errors).toBeUndefined();
  },
  // health: metrics, a goal, an integration.
  async (stack, owner) => {
    const recorded = await stack.gql(
      'mutation($i: [HealthMetricInput!]!) { recordHealthMetrics(input: $i) { accepted } }',
      {
        i: [
          {
            metricType: 'HEART_RATE',
            value: 61,
            unit: 'bpm',
            recordedAt: new Date(Date.now() - 60_000).toISOString(),
          },
        ],
      },
      { token: owner.token },
    );
    expect(recorded.data?.recordHealthMetrics.accepted).toBe(1);
    const goal = await stack.gql(
      'mutation($i: CreateHealthGoalInput!) { createHealthGoal(input: $i) { id } }',
      {
        i: {
          metricType: 'STEPS',
          targetValue: 10000,
          unit: 'count',
          startDate: new Date().toISOString().slice(0, 10),
        },
      },
      { token: owner.token },
    );
    expect(goal.errors).toBeUndefined();
    const integration = await stack.gql(
      'mutation($i: ConnectHealthIntegrationInput!) { connectHealthIntegration(input: $i) { id } }',
      { i: { provider: 'APPLE_HEALTH' } },
      { token: owner.token },
    );
    expect(integration.errors).toBeUndefined();
  },
  // billing: a paid subscription with its payment (through the real Stripe SDK and a local fake).
  async (stack, owner) => {
    const admin = await stack.makeAdmin(await stack.signUp());
    const plan = await stack.gql(
      'mutation($i: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $i) { id } }',
      {
        i: {
          name: 'Private plan',
          priceCents: 1000,
          currency: 'USD',
          billingPeriod: 'MONTHLY',
          features: ['coaching'],
        },
      },
      { token: admin.token },
    );
    expect(plan.errors).toBeUndefined();
    const subscribed = await stack.gql(
      `mutation($p: ID!, $pm: PaymentMethodInput!) {
        subscribe(planId: $p, paymentMethod: $pm) { __typename }
      }`,
      { p: plan.data.createSubscriptionPlan.id, pm: { gateway: 'STRIPE', token: 'pm_card_visa' } },
      { token: owner.token },
    );
    expect(subscribed.data?.subscribe.__typename).toBe('SubscriptionStarted');
  },
  // training: A hires a coach, sharing their habits, sessions, health summary and plan with them.
  async (stack, owner) => {
    coach = await signUpTrainer(stack);
    const hired = await stack.gql(
      'mutation($t: ID!) { hireTrainer(trainerId: $t) { id } }',
      { t: coach.trainerId },
      { token: owner.token },
    );
    expect(hired.errors).toBeUndefined();
    coaching = { id: hired.data.hireTrainer.id, trainerId: coach.trainerId, userId: owner.id };
  },
  // content: an enrollment in a trainer's free course.
  async (stack, owner) => {
    // A verified trainer whose cached viewer already carries the trainer id (the cache lags 30 s).
    const trainer = await signUpTrainer(stack);
    const course = await stack.gql(
      'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }',
      { i: { name: 'Open course', description: 'Free for all' } },
      { token: trainer.token },
    );
    expect(course.errors).toBeUndefined();
    const courseId = course.data.createCourse.id;
    await stack.gql(
      'mutation($c: ID!, $i: AddLessonInput!) { addLesson(courseId: $c, input: $i) { id } }',
      { c: courseId, i: { title: 'Lesson one' } },
      { token: trainer.token },
    );
    const published = await stack.gql(
      'mutation($id: ID!) { publishCourse(id: $id) { id } }',
      { id: courseId },
      { token: trainer.token },
    );
    expect(published.errors).toBeUndefined();
    const enrolled = await stack.gql(
      'mutation($c: ID!) { enrollInCourse(courseId: $c) { __typename } }',
      { c: courseId },
      { token: owner.token },
    );
    expect(enrolled.data?.enrollInCourse.__typename).toBe('Enrollment');
  },
];

const api = loadApiSchema();
let stack: TestStack;
/** A's coach and their relationship (the full TrainerClient key other subgraphs resolve by). */
let coach: TestTrainer;
let coaching: { id: string; trainerId: string; userId: string };
let fakeStripe: FakeStripe;
let owner: TestUser;
let other: TestUser;
/** Ids of A's objects by type, found by reading everything A can see of themselves. */
const ownedIds = new Map<string, Set<string>>();

function collectIds(value: unknown, into: Map<string, Set<string>>) {
  if (Array.isArray(value)) for (const item of value) collectIds(item, into);
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.__typename === 'string' && typeof object.id === 'string') {
      if (!into.has(object.__typename)) into.set(object.__typename, new Set());
      into.get(object.__typename)!.add(object.id);
    }
    for (const child of Object.values(object)) collectIds(child, into);
  }
}

/** True when a value carries anything beyond identity and paging bookkeeping. */
function carriesData(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(carriesData);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).some(
      ([key, child]) => !['__typename', 'id', 'pageInfo', 'cursor'].includes(key) && carriesData(child),
    );
  }
  return true;
}

/**
 * Looks through a response for A's objects and reports private fields that came back with data.
 * `owned` holds A's ids by type.
 */
function leaksIn(value: unknown, path: string, leaks: string[]) {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) leaksIn(item, `${path}.${i}`, leaks);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  const type = object.__typename as string | undefined;
  const isOwned = type && typeof object.id === 'string' && ownedIds.get(type)?.has(object.id);
  if (isOwned && type && !PUBLIC_TYPES.has(type)) {
    const publicFields = PUBLIC_FIELDS[type] ?? new Set(['id']);
    for (const [key, child] of Object.entries(object)) {
      if (key === '__typename' || publicFields.has(key)) continue;
      if (carriesData(child)) leaks.push(`${path}.${key} of ${type} ${object.id}`);
    }
    return;
  }
  for (const [key, child] of Object.entries(object)) leaksIn(child, `${path}.${key}`, leaks);
}

function refusalCodesOk(errors: { extensions?: { code?: string } }[] | undefined, where: string) {
  for (const error of errors ?? []) {
    expect(REFUSALS.has(error.extensions?.code ?? ''), `${where}: ${JSON.stringify(error)}`).toBe(true);
  }
}

/** Everything A can read of themselves, with ids and type names, as the baseline and id source. */
async function snapshotOf(user: TestUser) {
  const result = await stack.gql(
    // A's coach's client list and account are the coach's (their private fields are denied to A:
    // null with FORBIDDEN), not part of A's data.
    `{ me ${selectionFor(api.getType('User') as any, {
      depth: 3,
      typename: true,
      skip: (type, field) => type.name === 'Trainer' && ['clients', 'user'].includes(field.name),
    })} }`,
    {},
    { token: user.token },
  );
  expect(result.errors).toBeUndefined();
  return result.data.me as Record<string, unknown>;
}

beforeAll(async () => {
  fakeStripe = await startFakeStripe();
  stack = await startTestStack({
    env: {
      STRIPE_SECRET_KEY: 'sk_test_access',
      STRIPE_WEBHOOK_SECRET: 'whsec_access',
      STRIPE_API_URL: fakeStripe.url,
    },
  });
  owner = await stack.signUp();
  other = await stack.signUp();
  for (const seed of seeders) await seed(stack, owner);
  await stack.flushEvents();
  collectIds(await snapshotOf(owner), ownedIds);
  // A's coaches lead to the coach's public profile, which is the coach's, not A's.
  ownedIds.get('User')?.delete(coach.id);
});
afterAll(async () => {
  await stack?.stop();
  await fakeStripe?.close();
});

describe('through the gateway', () => {
  it("finds A's objects to protect", () => {
    expect(ownedIds.get('User')).toEqual(new Set([owner.id]));
    // The seeders' personal data is reachable from A's `me`, so every check below covers it.
    console.info(`owned types: ${[...ownedIds.keys()].sort().join(', ')}`);
    for (const type of [
      'Habit',
      'WorkoutSession',
      'HealthMetric',
      'HealthGoal',
      'HealthIntegration',
      'UserSubscription',
      'Payment',
      'TrainerClient',
    ])
      expect(ownedIds.get(type)?.size, type).toBeGreaterThan(0);
  });

  it('A reads their own private fields (so the checks below can see a leak)', async () => {
    const me = await snapshotOf(owner);
    expect(me.email).toBe(owner.email);
    expect(me.gender).toBe('private-gender');
    const leaks: string[] = [];
    leaksIn(me, 'me', leaks);
    expect(leaks.length).toBeGreaterThan(0);
  });

  it("B gets none of A's private fields from any root query called with A's ids or username", async () => {
    const leaks: string[] = [];
    const allIds = [...ownedIds.values()].flatMap((ids) => [...ids]);
    for (const root of rootFields(api).filter((r) => r.operation === 'query')) {
      const attempts: Record<string, unknown>[] = [];
      const idArgs = root.field.args.filter((a) => ['ID', 'UUID'].includes(getNamedType(a.type).name));
      const nameArgs = root.field.args.filter(
        (a) => getNamedType(a.type).name === 'String' && /user|login|name|handle/i.test(a.name),
      );
      const required = root.field.args.filter((a) => isNonNullType(a.type));
      const fillable = required.every((a) => idArgs.includes(a) || nameArgs.includes(a));
      if (!fillable) continue;
      if (idArgs.length === 0 && nameArgs.length === 0) attempts.push({});
      for (const id of allIds) {
        const args: Record<string, unknown> = {};
        for (const a of idArgs) args[a.name] = isListLike(a.type) ? [id] : id;
        for (const a of nameArgs) args[a.name] = owner.username;
        attempts.push(args);
      }
      for (const args of attempts) {
        const used = root.field.args.filter((a) => a.name in args);
        const definitions = used.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
        const selection = selectionFor(root.field.type, { depth: 3, typename: true });
        const query = `query ${definitions ? `(${definitions})` : ''} { ${root.name}${call ? `(${call})` : ''} ${selection} }`;
        const result = await stack.gql(query, args, { token: other.token });
        expect(result.status, query).toBeLessThan(500);
        leaksIn(result.data, root.name, leaks);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("B's mutations naming A's ids change nothing of A's", async () => {
    const before = await snapshotOf(owner);
    const allIds = [...ownedIds.values()].flatMap((ids) => [...ids]);
    for (const root of rootFields(api).filter((r) => r.operation === 'mutation')) {
      const idArgs = root.field.args.filter((a) => ['ID', 'UUID'].includes(getNamedType(a.type).name));
      const required = root.field.args.filter((a) => isNonNullType(a.type));
      if (idArgs.length === 0 || !required.every((a) => idArgs.includes(a))) continue;
      for (const id of allIds) {
        const args = Object.fromEntries(idArgs.map((a) => [a.name, isListLike(a.type) ? [id] : id]));
        const definitions = idArgs.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const call = idArgs.map((a) => `${a.name}: $${a.name}`).join(', ');
        const query = `mutation (${definitions}) { ${root.name}(${call}) ${selectionFor(root.field.type, { depth: 1 })} }`;
        const result = await stack.gql(query, args, { token: other.token });
        expect(result.status, query).toBeLessThan(500);
      }
    }
    await stack.flushEvents();
    expect(await snapshotOf(owner)).toEqual(before);
  });
});

function isListLike(type: { toString(): string }) {
  return type.toString().includes('[');
}

interface SubgraphEntities {
  name: string;
  url: string;
  schema: GraphQLSchema;
  /** Entity types this subgraph can resolve, with the fields it defines for them. */
  entities: { type: string; fields: string[] }[];
}

async function subgraphEntities(name: string, url: string): Promise<SubgraphEntities> {
  const response = await postGraphQL(url, { query: '{ _service { sdl } }' });
  const sdl = response.data._service.sdl as string;
  const document: DocumentNode = parse(sdl);
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const entities: SubgraphEntities['entities'] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
      continue;
    const key = definition.directives?.find((d) => d.name.value === 'key');
    if (!key) continue;
    const resolvable = key.arguments?.find((a) => a.name.value === 'resolvable');
    if (resolvable?.value.kind === Kind.BOOLEAN && !resolvable.value.value) continue;
    const type = schema.getType(definition.name.value);
    if (!isObjectType(type)) continue;
    const fields = Object.values(type.getFields())
      .filter((f) => !f.astNode?.directives?.some((d) => d.name.value === 'external'))
      .filter((f) => !f.args.some((a) => isNonNullType(a.type)))
      .map((f) =>
        isScalarType(getNamedType(f.type)) || getNamedType(f.type).astNode?.kind === Kind.ENUM_TYPE_DEFINITION
          ? f.name
          : `${f.name} ${selectionFor(f.type, { depth: 1, typename: true })}`,
      );
    entities.push({ type: type.name, fields });
  }
  return { name, url, schema, entities };
}

describe('subgraphs reached directly (_entities)', () => {
  let subgraphs: SubgraphEntities[];
  beforeAll(async () => {
    subgraphs = await Promise.all(
      Object.entries(stack.subgraphUrls).map(([name, url]) => subgraphEntities(name, url)),
    );
  });

  const viewerOf = (user: TestUser): Viewer => ({
    userId: user.id,
    sessionId: 'f'.repeat(64),
    roles: ['USER'],
  });
  const headersFor = (kind: 'other' | 'none' | 'forged' | 'expired' | 'owner') => {
    const secret = stack.runtime.identitySecret;
    switch (kind) {
      case 'none':
        return {};
      case 'other':
        return {
          [IDENTITY_HEADER]: signIdentity({ viewer: viewerOf(other), service: null, ip: null }, secret),
        };
      case 'owner':
        return {
          [IDENTITY_HEADER]: signIdentity({ viewer: viewerOf(owner), service: null, ip: null }, secret),
        };
      case 'forged':
        return {
          [IDENTITY_HEADER]: signIdentity(
            { viewer: { ...viewerOf(owner), roles: ['USER', 'ADMIN'] }, service: 'gateway', ip: null },
            'a-forged-secret-that-is-long-enough-0123456789',
          ),
        };
      case 'expired':
        return {
          [IDENTITY_HEADER]: signIdentity({ viewer: viewerOf(owner), service: null, ip: null }, secret, {
            now: new Date(Date.now() - 10 * 60_000),
            ttlSeconds: 60,
          }),
        };
    }
  };

  /** Key fields beyond id: TrainerClient's second key, which health and billing resolve by. */
  const keysOf = (type: string, id: string) =>
    type === 'TrainerClient' && id === coaching.id
      ? { trainerId: coaching.trainerId, userId: coaching.userId }
      : {};

  async function entitiesAs(kind: Parameters<typeof headersFor>[0]) {
    const leaks: string[] = [];
    let checked = 0;
    for (const subgraph of subgraphs) {
      for (const entity of subgraph.entities) {
        if (PUBLIC_TYPES.has(entity.type)) continue;
        for (const id of ownedIds.get(entity.type) ?? []) {
          const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${entity.type} { ${entity.fields.join(' ')} } } }`;
          const result = await postGraphQL(
            subgraph.url,
            { query, variables: { r: [{ __typename: entity.type, id, ...keysOf(entity.type, id) }] } },
            headersFor(kind),
          );
          const where = `${subgraph.name} _entities ${entity.type} ${id} as ${kind}`;
          expect(result.status, where).toBeLessThan(500);
          const [answer] = (result.data?._entities ?? [null]) as (Record<string, unknown> | null)[];
          // The key fields the representation itself sent are the caller's own words, not A's data
          // (health and billing resolve TrainerClient to its key and refuse each data field).
          const sent: Record<string, unknown> = keysOf(entity.type, id);
          const found =
            answer &&
            Object.fromEntries(Object.entries(answer).filter(([key, value]) => sent[key] !== value));
          if (kind === 'owner') {
            if (found) leaksIn({ ...found, id }, where, leaks);
          } else {
            refusalCodesOk(result.errors, where);
            if (found) leaksIn({ ...found, id }, where, leaks);
          }
          checked++;
        }
      }
    }
    return { leaks, checked };
  }

  it('finds the entity types of every subgraph', () => {
    expect(subgraphs.map((s) => s.name)).toEqual(Object.keys(stack.subgraphUrls));
    expect(subgraphs.find((s) => s.name === 'identity')?.entities.map((e) => e.type)).toContain('User');
  });

  it("the owner's own signed identity reads private fields (the probe can see a leak)", async () => {
    const { leaks, checked } = await entitiesAs('owner');
    expect(checked).toBeGreaterThan(0);
    expect(leaks.length).toBeGreaterThan(0);
  });

  const callers = {
    other: "B's correctly signed identity",
    none: 'a request without an identity header',
    forged: 'a header forged for A (wrong secret, claiming admin and the gateway service)',
    expired: "A's correctly signed but expired header",
  } as const;
  for (const [kind, caller] of Object.entries(callers) as [keyof typeof callers, string][]) {
    it(`refuses A's personal fields to ${caller}`, async () => {
      const { leaks, checked } = await entitiesAs(kind);
      expect(checked).toBeGreaterThan(0);
      expect(leaks).toEqual([]);
    });
  }
});

/**
 * Coaching shares A's habits, sessions, health summary and plan with A's coach through
 * TrainerClient, and with nobody else: not another trainer, not a former coach once the
 * relationship ended, not a plain user, by no path (root and nested fields, mutations, `_entities`
 * through the gateway, subgraphs called directly with B's, no, forged or expired identity).
 */
describe('coaching: A’s data through TrainerClient', () => {
  const SHARED = ['healthSeries', 'latestHealthMetrics', 'activePlan', 'habits', 'workoutSessions'];
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 60_000).toISOString();
  const SHARED_SELECTION = `
    user { id }
    healthSeries(metricType: HEART_RATE, from: "${from}", to: "${to}", bucket: DAY) { start count avg }
    latestHealthMetrics { metricType value }
    activePlan { id name }
    habits { nodes { id name currentStreak } }
    workoutSessions { nodes { id status } }`;
  const CLIENTS = `{ me { trainer { id clients { nodes { id ${SHARED_SELECTION} } } } } }`;
  const CLIENTS_OF = `query($id: ID!) { trainer(id: $id) { id clients { nodes { id ${SHARED_SELECTION} } } } }`;

  let otherTrainer: TestTrainer;
  let formerCoach: TestTrainer;
  let formerCoaching: string;
  let plainUser: TestUser;

  /** Paths where one of A's shared fields came back with data. */
  function sharedDataIn(value: unknown, path = ''): string[] {
    if (Array.isArray(value)) return value.flatMap((item, i) => sharedDataIn(item, `${path}.${i}`));
    if (!value || typeof value !== 'object') return [];
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      SHARED.includes(key) && carriesData(child) ? [`${path}.${key}`] : sharedDataIn(child, `${path}.${key}`),
    );
  }

  beforeAll(async () => {
    otherTrainer = await signUpTrainer(stack);
    plainUser = await stack.signUp();
    formerCoach = await signUpTrainer(stack);
    const hired = await stack.gql(
      'mutation($t: ID!) { hireTrainer(trainerId: $t) { id } }',
      { t: formerCoach.trainerId },
      { token: owner.token },
    );
    formerCoaching = hired.data.hireTrainer.id;
    const ended = await gqlAs(
      stack,
      formerCoach,
      'mutation($id: ID!) { endCoaching(id: $id) { id endedAt } }',
      {
        id: formerCoaching,
      },
    );
    expect(ended.data?.endCoaching.endedAt).not.toBeNull();
  });

  const outsiders = () =>
    [
      ['another trainer', otherTrainer],
      ['the former coach', formerCoach],
      ['a plain user', plainUser],
    ] as const;

  it('A’s coach reads A’s shared data (so the checks below can see a leak)', async () => {
    // Health and billing serve a coach once the hires have reached them (coaching events).
    await stack.flushEvents();
    const result = await eventually(async () => {
      const answer = await gqlAs(stack, coach, CLIENTS);
      expect(answer.errors).toBeUndefined();
      return answer;
    });
    // B may have hired the coach too (B's mutations above name every id A can see).
    const client = result.data.me.trainer.clients.nodes.find(
      (n: { user: { id: string } }) => n.user.id === owner.id,
    );
    expect(client.healthSeries.length).toBeGreaterThan(0);
    expect(client.latestHealthMetrics.length).toBeGreaterThan(0);
    expect(client.activePlan.name).toBe('Private plan');
    expect(client.habits.nodes.length).toBeGreaterThan(0);
    expect(client.workoutSessions.nodes.length).toBeGreaterThan(0);
  });

  it('outsiders find no relationship with A in their own client lists', async () => {
    for (const [who, actor] of outsiders()) {
      const result = await gqlAs(stack, actor, CLIENTS);
      const nodes = result.data?.me?.trainer?.clients?.nodes ?? [];
      expect(
        nodes.filter((n: { user: { id: string } }) => n.user.id === owner.id),
        who,
      ).toEqual([]);
      expect(sharedDataIn(nodes), who).toEqual([]);
    }
  });

  it('outsiders cannot read the coach’s client list (FORBIDDEN)', async () => {
    for (const [who, actor] of outsiders()) {
      const result = await gqlAs(stack, actor, CLIENTS_OF, { id: coach.trainerId });
      expect(result.data?.trainer?.clients, who).toBeNull();
      expect(
        result.errors?.map((e) => e.extensions?.code),
        who,
      ).toEqual(['FORBIDDEN']);
    }
  });

  it('outsiders’ mutations on A’s relationships return nothing of A’s', async () => {
    const mutation = `mutation($id: ID!) { endCoaching(id: $id) { id ${SHARED_SELECTION} } }`;
    for (const [who, actor] of outsiders()) {
      for (const id of [coaching.id, formerCoaching]) {
        const result = await gqlAs(stack, actor, mutation, { id });
        expect(result.data, `${who} ${id}`).toBeNull();
        const code = result.errors?.[0]?.extensions?.code;
        // The former coach is told their relationship has ended; to everyone else it does not exist.
        expect(code, `${who} ${id}`).toBe(
          actor === formerCoach && id === formerCoaching ? 'CONFLICT' : 'NOT_FOUND',
        );
      }
    }
    const still = await gqlAs(stack, coach, CLIENTS);
    expect(still.data.me.trainer.clients.nodes.map((n: { id: string }) => n.id)).toContain(coaching.id);
  });

  it('the gateway does not expose _entities', async () => {
    for (const [who, actor] of [...outsiders(), ['A’s coach', coach] as const]) {
      const result = await gqlAs(
        stack,
        actor,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on TrainerClient { ${SHARED_SELECTION} } } }`,
        { r: [{ __typename: 'TrainerClient', ...coaching }] },
      );
      expect(result.status, who).toBe(400);
      expect(result.data, who).toBeUndefined();
    }
  });

  const viewer = (user: TestUser, trainerId?: string): Viewer => ({
    userId: user.id,
    sessionId: 'e'.repeat(64),
    roles: ['USER'],
    ...(trainerId ? { trainerId } : {}),
  });
  /** A correctly signed, unexpired identity header, as the gateway would send (or a thief replay). */
  const signed = (v: Viewer) => ({
    [IDENTITY_HEADER]: signIdentity({ viewer: v, service: null, ip: null }, stack.runtime.identitySecret),
  });

  it('subgraphs called directly refuse A’s shared data to everyone but A and A’s coach', async () => {
    const secret = stack.runtime.identitySecret;
    const callers: [string, Record<string, string>][] = [
      ['another trainer', signed(viewer(otherTrainer, otherTrainer.trainerId))],
      ['the former coach', signed(viewer(formerCoach, formerCoach.trainerId))],
      ['a plain user', signed(viewer(plainUser))],
      ['an admin', signed({ ...viewer(plainUser), roles: ['USER', 'ADMIN'] })],
      ['no identity header', {}],
      [
        'a header forged for the coach (wrong secret)',
        {
          [IDENTITY_HEADER]: signIdentity(
            { viewer: viewer(coach, coach.trainerId), service: 'gateway', ip: null },
            'a-forged-secret-that-is-long-enough-0123456789',
          ),
        },
      ],
      [
        "the coach's expired header",
        {
          [IDENTITY_HEADER]: signIdentity(
            { viewer: viewer(coach, coach.trainerId), service: null, ip: null },
            secret,
            {
              now: new Date(Date.now() - 10 * 60_000),
              ttlSeconds: 60,
            },
          ),
        },
      ],
    ];
    // Every caller here names A's coach and A's relationship with them; the next test has trainers
    // name themselves.
    const current = { __typename: 'TrainerClient', ...coaching };
    const former = {
      __typename: 'TrainerClient',
      id: formerCoaching,
      trainerId: formerCoach.trainerId,
      userId: owner.id,
    };
    const representationsFor = (name: string) => (name === 'training' ? [current, former] : [current]);
    const fieldsOf: Record<string, string> = {
      training: 'id habits { nodes { id name } } workoutSessions { nodes { id } }',
      health: `latestHealthMetrics { value } healthSeries(metricType: HEART_RATE, from: "${from}", to: "${to}", bucket: DAY) { avg }`,
      billing: 'activePlan { id name }',
    };
    const ask = (name: keyof typeof fieldsOf, headers: Record<string, string>) =>
      postGraphQL(
        stack.subgraphUrls[name as keyof typeof stack.subgraphUrls],
        {
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on TrainerClient { ${fieldsOf[name]} } } }`,
          variables: { r: representationsFor(name) },
        },
        headers,
      );

    // The probe sees the data with the coach's own signed identity (the first representation).
    for (const name of Object.keys(fieldsOf)) {
      const result = await ask(name, signed(viewer(coach, coach.trainerId)));
      expect(sharedDataIn(result.data?._entities?.[0]), `${name} as the coach`).not.toEqual([]);
      expect(sharedDataIn(result.data?._entities?.[1]), `${name} as the coach, former relationship`).toEqual(
        [],
      );
    }
    for (const [who, headers] of callers) {
      for (const name of Object.keys(fieldsOf)) {
        const result = await ask(name, headers);
        const where = `${name} _entities as ${who}`;
        expect(result.status, where).toBeLessThan(500);
        refusalCodesOk(result.errors, where);
        expect(sharedDataIn(result.data?._entities ?? []), where).toEqual([]);
      }
    }
  });
  it('health and billing called directly serve A’s data to no trainer who names themself without an active relationship', async () => {
    // The attack: a trainer's own valid signed identity (a captured header, or a subgraph reached
    // directly), with a representation naming that trainer and A. A former coach's end has been
    // relayed, so every subgraph knows it (flushEvents; with Redis, delivery follows).
    await stack.flushEvents();
    const fields: Record<string, string> = {
      health: `latestHealthMetrics { value } healthSeries(metricType: HEART_RATE, from: "${from}", to: "${to}", bucket: DAY) { avg }`,
      billing: 'activePlan { id name }',
    };
    const ask = (name: string, actor: TestTrainer) =>
      postGraphQL(
        stack.subgraphUrls[name as keyof typeof stack.subgraphUrls],
        {
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on TrainerClient { ${fields[name]} } } }`,
          variables: { r: [{ __typename: 'TrainerClient', trainerId: actor.trainerId, userId: owner.id }] },
        },
        signed(viewer(actor, actor.trainerId)),
      );
    await eventually(async () => {
      for (const name of Object.keys(fields)) {
        // The honest coach, the same way, reads (the probe can see a leak).
        const honest = await ask(name, coach);
        expect(sharedDataIn(honest.data?._entities), `${name} as A's coach`).not.toEqual([]);
        for (const [who, actor] of [
          ['another trainer', otherTrainer],
          ['the former coach', formerCoach],
        ] as const) {
          const result = await ask(name, actor);
          const where = `${name} _entities as ${who}, naming themself`;
          expect(result.status, where).toBeLessThan(500);
          refusalCodesOk(result.errors, where);
          expect(result.errors?.length, where).toBeGreaterThan(0);
          expect(sharedDataIn(result.data?._entities ?? []), where).toEqual([]);
        }
      }
    });
  });
});
