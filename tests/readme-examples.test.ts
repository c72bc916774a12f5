import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, isInterfaceType, Kind, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../stack/demo/api.js';
import { DEMO_USERS, seedDemo } from '../stack/seed.js';
import { startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * Every GraphQL example in README.md and docs/ is a complete operation, and this file runs each
 * one through the gateway against the demo data, in the order the documents show them, so the
 * guide cannot drift from the API. A block's leading comment lines say how to run it:
 *
 *   # as: demo_athlete             who sends it: anonymous (the default), a demo account, or
 *                                  new_user (an account signed up for this example)
 *   # variables: { ... }           the variables, as JSON; a string "<...>" names a value of the
 *                                  demo data (PLACEHOLDERS below), since ids differ per database
 *   # trigger: StartWorkout        (subscriptions) the example whose run makes an event arrive:
 *                                  the subscription runs over graphql-ws until its first result
 */
const ROOT = new URL('../', import.meta.url);
const DOCUMENTS = [
  'README.md',
  ...readdirSync(new URL('docs/', ROOT))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const SENDERS = ['anonymous', 'new_user', ...DEMO_USERS.map((user) => user.username)] as const;

interface Example {
  file: string;
  line: number;
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  as: string;
  trigger?: string;
  variables: Record<string, unknown>;
  source: string;
}

/** The ```graphql blocks of a Markdown text, each read as one example. */
function examplesIn(file: string, markdown: string): Example[] {
  const found: Example[] = [];
  const fence = /^```graphql\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    const source = match[1]!;
    const line = markdown.slice(0, match.index).split('\n').length;
    const where = `${file}:${line}`;
    const header = Object.fromEntries(
      [...source.matchAll(/^# (as|variables|trigger): (.*)$/gm)].map(([, key, value]) => [key, value!]),
    );
    const operations = parse(source).definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (operations.length !== 1) throw new Error(`${where}: a block holds exactly one operation`);
    const operation = operations[0]!;
    const name = operation.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined;
    if (!name || operation.kind !== Kind.OPERATION_DEFINITION)
      throw new Error(`${where}: the operation needs a name`);
    if (operation.operation === 'subscription' && !header.trigger) {
      throw new Error(`${where}: a subscription names the example that triggers its event (# trigger:)`);
    }
    const as = header.as ?? 'anonymous';
    if (!(SENDERS as readonly string[]).includes(as)) throw new Error(`${where}: unknown sender ${as}`);
    found.push({
      file,
      line,
      name,
      kind: operation.operation,
      as,
      trigger: header.trigger,
      variables: JSON.parse(header.variables ?? '{}'),
      source,
    });
  }
  return found;
}

const schema = buildSchema(readFileSync(new URL('schema/api.graphql', ROOT), 'utf8'));
const problem = schema.getType('Problem');
const PROBLEMS = new Set(
  problem && isInterfaceType(problem)
    ? schema.getImplementations(problem).objects.map((type) => type.name)
    : [],
);
const examples = DOCUMENTS.flatMap((file) => examplesIn(file, readFileSync(new URL(file, ROOT), 'utf8')));

let stack: TestStack;
const tokens = new Map<string, string>();
const placeholders = new Map<string, string>();

/** Replaces each "<...>" string in the variables by the demo value it names. */
function resolve(value: unknown, where: string): unknown {
  if (typeof value === 'string' && /^<.*>$/.test(value)) {
    const resolved = placeholders.get(value);
    if (resolved === undefined) throw new Error(`${where}: no demo value for ${value}`);
    return resolved;
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, where));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, where)]));
  }
  return value;
}

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo(stack.runtime, stack.gatewayUrl);
  for (const user of DEMO_USERS) tokens.set(user.username, await signIn(stack.gatewayUrl, user));
  const demo = await stack.gql(`{ subscriptionPlans { nodes { id name } } courses { nodes { id name } } }`);
  const athlete = await stack.gql(
    `{ me { habits { nodes { id name } } } }`,
    {},
    { token: tokens.get('demo_athlete') },
  );
  expect(demo.errors ?? athlete.errors).toBeUndefined();
  const plan = demo.data.subscriptionPlans.nodes.find((p: { name: string }) => p.name === 'Basic');
  placeholders.set('<the Basic plan>', plan.id);
  placeholders.set('<the demo course>', demo.data.courses.nodes[0].id);
  placeholders.set('<a habit of the athlete>', athlete.data.me.habits.nodes[0].id);
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

/** Subscribes over graphql-ws, runs the trigger example, and waits for the event's result. */
async function runSubscription(
  example: Example,
  token: string | undefined,
  variables: Record<string, unknown>,
) {
  const trigger = examples.find((other) => other.name === example.trigger);
  if (!trigger) throw new Error(`${example.file}:${example.line}: no example named ${example.trigger}`);
  const connection = stack.subscriptions({ token });
  await connection.connected;
  try {
    const subscription = connection.subscribe(example.source, variables);
    await stack.listening(1);
    const triggered = await stack.gql(trigger.source, resolve(trigger.variables, trigger.name) as never, {
      token: tokens.get(trigger.as) ?? null,
    });
    expect(triggered.errors).toBeUndefined();
    await stack.flushEvents();
    const [result] = await subscription.waitFor(1);
    expect(result!.errors, JSON.stringify(result!.errors)).toBeUndefined();
    for (const [field, value] of Object.entries(result!.data ?? {})) {
      expect(value, `${example.name}: ${field} is null`).not.toBeNull();
    }
  } finally {
    await connection.close();
  }
}

describe('the examples in README.md and docs/', () => {
  it('are found: the guide shows an operation for each part of the API', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    const names = examples.map((example) => example.name);
    expect(new Set(names).size, 'operation names are unique').toBe(names.length);
  });

  for (const example of examples) {
    it(`${example.file}:${example.line} ${example.name} (as ${example.as})`, async () => {
      const document = parse(example.source);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      let token = tokens.get(example.as);
      if (example.as === 'new_user') token = (await stack.signUp()).token;
      const variables = resolve(example.variables, `${example.file}:${example.line}`) as Record<
        string,
        unknown
      >;
      if (example.kind === 'subscription') {
        await runSubscription(example, token, variables);
        return;
      }
      const response = await stack.gql(example.source, variables, { token: token ?? null });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      for (const [field, value] of Object.entries(response.data ?? {})) {
        expect(value, `${example.name}: ${field} is null`).not.toBeNull();
      }
      // A typed result that refuses what the example asks (EmailTaken, PlanUnavailable) would show
      // the reader an example that does not work.
      const typenames = [...JSON.stringify(response.data).matchAll(/"__typename":"(\w+)"/g)].map(
        ([, name]) => name,
      );
      expect(typenames.filter((name) => PROBLEMS.has(name!))).toEqual([]);
    });
  }
});

describe('reading examples', () => {
  it('takes the sender and variables from the block and refuses unnamed or double operations', () => {
    const markdown = [
      '```graphql',
      '# as: demo_athlete',
      '# variables: {"first": 2}',
      'query Page($first: Int) { exercises(first: $first) { nodes { name } } }',
      '```',
    ].join('\n');
    expect(examplesIn('x.md', markdown)).toMatchObject([
      { line: 1, name: 'Page', as: 'demo_athlete', variables: { first: 2 } },
    ]);
    expect(() => examplesIn('x.md', '```graphql\nquery { me { id } }\n```')).toThrow(/name/);
    expect(() => examplesIn('x.md', '```graphql\nquery A { me { id } }\nquery B { me { id } }\n```')).toThrow(
      /exactly one/,
    );
    expect(() => examplesIn('x.md', '```graphql\n# as: root\nquery A { me { id } }\n```')).toThrow(/sender/);
    expect(() =>
      examplesIn('x.md', '```graphql\nsubscription S { mySubscriptionUpdated { id } }\n```'),
    ).toThrow(/trigger/);
  });
});
