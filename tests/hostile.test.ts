import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { getNamedType, isScalarType, Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLIENT_BODY_BYTES } from '../kit/http-server.js';
import { type FakeStripe, startFakeStripe } from '../testkit/payment-providers.js';
import {
  argsWith,
  FORGED_CURSORS,
  fieldsWithArgument,
  LONE_SURROGATES,
  loadApiSchema,
  MALFORMED_IDS,
  nestedOperation,
  operationFor,
  rootFields,
  SQL_INJECTIONS,
  selectionFor,
  SQL_TEXT,
  STACK_TRACE,
  slotsOf,
  withoutEcho,
} from '../testkit/operations.js';
import {
  type GraphQLResponse,
  productionEnv,
  postGraphQL,
  startTestStack,
  type TestStack,
  type TestUser,
} from '../testkit/stack.js';
import { makeTrainer } from '../testkit/training.js';

/**
 * Hostile clients against the gateway: query bombs, huge inputs, HTTP tricks, injection strings
 * in every text argument the public schema has (found from schema/api.graphql, so each subgraph
 * composed into it is covered), and malformed input of every class that once became a server
 * error: forged cursors, ids that are not UUIDs, lone surrogates, dates outside the years 1-9999,
 * operation types the schema lacks; then the body limit. Depth and alias bombs, array batching, the body limit on a declared
 * length and production introspection by __schema are in gateway.test.ts.
 */
const schema = loadApiSchema();
const roots = rootFields(schema);

let stack: TestStack;
let user: TestUser;
// Billing talks to a local Stripe stand-in, so a user can hold a subscription (and its payments list).
let fakeStripe: FakeStripe;
beforeAll(async () => {
  fakeStripe = await startFakeStripe();
  stack = await startTestStack({
    env: {
      STRIPE_SECRET_KEY: 'sk_test_hostile',
      STRIPE_WEBHOOK_SECRET: 'whsec_hostile',
      STRIPE_API_URL: fakeStripe.url,
    },
  });
  user = await stack.signUp();
});
afterAll(async () => {
  await stack?.stop();
  await fakeStripe?.close();
});

async function raw(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** The response is a refusal a client can read: 4xx or a GraphQL error, no stack, no SQL. */
function expectCleanRefusal(status: number, text: string, codes?: string[]) {
  expect(status, text.slice(0, 300)).toBeLessThan(500);
  expect(text).not.toMatch(STACK_TRACE);
  expect(text).not.toMatch(SQL_TEXT);
  const body = JSON.parse(text) as GraphQLResponse;
  expect(body.errors?.length, text.slice(0, 300)).toBeGreaterThan(0);
  if (codes) expect(codes, text.slice(0, 300)).toContain(body.errors?.[0]?.extensions?.code);
}

async function expectStillServing() {
  const probe = await stack.gql('{ me { id } }', {}, { token: user.token });
  expect(probe.status).toBe(200);
  expect(probe.data?.me?.id).toBe(user.id);
}

const userLeaves = Object.values((schema.getType('User') as any).getFields())
  .filter((f: any) => isScalarType(getNamedType(f.type)) && !f.args.length)
  .map((f: any) => f.name as string);

describe('query bombs', () => {
  const bombs: [string, () => string, string[]][] = [
    [
      'directive bomb',
      () => `{ me ${'@include(if: true) '.repeat(60)} { id } }`,
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    ['token bomb', () => `{ me { ${'id '.repeat(5000)} } }`, ['GRAPHQL_PARSE_FAILED']],
    [
      'cost bomb through fragment spreads',
      () => `{ me { ...F ${'...F '.repeat(1200)} } } fragment F on User { ${userLeaves.join(' ')} }`,
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'exponential fragments ("billion laughs")',
      () => {
        const fragments = [`fragment L0 on User { ${userLeaves.join(' ')} }`];
        for (let i = 1; i <= 30; i++) fragments.push(`fragment L${i} on User { ...L${i - 1} ...L${i - 1} }`);
        return `{ me { ...L30 } } ${fragments.join(' ')}`;
      },
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'fragment cycle',
      () => '{ me { ...A } } fragment A on User { id ...B } fragment B on User { id ...A }',
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'hundreds of operations in one document',
      () => Array.from({ length: 400 }, (_, i) => `query Q${i} { __typename }`).join(' '),
      ['OPERATION_RESOLUTION_FAILURE'],
    ],
  ];

  for (const [name, build, codes] of bombs) {
    it(`refuses a ${name} quickly, without a 500, and keeps serving`, async () => {
      const started = Date.now();
      const response = await raw(JSON.stringify({ query: build() }));
      expect(Date.now() - started).toBeLessThan(5000);
      expectCleanRefusal(response.status, response.text, codes);
      await expectStillServing();
    });
  }

  it('counts page sizes passed as variables in the cost, as it counts them written inline', async () => {
    const query = `query ($plans: Int, $items: Int) {
      workoutPlans(first: $plans) { nodes { id trainer { id contentItems(first: $items) { nodes { id title description } } } } }
    }`;
    const inlineQuery = query
      .replace('($plans: Int, $items: Int)', '')
      .replace('first: $plans', 'first: 100')
      .replace('first: $items', 'first: 50');
    const inline = await raw(JSON.stringify({ query: inlineQuery }));
    expectCleanRefusal(inline.status, inline.text, ['GRAPHQL_VALIDATION_FAILED']);
    const viaVariables = await raw(JSON.stringify({ query, variables: { plans: 100, items: 50 } }));
    expect(viaVariables.status).toBe(400);
    expectCleanRefusal(viaVariables.status, viaVariables.text, ['GRAPHQL_VALIDATION_FAILED']);
    expect(viaVariables.text).toMatch(/cost/i);
    const small = JSON.parse((await raw(JSON.stringify({ query, variables: { plans: 5, items: 5 } }))).text);
    expect(small.errors).toBeUndefined();
    await expectStillServing();
  });

  it('answers a field repeated thousands of times (quadratic field merging) quickly', async () => {
    const started = Date.now();
    const response = await raw(JSON.stringify({ query: `{ me { ${'id '.repeat(2900)} } }` }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response.status).toBeLessThan(500);
    await expectStillServing();
  });

  it('refuses an unknown operationName with 400, and runs a named one', async () => {
    const query = 'query A { __typename } query B { me { id } }';
    const unknown = await raw(JSON.stringify({ query, operationName: 'C' }));
    expect(unknown.status).toBe(400);
    expectCleanRefusal(unknown.status, unknown.text, ['OPERATION_RESOLUTION_FAILURE']);
    const named = await raw(JSON.stringify({ query, operationName: 'A' }));
    expect(JSON.parse(named.text)).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a number literal beyond a double (1e400) as a validation error, not an internal one', async () => {
    const response = await raw(
      JSON.stringify({
        query: `mutation { recordHealthMetrics(input: [{ metricType: STEPS, value: 1e400, unit: "count",
          recordedAt: "2026-01-01T00:00:00Z" }]) { accepted } }`,
      }),
      { authorization: `Bearer ${user.token}` },
    );
    expect(response.status).toBe(400);
    expectCleanRefusal(response.status, response.text, ['GRAPHQL_VALIDATION_FAILED']);
    expect(response.text).toContain('1e400 is out of range');
    await expectStillServing();
  });

  it('refuses a variable nested thousands of levels deep without a 500', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const response = await raw(
      `{"query":"mutation($v: SignInInput!) { signIn(input: $v) { __typename } }","variables":{"v":${deep}}}`,
    );
    expectCleanRefusal(response.status, response.text, ['BAD_USER_INPUT']);
    await expectStillServing();
  });
});

describe('HTTP abuse', () => {
  it('refuses a mutation over GET with 405', async () => {
    const query = encodeURIComponent('mutation { signOut }');
    const response = await fetch(`${stack.gatewayUrl}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });

  it('refuses a simple (CSRF-able) content type', async () => {
    const response = await raw(JSON.stringify({ query: '{ me { id } }' }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
  });

  it('refuses a streamed body over the limit that declares no length, and keeps serving', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(stack.gatewayUrl);
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.setHeader('content-type', 'application/json');
      req.setHeader('transfer-encoding', 'chunked');
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const write = () => {
        while (sent < MAX_CLIENT_BODY_BYTES + 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', write);
            return;
          }
        }
        req.end();
      };
      write();
    }).catch(() => 413);
    expect(status).toBe(413);
    await expectStillServing();
  });

  it('refuses oversized headers with a 4xx', async () => {
    const status = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-padding': 'x'.repeat(64 * 1024) },
      body: JSON.stringify({ query: '{ me { id } }' }),
    })
      .then((r) => r.status)
      .catch(() => 431);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    await expectStillServing();
  });

  it('refuses a forged or oversized bearer token with 401 UNAUTHENTICATED, never a 5xx or an anonymous answer', async () => {
    for (const token of ['x'.repeat(5000), "' OR 1=1 --", 'a'.repeat(40)]) {
      const response = await stack.gql(
        '{ me { id } }',
        {},
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.data ?? null).toBeNull();
    }
  });
});

// Every position a text value can go, in every root field of the public schema.
const textSlots = roots.flatMap((root) =>
  slotsOf(root.field.args, new Set(['String', 'ID'])).map((slot) => ({ root, slot })),
);

describe('injection strings in every text argument of the API', () => {
  it('finds the text arguments of every subgraph in the schema', () => {
    expect(textSlots.length).toBeGreaterThan(0);
    expect(textSlots.map(({ root, slot }) => `${root.name}.${slot.path.join('.')}`)).toContain(
      'signIn.input.login',
    );
  });

  it('never answers with a 500, an internal error, a stack trace or SQL text', async () => {
    const failures: string[] = [];
    const cases = textSlots.flatMap(({ root, slot }) =>
      SQL_INJECTIONS.flatMap((payload, i) => [
        { root, slot, payload, token: user.token as string | null },
        ...(i < 3 ? [{ root, slot, payload, token: null }] : []),
      ]),
    );
    const queue = [...cases];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { root, slot, payload, token } = next;
        const { query, variables } = operationFor(root, argsWith(root.field.args, slot.path, payload));
        const response = await fetch(stack.gatewayUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query, variables }),
        });
        const text = await response.text();
        const cleaned = withoutEcho(text, SQL_INJECTIONS);
        const where = `${root.name}(${slot.path.join('.')}) ${token ? 'signed in' : 'anonymous'}: ${payload}`;
        if (response.status >= 500) failures.push(`${where}: HTTP ${response.status}`);
        if (STACK_TRACE.test(cleaned)) failures.push(`${where}: stack trace`);
        if (SQL_TEXT.test(cleaned)) failures.push(`${where}: SQL text ${cleaned.slice(0, 200)}`);
        if (text.includes('INTERNAL_SERVER_ERROR')) failures.push(`${where}: internal error`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(failures).toEqual([]);
    await expectStillServing();
    // The tables the strings named are still there and still answer.
    const again = await stack.gql('mutation($i: SignInInput!) { signIn(input: $i) { __typename } }', {
      i: { login: user.username, password: user.password },
    });
    expect(again.status).toBe(200);
    expect(await stack.gql('{ me { username } }', {}, { token: user.token })).toMatchObject({
      data: { me: { username: user.username } },
    });
  }, 120_000);

  it('refuses a 100 KB string in every text argument without a 500 or an internal error', async () => {
    const huge = 'x'.repeat(100 * 1024);
    const failures: string[] = [];
    for (const { root, slot } of textSlots) {
      const { query, variables } = operationFor(root, argsWith(root.field.args, slot.path, huge));
      const response = await stack.gql(query, variables, { token: user.token });
      const text = JSON.stringify(response);
      if (response.status >= 500 || text.includes('INTERNAL_SERVER_ERROR'))
        failures.push(`${root.name}(${slot.path.join('.')}): ${text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    await expectStillServing();
  }, 60_000);
});

// List arguments and page sizes, wherever the schema has them.
const listSlots = roots.flatMap((root) =>
  slotsOf(
    root.field.args,
    new Set(['String', 'ID', 'UUID', 'Int', 'Float', 'Boolean', 'DateTime', 'Date', 'EmailAddress']),
  )
    .filter((slot) => slot.path.some((p) => typeof p === 'number'))
    .map((slot) => ({ root, slot })),
);
const PAGE_ARGUMENT = /^(first|last|limit|pageSize|take|size|top|count)$/i;
const pageSlots = roots.flatMap((root) =>
  slotsOf(root.field.args, new Set(['Int', 'NonNegativeInt', 'PositiveInt']))
    .filter((slot) => PAGE_ARGUMENT.test(String(slot.path[slot.path.length - 1])))
    .map((slot) => ({ root, slot })),
);

describe('huge lists and page sizes', () => {
  it('refuses a list argument with 20,000 items without a 500', async () => {
    for (const { root, slot } of listSlots) {
      const index = slot.path.findIndex((p) => typeof p === 'number');
      const listPath = slot.path.slice(0, index);
      const item =
        slot.scalar === 'Int' || slot.scalar === 'Float' ? 1 : slot.scalar === 'Boolean' ? true : 'a';
      const args = argsWith(root.field.args, listPath, Array(20_000).fill(item));
      const { query, variables } = operationFor(root, args);
      const response = await stack.gql(query, variables, { token: user.token });
      expect(response.status, `${root.name}(${slot.path.join('.')})`).toBe(400);
      // Refused by the gateway before coercion, with the limit named, whatever the argument.
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toBe('Lists may hold at most 10,000 items.');
    }
    await expectStillServing();
  });

  // Admin-only lists refuse a non-admin before they look at the arguments; that is a refusal too.
  it('refuses page sizes out of range with BAD_USER_INPUT (or FORBIDDEN where the list is not theirs)', async () => {
    for (const { root, slot } of pageSlots) {
      for (const size of [1_000_000, 2 ** 31 - 1, -1]) {
        const { query, variables } = operationFor(root, argsWith(root.field.args, slot.path, size));
        const response = await stack.gql(query, variables, { token: user.token });
        const where = `${root.name}(${slot.path.join('.')}: ${size})`;
        expect(response.status, where).toBeLessThan(500);
        expect(response.errors?.[0]?.extensions?.code, where).toMatch(
          /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|FORBIDDEN/,
        );
      }
    }
  });
});

/** Runs the cases four at a time. */
async function inParallel<T>(cases: readonly T[], run: (item: T) => Promise<void>, workers = 4) {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < cases.length) await run(cases[next++] as T);
    }),
  );
}

/** What a server error looks like from outside: a 5xx, an internal error, a stack or SQL text. */
function serverErrorIn(status: number, text: string, sent: string[] = []): string | null {
  if (status >= 500) return `HTTP ${status}`;
  if (text.includes('INTERNAL_SERVER_ERROR')) return 'internal error';
  const cleaned = withoutEcho(text, sent);
  if (STACK_TRACE.test(cleaned)) return 'stack trace';
  if (SQL_TEXT.test(cleaned)) return 'SQL text';
  return null;
}

const firstCode = (text: string) =>
  (JSON.parse(text) as GraphQLResponse).errors?.[0]?.extensions?.code ?? null;

/** Sends a root field with one argument position set to a value, as variables. */
async function sendWith(
  root: (typeof roots)[number],
  path: (string | number)[],
  value: unknown,
  token: string,
) {
  const selection = selectionFor(root.field.type, { depth: 0 });
  const { query, variables } = operationFor(root, argsWith(root.field.args, path, value), selection);
  return raw(JSON.stringify({ query, variables }), { authorization: `Bearer ${token}` });
}

describe('client input never becomes a server error', () => {
  // A client who subscribed to a plan and hired a trainer, that trainer, and an admin who made a
  // cohort: between them every nested list of the API has a parent to hang from.
  let client: TestUser;
  let trainer: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    admin = await stack.makeAdmin(await stack.signUp());
    trainer = await makeTrainer(stack);
    client = await stack.signUp();
    const ok = async (response: Promise<GraphQLResponse>) => {
      const result = await response;
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data;
    };
    const plan = await ok(
      stack.gql(
        'mutation($i: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $i) { id } }',
        { i: { name: 'Hostile', priceCents: 1900, currency: 'USD', billingPeriod: 'MONTHLY' } },
        { token: admin.token },
      ),
    );
    await ok(
      stack.gql(
        'mutation($p: ID!, $pm: PaymentMethodInput!) { subscribe(planId: $p, paymentMethod: $pm) { __typename } }',
        { p: plan.createSubscriptionPlan.id, pm: { gateway: 'STRIPE', token: 'pm_card_visa' } },
        { token: client.token },
      ),
    );
    const trainerId = (await ok(stack.gql('{ me { trainer { id } } }', {}, { token: trainer.token }))).me
      .trainer.id;
    await ok(
      stack.gql(
        'mutation($t: ID!) { hireTrainer(trainerId: $t) { id } }',
        { t: trainerId },
        { token: client.token },
      ),
    );
    await ok(
      stack.gql(
        'mutation($d: JSONObject!) { createCohort(name: "Hostile", definition: $d) { id } }',
        { d: { signupDate: { from: '2000-01-01' } } },
        { token: admin.token },
      ),
    );
    await stack.flushEvents();
  }, 120_000);

  describe('cursors', () => {
    const cursorFields = fieldsWithArgument(schema, 'after');

    it('finds every cursor argument of the API, nested ones included', () => {
      expect(cursorFields.map((field) => field.name)).toEqual(
        expect.arrayContaining([
          'Query.exercises',
          'Query.searchContent',
          'Query.subscriptionPlans',
          'Trainer.clients',
          'TrainerClient.workoutSessions',
          'User.healthMetrics',
          'UserSubscription.payments',
          'Cohort.members',
        ]),
      );
    });

    it('refuses a forged cursor in every cursor argument with BAD_USER_INPUT, never an internal error', async () => {
      const failures: string[] = [];
      const refused = new Set<string>();
      const cases = cursorFields.flatMap((field) =>
        FORGED_CURSORS.flatMap((cursor) =>
          [client, trainer, admin].map((actor) => ({ field, cursor, actor })),
        ),
      );
      await inParallel(cases, async ({ field, cursor, actor }) => {
        const query = nestedOperation(field.paths[0]!, 'after', field.argumentType);
        const response = await raw(JSON.stringify({ query, variables: { value: cursor } }), {
          authorization: `Bearer ${actor.token}`,
        });
        const failure = serverErrorIn(response.status, response.text, [cursor]);
        if (failure) failures.push(`${field.name} after ${cursor.slice(0, 80)}: ${failure}`);
        if (response.text.includes('"BAD_USER_INPUT"')) refused.add(field.name);
      });
      expect(failures).toEqual([]);
      // Every list read the cursor (and refused it): none was skipped for want of a parent.
      expect(cursorFields.map((field) => field.name).filter((name) => !refused.has(name))).toEqual([]);
    }, 180_000);

    it('refuses a real cursor with its sort key tampered with', async () => {
      const page = await stack.gql(
        '{ exercises(first: 1) { pageInfo { endCursor } } }',
        {},
        { token: user.token },
      );
      const real = page.data.exercises.pageInfo.endCursor as string;
      const [name, id] = JSON.parse(Buffer.from(real, 'base64url').toString('utf8'));
      const tampered = [
        [name, '------------------------------------'],
        [name, `{${id}}`],
        [name, String(id).replace(/[0-9a-f]/, 'g')],
        [`${name}\ud800`, id],
        [null, id],
        [42, id],
        [name, id, 'extra'],
        [id, name],
      ].map((values) => Buffer.from(JSON.stringify(values)).toString('base64url'));
      tampered.push(`${real.slice(0, -2)}`, `${real}A`, `${real.slice(0, 5)}!${real.slice(6)}`);
      for (const cursor of tampered) {
        const response = await raw(
          JSON.stringify({
            query: 'query($c: String) { exercises(after: $c) { nodes { id } } }',
            variables: { c: cursor },
          }),
        );
        expect(serverErrorIn(response.status, response.text), cursor).toBeNull();
        expect(firstCode(response.text), cursor).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('ids', () => {
    const idSlots = roots.flatMap((root) =>
      slotsOf(root.field.args, new Set(['ID'])).map((slot) => ({ root, slot })),
    );

    it('refuses a malformed id in every ID argument, input field and list item with 400 BAD_USER_INPUT', async () => {
      expect(idSlots.length).toBeGreaterThan(40);
      const failures: string[] = [];
      const cases = idSlots.flatMap(({ root, slot }) => MALFORMED_IDS.map((id) => ({ root, slot, id })));
      await inParallel(cases, async ({ root, slot, id }) => {
        const response = await sendWith(root, slot.path, id, admin.token);
        const where = `${root.name}(${slot.path.join('.')}: ${JSON.stringify(id)})`;
        const failure = serverErrorIn(response.status, response.text, [String(id)]);
        if (failure) failures.push(`${where}: ${failure}`);
        else if (response.status !== 400 || firstCode(response.text) !== 'BAD_USER_INPUT')
          failures.push(`${where}: HTTP ${response.status} ${response.text.slice(0, 160)}`);
      });
      expect(failures).toEqual([]);
    }, 120_000);

    it('refuses a malformed id written inline, in a list or through a fragment', async () => {
      const uuid = '3f1c9a52-6a0e-4a8b-9c1d-2b7e4f8a9d10';
      for (const query of [
        'mutation { cancelSubscription(id: "------------------------------------") { id } }',
        '{ workoutPlan(id: 42) { id } }',
        `mutation { reorderLessons(courseId: "${uuid}", lessonIds: ["${uuid}", "{${uuid}}"]) { id } }`,
        `query { ...F } fragment F on Query { course(id: "ZZZZZZZZ-0000-0000-0000-000000000000") { id } }`,
        `query($id: ID = "not-a-uuid") { habit(id: $id) { id } }`,
      ]) {
        const response = await raw(JSON.stringify({ query }), { authorization: `Bearer ${client.token}` });
        expect(response.status, query).toBe(400);
        expect(firstCode(response.text), query).toBe('BAD_USER_INPUT');
      }
    });

    it('has every subgraph refuse a malformed id in an entity representation with 400 BAD_USER_INPUT', async () => {
      // A caller inside the network can send `_entities` to a subgraph directly, without the gateway.
      const failures: string[] = [];
      let checked = 0;
      for (const [name, url] of Object.entries(stack.subgraphUrls)) {
        const sdl = (await postGraphQL(url, { query: '{ _service { sdl } }' })).data._service.sdl as string;
        for (const definition of parse(sdl).definitions) {
          if (
            definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
            definition.kind !== Kind.OBJECT_TYPE_EXTENSION
          )
            continue;
          for (const key of definition.directives?.filter((d) => d.name.value === 'key') ?? []) {
            const argument = (field: string) => key.arguments?.find((a) => a.name.value === field)?.value;
            const resolvable = argument('resolvable');
            const fields = argument('fields');
            if (resolvable?.kind === Kind.BOOLEAN && !resolvable.value) continue;
            if (fields?.kind !== Kind.STRING || fields.value.includes('{')) continue;
            for (const id of MALFORMED_IDS) {
              const representation = {
                __typename: definition.name.value,
                ...Object.fromEntries(fields.value.split(' ').map((field) => [field, id])),
              };
              const response = await postGraphQL(url, {
                query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
                variables: { r: [representation] },
              });
              checked++;
              const code = response.errors?.[0]?.extensions?.code;
              if (response.status !== 400 || code !== 'BAD_USER_INPUT')
                failures.push(`${name} ${JSON.stringify(representation)}: HTTP ${response.status} ${code}`);
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
      expect(failures).toEqual([]);
    }, 60_000);

    it('takes an upper-case UUID as the id it is', async () => {
      const page = await stack.gql('{ exercises(first: 1) { nodes { id } } }', {}, { token: client.token });
      const id = page.data.exercises.nodes[0].id as string;
      const response = await stack.gql(
        'query($id: ID!) { exercise(id: $id) { id } }',
        { id: id.toUpperCase() },
        { token: client.token },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data.exercise.id).toBe(id);
    });
  });

  describe('text PostgreSQL cannot store', () => {
    const textSlotsOnly = roots.flatMap((root) =>
      slotsOf(root.field.args, new Set(['String'])).map((slot) => ({ root, slot })),
    );

    it('refuses a lone surrogate in every String argument, input field and list item with 400 BAD_USER_INPUT', async () => {
      const failures: string[] = [];
      const cases = textSlotsOnly.flatMap(({ root, slot }) =>
        LONE_SURROGATES.slice(0, 2).map((text) => ({ root, slot, text })),
      );
      await inParallel(cases, async ({ root, slot, text }) => {
        const response = await sendWith(root, slot.path, text, client.token);
        const where = `${root.name}(${slot.path.join('.')}: ${JSON.stringify(text)})`;
        const failure = serverErrorIn(response.status, response.text);
        if (failure) failures.push(`${where}: ${failure}`);
        else if (response.status !== 400 || firstCode(response.text) !== 'BAD_USER_INPUT')
          failures.push(`${where}: HTTP ${response.status} ${response.text.slice(0, 160)}`);
      });
      expect(failures).toEqual([]);
    }, 120_000);

    it('refuses a lone surrogate in a JSON value or key, however deep, and written inline', async () => {
      const event = (eventData: Record<string, unknown>) => ({
        clientEventId: '3f1c9a52-6a0e-4a8b-9c1d-2b7e4f8a9d10',
        eventType: 'screen_view',
        source: 'WEB',
        eventData,
      });
      for (const eventData of [{ screen: '\ud800' }, { '\udc00': 1 }, { a: { b: [{ c: 'x\ud83d' }] } }]) {
        const response = await raw(
          JSON.stringify({
            query: 'mutation($e: [AnalyticsEventInput!]!) { trackEvents(events: $e) { accepted } }',
            variables: { e: [event(eventData)] },
          }),
          { authorization: `Bearer ${client.token}` },
        );
        expect(response.status, JSON.stringify(eventData)).toBe(400);
        expect(firstCode(response.text)).toBe('BAD_USER_INPUT');
      }
      // Inline, graphql-js's parser refuses an escaped or raw lone surrogate in a string literal.
      for (const literal of ['"a\\ud800b"', `"a${'\ud800'}b"`, `"""a${'\udc00'}b"""`]) {
        const response = await raw(
          JSON.stringify({ query: `{ exercises(filter: { search: ${literal} }) { nodes { id } } }` }),
        );
        expect(response.status, literal).toBe(400);
        expect(firstCode(response.text)).toMatch(/GRAPHQL_PARSE_FAILED|BAD_USER_INPUT/);
      }
    });
  });

  describe('operation types', () => {
    it('refuses a subscription over HTTP with 400 (they run over WebSocket), over POST and GET', async () => {
      const cases = [
        ['subscription { me { id } }', 'GRAPHQL_VALIDATION_FAILED', 'Cannot query field'],
        ['subscription S { workoutSessionUpdated { id } }', 'BAD_REQUEST', 'run over WebSocket'],
      ] as const;
      for (const [query, code, message] of cases) {
        const post = await raw(JSON.stringify({ query }), { authorization: `Bearer ${user.token}` });
        expect(post.status, query).toBe(400);
        expect(firstCode(post.text)).toBe(code);
        expect(post.text).toContain(message);
        const get = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent(query)}`, {
          headers: { 'apollo-require-preflight': 'true' },
        });
        const text = await get.text();
        expect(get.status, query).toBeGreaterThanOrEqual(400);
        expect(get.status, query).toBeLessThan(500);
        expect(firstCode(text)).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_REQUEST/);
      }
      await expectStillServing();
    });

    it('has every subgraph refuse it over HTTP too, for a caller inside the network', async () => {
      for (const [name, url] of Object.entries(stack.subgraphUrls)) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'subscription { __typename }' }),
        });
        expect(response.status, name).toBe(400);
        // A subgraph with a Subscription type serves it over WebSocket only.
        expect(firstCode(await response.text()), name).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_REQUEST)$/);
      }
    });
  });

  describe('dates', () => {
    const dateSlots = roots.flatMap((root) =>
      slotsOf(root.field.args, new Set(['Date', 'DateTime'])).map((slot) => ({ root, slot })),
    );
    const outOfRange: Record<string, string[]> = {
      Date: ['0000-01-01', '0000-12-31'],
      DateTime: ['0000-06-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:30:00-01:00'],
    };

    it('refuses a date outside the years 1-9999 in every Date and DateTime argument with 400', async () => {
      expect(dateSlots.length).toBeGreaterThan(5);
      const failures: string[] = [];
      const cases = dateSlots.flatMap(({ root, slot }) =>
        (outOfRange[slot.scalar] ?? []).map((value) => ({ root, slot, value })),
      );
      await inParallel(cases, async ({ root, slot, value }) => {
        const response = await sendWith(root, slot.path, value, client.token);
        const where = `${root.name}(${slot.path.join('.')}: ${value})`;
        const failure = serverErrorIn(response.status, response.text, [value]);
        if (failure) failures.push(`${where}: ${failure}`);
        else if (response.status !== 400 || firstCode(response.text) !== 'BAD_USER_INPUT')
          failures.push(`${where}: HTTP ${response.status} ${response.text.slice(0, 160)}`);
      });
      expect(failures).toEqual([]);
    }, 60_000);

    it('refuses year 0 written inline as a validation error', async () => {
      const response = await raw(
        JSON.stringify({
          query: `mutation { createHealthGoal(input: { metricType: SLEEP, targetValue: 480, unit: "min",
            startDate: "0000-01-01" }) { id } }`,
        }),
        { authorization: `Bearer ${client.token}` },
      );
      expect(response.status).toBe(400);
      expect(firstCode(response.text)).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  it('never fails on the extremes of Int and Float in any argument', async () => {
    const numberSlots = roots.flatMap((root) =>
      slotsOf(root.field.args, new Set(['Int', 'Float'])).map((slot) => ({ root, slot })),
    );
    const failures: string[] = [];
    const cases = numberSlots.flatMap(({ root, slot }) =>
      (slot.scalar === 'Int' ? [2 ** 31 - 1, -(2 ** 31), 2 ** 31] : [1e308, -1e308, 5e-324, 2 ** 53 + 1]).map(
        (value) => ({ root, slot, value }),
      ),
    );
    await inParallel(cases, async ({ root, slot, value }) => {
      const response = await sendWith(root, slot.path, value, admin.token);
      const failure = serverErrorIn(response.status, response.text);
      if (failure) failures.push(`${root.name}(${slot.path.join('.')}: ${value}): ${failure}`);
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers every malformed request with a 4xx and a code', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: [string, string, Record<string, string>][] = [
      ['malformed JSON', '{"query": ', json],
      ['a JSON string', '"{ __typename }"', json],
      ['JSON null', 'null', json],
      ['an empty batch', '[]', json],
      ['no query', '{"variables": {}}', json],
      ['an empty document', '{"query": ""}', json],
      ['a blank document', '{"query": "   "}', json],
      ['only a comment', '{"query": "# nothing"}', json],
      ['only a fragment', '{"query": "fragment F on Query { __typename }"}', json],
      ['a query that is not a string', '{"query": 42}', json],
      [
        'an operationName that does not exist',
        '{"query": "query A { __typename }", "operationName": "B"}',
        json,
      ],
      ['an operationName that is not a string', '{"query": "{ __typename }", "operationName": 42}', json],
      ['variables that are not an object', '{"query": "{ __typename }", "variables": "x"}', json],
      [
        'an Int variable beyond 32 bits',
        JSON.stringify({
          query: 'query($n: Int) { exercises(first: $n) { nodes { id } } }',
          variables: { n: 2 ** 31 },
        }),
        json,
      ],
      [
        'an Int literal beyond 32 bits',
        JSON.stringify({ query: '{ exercises(first: 2147483648) { nodes { id } } }' }),
        json,
      ],
      [
        'a Float for an Int',
        JSON.stringify({
          query: 'query($n: Int) { exercises(first: $n) { nodes { id } } }',
          variables: { n: 1.5 },
        }),
        json,
      ],
      [
        'an enum value in the wrong case (variable)',
        JSON.stringify({
          query: 'query($d: Difficulty) { exercises(filter: { difficulty: $d }) { nodes { id } } }',
          variables: { d: 'beginner' },
        }),
        json,
      ],
      [
        'an enum value in the wrong case (inline)',
        JSON.stringify({ query: '{ exercises(filter: { difficulty: beginner }) { nodes { id } } }' }),
        json,
      ],
      ['a subscription', JSON.stringify({ query: 'subscription { __typename }' }), json],
      ['text/plain', JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' }],
      ['application/xml', '<query/>', { 'content-type': 'application/xml' }],
      ['application/graphql', '{ __typename }', { 'content-type': 'application/graphql' }],
      ['a form', 'query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['no content type', JSON.stringify({ query: '{ __typename }' }), {}],
    ];
    const failures: string[] = [];
    for (const [name, body, headers] of cases) {
      const response = await fetch(stack.gatewayUrl, { method: 'POST', headers, body });
      const text = await response.text();
      let code: string | null = null;
      try {
        code = firstCode(text);
      } catch {
        code = null;
      }
      if (response.status < 400 || response.status >= 500 || !code)
        failures.push(`${name}: HTTP ${response.status} ${text.slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
    await expectStillServing();
  });
});

describe('body limit', () => {
  const padded = (bytes: number) => {
    const head = '{"query":"{ __typename }","variables":{"pad":"';
    const tail = '"}}';
    return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
  };

  it(`accepts a body of exactly ${MAX_CLIENT_BODY_BYTES} bytes and refuses one byte more with 413`, async () => {
    const under = await raw(padded(MAX_CLIENT_BODY_BYTES));
    expect(under.status).toBe(200);
    expect(JSON.parse(under.text)).toEqual({ data: { __typename: 'Query' } });
    const over = await raw(padded(MAX_CLIENT_BODY_BYTES + 1));
    expect(over.status).toBe(413);
    expect(firstCode(over.text)).toBe('PAYLOAD_TOO_LARGE');
    await expectStillServing();
  });

  it('accepts the largest legitimate request: 5,000 health samples with the longest device names', async () => {
    const athlete = await stack.signUp();
    const now = stack.clock.now().getTime();
    const input = Array.from({ length: 5000 }, (_, i) => ({
      metricType: 'ACTIVE_MINUTES',
      value: 12345.67,
      unit: 'min',
      source: 'APPLE_HEALTH',
      sourceDevice: '漢'.repeat(100),
      recordedAt: new Date(now - (i + 1) * 60_000).toISOString(),
    }));
    const body = JSON.stringify({
      query:
        'mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { accepted errors { message } } }',
      variables: { input },
    });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 * 1024);
    const response = await raw(body, { authorization: `Bearer ${athlete.token}` });
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    expect(JSON.parse(response.text).data.recordHealthMetrics).toEqual({ accepted: 5000, errors: [] });
  }, 60_000);

  it('is the number SECURITY.md and README.md state', () => {
    const mib = MAX_CLIENT_BODY_BYTES / (1024 * 1024);
    const security = readFileSync(new URL('../SECURITY.md', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const [name, text] of [
      ['SECURITY.md', security],
      ['README.md', readme],
    ] as const) {
      const stated = [...text.matchAll(/body limit (?:is |of )?(\d+(?:\.\d+)?) (KiB|MiB)/gi)].map(
        ([, n, unit]) => (unit === 'KiB' ? Number(n) / 1024 : Number(n)),
      );
      expect(stated.length, `${name} states the body limit`).toBeGreaterThan(0);
      expect(new Set(stated), name).toEqual(new Set([mib]));
    }
  });
});

describe('production mode', () => {
  let production: TestStack;
  beforeAll(async () => {
    production = await startTestStack({
      env: productionEnv(),
    });
  });
  afterAll(async () => {
    await production?.stop();
  });

  it('refuses __type introspection too', async () => {
    const response = await production.gql('{ __type(name: "User") { fields { name } } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(response)).not.toContain('username');
  });

  it('suggests no field, argument or type name for any misspelling in the schema', async () => {
    const leaks: string[] = [];
    for (const root of roots) {
      const misspelt = `${root.name.slice(0, -1)}`;
      const args = root.field.args.map((a) => `${a.name.slice(0, -1)}: null`).join(', ');
      for (const query of [
        `${root.operation} { ${misspelt} { __typename } }`,
        `${root.operation} { ${root.name}${args ? `(${args})` : ''} { __typename } }`,
        `${root.operation} ($v: Strin) { ${root.name} { __typename } }`,
      ]) {
        const text = JSON.stringify(await production.gql(query));
        if (/Did you mean/i.test(text)) leaks.push(`${query}: ${text.slice(0, 200)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('suggests no input field name for a misspelt variable field', async () => {
    const response = await production.gql('query($i: SignInInput!) { signIn(input: $i) { __typename } }', {
      i: { logi: 'x', password: 'y' },
    });
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(response)).not.toMatch(/Did you mean/);
  });
});
