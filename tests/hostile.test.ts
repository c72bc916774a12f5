import { request as httpRequest } from 'node:http';
import { getNamedType, isScalarType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  argsWith,
  loadApiSchema,
  operationFor,
  rootFields,
  SQL_INJECTIONS,
  SQL_TEXT,
  STACK_TRACE,
  slotsOf,
  withoutEcho,
} from '../testkit/operations.js';
import {
  type GraphQLResponse,
  productionEnv,
  startTestStack,
  type TestStack,
  type TestUser,
} from '../testkit/stack.js';

/**
 * Hostile clients against the gateway: query bombs, huge inputs, HTTP tricks, and injection strings
 * in every text argument the public schema has (found from schema/api.graphql, so each subgraph
 * composed into it is covered). Depth and alias bombs, array batching, the body limit on a declared
 * length and production introspection by __schema are in gateway.test.ts.
 */
const schema = loadApiSchema();
const roots = rootFields(schema);

let stack: TestStack;
let user: TestUser;
beforeAll(async () => {
  stack = await startTestStack();
  user = await stack.signUp();
});
afterAll(async () => {
  await stack?.stop();
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
          recordedDate: "2026-01-01T00:00:00Z" }]) { accepted } }`,
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
        while (sent < 2 * 1024 * 1024) {
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
