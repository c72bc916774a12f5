import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exportQueries } from './export.js';

const schema = buildSchema(`
  type Query { me: User }
  type User {
    id: ID!
    email: String
    habits(first: Int = 20, after: String): HabitConnection!
    healthSeries(metric: String!, from: String!): [Float!]!
    trainer: Trainer
    payments: [Payment!]
  }
  type HabitConnection { nodes: [Habit!]! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Habit { id: ID! name: String! owner: User! }
  type Trainer { id: ID! bio: String user: User }
  union Payment = CardPayment | Refund
  type CardPayment { id: ID! amount: Int! }
  type Refund { id: ID! reason: String }
`);

describe('exportQueries', () => {
  it('selects every User field without required arguments, following objects and cutting cycles', () => {
    const queries = exportQueries(schema);
    expect(queries[0]).toBe('query ExportMyData { me { id email } }');
    const all = queries.join('\n');
    expect(all).toContain('habits { nodes { id name } pageInfo { hasNextPage endCursor } }');
    expect(all).toContain('trainer { id bio }');
    expect(all).toContain(
      'payments { __typename ... on CardPayment { id amount } ... on Refund { id reason } }',
    );
    // Fields that need arguments the export cannot invent are left out.
    expect(all).not.toContain('healthSeries');
    // No query walks back into User.
    expect(all).not.toMatch(/owner|user \{/);
    expect(queries).toHaveLength(4);
  });

  it('is empty for a graph without User', () => {
    expect(exportQueries(buildSchema('type Query { ping: String }'))).toEqual([]);
  });
});
