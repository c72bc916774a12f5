import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isInterfaceType, isObjectType, isUnionType, parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_INTERFACE, problemCode } from '../kit/problems.js';
import { SUBGRAPH_NAMES, sdlPath } from '../schema/subgraphs.js';
import { loadApiSchema } from '../testkit/operations.js';
import { DEFAULT_PASSWORD, startTestStack, type TestStack } from '../testkit/stack.js';
import { gqlAs, signUpTrainer } from '../testkit/trainer.js';

/**
 * The Problem convention (docs/errors.md, "Typed outcomes"): every error outcome of a mutation's
 * union implements Problem, the page lists each with its code, and the gateway answers them.
 */
const root = new URL('..', import.meta.url).pathname;
const page = readFileSync(`${root}docs/errors.md`, 'utf8');
const ITEMS_HEADING = '### Refused items of a batch';
const section = page.slice(page.indexOf('## Typed outcomes'), page.indexOf(ITEMS_HEADING));
const itemsSection = page.slice(page.indexOf(ITEMS_HEADING));
const rowsOf = (text: string) =>
  new Map(
    [...text.matchAll(/^\| `([A-Za-z]+)` +\| `([A-Z_]+)` +\| (\w+) +\|/gm)].map((m) => [
      m[1]!,
      { code: m[2]!, subgraph: m[3]! },
    ]),
  );
/** Outcomes of a mutation's union, each with its type's name as code. */
const documented = rowsOf(section);
/** Refused items of a batch (docs/errors.md, "Refused items of a batch"), each with an ErrorCode. */
const documentedItems = rowsOf(itemsSection);
const catalogue = new Set(
  [...page.slice(0, page.indexOf('## Typed outcomes')).matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]!),
);
/** The union members the page names as not problems: successes and next steps. */
const notProblems = new Set(
  [
    ...(section.match(/A union member is \*\*not\*\* a problem[\s\S]*?\n\n/)?.[0] ?? '').matchAll(/`(\w+)`/g),
  ].map((m) => m[1]!),
);

const api = loadApiSchema();
const problem = api.getType(PROBLEM_INTERFACE);
const implementers = isInterfaceType(problem) ? api.getPossibleTypes(problem).map((type) => type.name) : [];
const unionMembers = new Set(
  Object.values(api.getTypeMap())
    .filter(isUnionType)
    .flatMap((union) => union.getTypes().map((type) => type.name)),
);

describe('Problem in the schema and in docs/errors.md', () => {
  it('the page lists outcomes, and names the successes and next steps', () => {
    expect(documented.size).toBeGreaterThanOrEqual(16);
    expect(notProblems).toContain('AuthSuccess');
    expect(notProblems).toContain('PaymentActionRequired');
    expect(isInterfaceType(problem)).toBe(true);
  });

  it('every outcome the page lists implements Problem, and is a union member', () => {
    for (const name of documented.keys()) {
      expect(implementers, name).toContain(name);
      expect(unionMembers.has(name), name).toBe(true);
    }
  });

  it('every type implementing Problem is listed with the code the kit gives it, in its subgraph', () => {
    for (const name of implementers.filter((type) => !documentedItems.has(type))) {
      const row = documented.get(name);
      expect(row, `${name} is missing from docs/errors.md#typed-outcomes`).toBeDefined();
      expect(row?.code, name).toBe(problemCode(name));
      const sdl = readFileSync(`${root}subgraphs/${row?.subgraph}/schema.graphql`, 'utf8');
      expect(sdl, `${name} in ${row?.subgraph}`).toMatch(
        new RegExp(`^type ${name} implements Problem \\{`, 'm'),
      );
    }
  });

  it('refused items of a batch are Problems with an index, an argument path and a catalogued code', () => {
    expect([...documentedItems.keys()].sort()).toEqual([
      'AnalyticsEventInputError',
      'DeviceHealthSampleError',
      'HealthMetricInputError',
    ]);
    for (const [name, row] of documentedItems) {
      expect(implementers, name).toContain(name);
      expect(documented.has(name), `${name} is listed once, as an item`).toBe(false);
      expect(catalogue, `${name}'s code ${row.code} is in the error catalogue`).toContain(row.code);
      const type = api.getType(name);
      // Every item has these; one may add a `reason` enum where its code alone is not enough.
      expect(isObjectType(type) && Object.keys(type.getFields()).sort(), name).toEqual(
        expect.arrayContaining(['code', 'field', 'index', 'message']),
      );
      const extra = isObjectType(type)
        ? Object.keys(type.getFields()).filter((f) => !['code', 'field', 'index', 'message'].includes(f))
        : [];
      expect(extra, name).toEqual(extra.length ? ['reason'] : []);
      const sdl = readFileSync(`${root}subgraphs/${row.subgraph}/schema.graphql`, 'utf8');
      expect(sdl, `${name} in ${row.subgraph}`).toMatch(
        new RegExp(`^type ${name} implements Problem \\{`, 'm'),
      );
    }
  });

  it('every union member is either a Problem or named on the page as a success or next step', () => {
    const unclassified = [...unionMembers].filter(
      (name) => !implementers.includes(name) && !notProblems.has(name) && isObjectType(api.getType(name)),
    );
    expect(unclassified).toEqual([]);
    for (const name of notProblems) expect(implementers, name).not.toContain(name);
  });

  it('is declared identically in every subgraph that declares it', () => {
    const declarations = SUBGRAPH_NAMES.flatMap((name) =>
      parse(readFileSync(sdlPath(name), 'utf8'))
        .definitions.filter((d) => 'name' in d && d.name?.value === PROBLEM_INTERFACE)
        .map((d) => print(d)),
    );
    expect(declarations.length).toBeGreaterThanOrEqual(5);
    expect(new Set(declarations).size).toBe(1);
  });
});

const OUTCOME = `__typename ... on Problem { code message }`;

describe('Problem through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('signUp with a taken email answers EMAIL_TAKEN', async () => {
    const user = await stack.signUp();
    const result = await stack.gql(
      `mutation($input: SignUpInput!) { signUp(input: $input) { ${OUTCOME} } }`,
      {
        input: {
          email: user.email,
          username: `other${randomUUID().slice(0, 8)}`,
          password: DEFAULT_PASSWORD,
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.signUp).toEqual({
      __typename: 'EmailTaken',
      code: 'EMAIL_TAKEN',
      message: 'Another account already uses this email.',
    });
  });

  it('a refused item of a batch answers BAD_USER_INPUT at its argument path, and the rest is stored', async () => {
    const user = await stack.signUp();
    const samples = await stack.gql(
      `mutation($input: [HealthMetricInput!]!) {
        recordHealthMetrics(input: $input) { accepted errors { __typename ... on Problem { code message } index field } }
      }`,
      {
        input: [
          { metricType: 'STEPS', value: 10, recordedAt: new Date(Date.now() - 60_000).toISOString() },
          { metricType: 'STEPS', value: -1, recordedAt: new Date(Date.now() - 120_000).toISOString() },
        ],
      },
      { token: user.token },
    );
    expect(samples.errors).toBeUndefined();
    expect(samples.data.recordHealthMetrics).toEqual({
      accepted: 1,
      errors: [
        {
          __typename: 'HealthMetricInputError',
          code: 'BAD_USER_INPUT',
          message: expect.stringMatching(/\w/),
          index: 1,
          field: 'input.1.value',
        },
      ],
    });
    const events = await stack.gql(
      `mutation($events: [AnalyticsEventInput!]!) {
        trackEvents(events: $events) { accepted errors { __typename ... on Problem { code message } index field } }
      }`,
      {
        events: [
          { clientEventId: randomUUID(), eventType: 'login', source: 'WEB' },
          { clientEventId: randomUUID(), eventType: 'screen_view', source: 'WEB' },
        ],
      },
      { token: user.token },
    );
    expect(events.errors).toBeUndefined();
    expect(events.data.trackEvents).toEqual({
      accepted: 1,
      errors: [
        {
          __typename: 'AnalyticsEventInputError',
          code: 'BAD_USER_INPUT',
          message: 'eventType login is recorded by the server only.',
          index: 0,
          field: 'events.0.eventType',
        },
      ],
    });
  });

  it('signIn with a wrong password answers INVALID_CREDENTIALS', async () => {
    const user = await stack.signUp();
    const result = await stack.gql(
      `mutation($input: SignInInput!) { signIn(input: $input) { ${OUTCOME} } }`,
      {
        input: { login: user.email, password: 'not-the-password-at-all' },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.signIn).toMatchObject({
      __typename: 'InvalidCredentials',
      code: 'INVALID_CREDENTIALS',
    });
    expect(result.data.signIn.message).toMatch(/\w/);
  });

  it('subscribe to a plan that does not exist answers PLAN_UNAVAILABLE', async () => {
    const user = await stack.signUp();
    const result = await stack.gql(
      `mutation($planId: ID!, $pm: PaymentMethodInput!) { subscribe(planId: $planId, paymentMethod: $pm) { ${OUTCOME} } }`,
      { planId: randomUUID(), pm: { gateway: 'TEST', token: 'test_success' } },
      { token: user.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.subscribe).toMatchObject({ __typename: 'PlanUnavailable', code: 'PLAN_UNAVAILABLE' });
    expect(result.data.subscribe.message).toMatch(/\w/);
  });

  it('enrollInCourse on a paid course answers PURCHASE_REQUIRED, and an enrolment has no code', async () => {
    const trainer = await signUpTrainer(stack);
    const item = await gqlAs(
      stack,
      trainer,
      `mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }`,
      {
        input: { type: 'VIDEO', title: 'Kettlebell swing', contentUrl: 'https://cdn.example.com/swing.mp4' },
      },
    );
    const itemId = item.data.createContentItem.id;
    await gqlAs(stack, trainer, `mutation($id: ID!) { publishContentItem(id: $id) { id } }`, { id: itemId });
    const courses: Record<string, string> = {};
    for (const priceCents of [4900, 0]) {
      const course = await gqlAs(
        stack,
        trainer,
        `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
        { input: { name: `Kettlebells ${priceCents}`, priceCents } },
      );
      const id = course.data.createCourse.id;
      await gqlAs(
        stack,
        trainer,
        `mutation($courseId: ID!, $input: AddLessonInput!) { addLesson(courseId: $courseId, input: $input) { id } }`,
        { courseId: id, input: { title: 'The swing', durationMinutes: 20, contentItemIds: [itemId] } },
      );
      await gqlAs(stack, trainer, `mutation($id: ID!) { publishCourse(id: $id) { id } }`, { id });
      courses[priceCents > 0 ? 'paid' : 'free'] = id;
    }
    const member = await stack.signUp();
    const enroll = (courseId: string | undefined) =>
      stack.gql(
        `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { ${OUTCOME} } }`,
        { courseId },
        {
          token: member.token,
        },
      );
    const paid = await enroll(courses.paid);
    expect(paid.errors).toBeUndefined();
    expect(paid.data.enrollInCourse).toMatchObject({
      __typename: 'PurchaseRequired',
      code: 'PURCHASE_REQUIRED',
    });
    expect(paid.data.enrollInCourse.message).toMatch(/\w/);
    const free = await enroll(courses.free);
    expect(free.data.enrollInCourse).toEqual({ __typename: 'Enrollment' });
  });
});
