import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { itemProblems, problemCode, problemTypeNames, withProblemResolvers } from './problems.js';

const typeDefs = parse(`
  interface Problem {
    message: String!
    code: String!
  }
  type EmailTaken implements Problem {
    message: String!
    code: String!
  }
  type OAuthEmailInUse implements Problem {
    message: String!
    code: String!
  }
  type Custom implements Problem {
    message: String!
    code: String!
  }
  type Done {
    ok: Boolean!
  }
  union Outcome = Done | EmailTaken | OAuthEmailInUse | Custom
  type Query {
    outcome(kind: String!): Outcome!
  }
`);

const answers: Record<string, unknown> = {
  taken: { __typename: 'EmailTaken', message: 'Another account already uses this email.' },
  oauth: { __typename: 'OAuthEmailInUse', message: 'Sign in to that account first.' },
  custom: { __typename: 'Custom', message: 'ignored' },
  silent: { __typename: 'EmailTaken' },
  blank: { __typename: 'EmailTaken', message: '  ' },
  done: { __typename: 'Done', ok: true },
};

const schema = buildSubgraphSchema([
  {
    typeDefs,
    resolvers: withProblemResolvers(typeDefs, {
      Query: { outcome: (_: unknown, { kind }: { kind: string }) => answers[kind] },
      Custom: { code: () => 'MY_OWN_CODE', message: () => 'A message of its own.' },
    }) as any,
  },
]);

const ask = (kind: string) =>
  graphql({
    schema,
    source: `query($kind: String!) { outcome(kind: $kind) { __typename ... on Problem { code message } ... on Done { ok } } }`,
    variableValues: { kind },
  });

describe('problemCode', () => {
  it('spells a type name in SCREAMING_SNAKE, a leading acronym as one word', () => {
    expect(problemCode('EmailTaken')).toBe('EMAIL_TAKEN');
    expect(problemCode('InvalidTwoFactorCode')).toBe('INVALID_TWO_FACTOR_CODE');
    expect(problemCode('OAuthEmailInUse')).toBe('OAUTH_EMAIL_IN_USE');
    expect(problemCode('PlanUnavailable')).toBe('PLAN_UNAVAILABLE');
  });
});

describe('withProblemResolvers', () => {
  it('finds the types that implement Problem, and only those', () => {
    expect(problemTypeNames(typeDefs)).toEqual(['EmailTaken', 'OAuthEmailInUse', 'Custom']);
  });

  it('answers code from the type name, with the message the outcome carries', async () => {
    expect((await ask('taken')).data?.outcome).toEqual({
      __typename: 'EmailTaken',
      code: 'EMAIL_TAKEN',
      message: 'Another account already uses this email.',
    });
    expect((await ask('oauth')).data?.outcome).toMatchObject({ code: 'OAUTH_EMAIL_IN_USE' });
    expect((await ask('done')).data?.outcome).toEqual({ __typename: 'Done', ok: true });
  });

  it("keeps a subgraph's own code and message resolvers", async () => {
    expect((await ask('custom')).data?.outcome).toEqual({
      __typename: 'Custom',
      code: 'MY_OWN_CODE',
      message: 'A message of its own.',
    });
  });

  it('fails loudly, never with a made-up message, when an outcome has none', async () => {
    for (const kind of ['silent', 'blank']) {
      const result = await ask(kind);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.message).toMatch(/EmailTaken was resolved without a message/);
    }
  });
});

describe('itemProblems', () => {
  const itemTypeDefs = parse(`
    interface Problem {
      message: String!
      code: String!
    }
    type SampleError implements Problem {
      message: String!
      code: String!
      index: Int!
      field: String!
    }
    type Query {
      refused: [SampleError!]!
    }
  `);
  const itemSchema = buildSubgraphSchema([
    {
      typeDefs: itemTypeDefs,
      resolvers: withProblemResolvers(itemTypeDefs, {
        Query: {
          refused: () =>
            itemProblems('input', [
              { index: 3, field: 'value', message: 'The value must be between 0 and 10.' },
              { index: 4, field: '', message: 'The sample is refused.' },
            ]),
        },
      }) as any,
    },
  ]);

  it('answers the ErrorCode and the full argument path of each refused item', async () => {
    const result = await graphql({
      schema: itemSchema,
      source: '{ refused { __typename ... on Problem { code message } index field } }',
    });
    expect(result.data?.refused).toEqual([
      {
        __typename: 'SampleError',
        code: 'BAD_USER_INPUT',
        message: 'The value must be between 0 and 10.',
        index: 3,
        field: 'input.3.value',
      },
      {
        __typename: 'SampleError',
        code: 'BAD_USER_INPUT',
        message: 'The sample is refused.',
        index: 4,
        field: 'input.4',
      },
    ]);
  });
});
