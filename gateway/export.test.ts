import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, signIdentity } from '../kit/identity-header.js';
import { createLogger } from '../kit/log.js';
import { exportQueries, exportRoute } from './export.js';

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
    const items = exportQueries(schema);
    const queries = items.map((item) => item.query);
    expect(queries[0]).toBe('query ExportMyData { me { id email } }');
    const all = queries.join('\n');
    expect(all).toContain('habits(after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } }');
    expect(all).toContain('trainer { id bio }');
    expect(all).toContain(
      'payments { __typename ... on CardPayment { id amount } ... on Refund { id reason } }',
    );
    // Fields that need arguments the export cannot invent are left out.
    expect(all).not.toContain('healthSeries');
    // No query walks back into User.
    expect(all).not.toMatch(/owner|user \{/);
    expect(queries).toHaveLength(4);
    // The connection is paged through to its end.
    const habits = items.find((item) => item.field === 'habits');
    expect(habits).toMatchObject({ paginated: true });
    expect(habits?.query).toContain('query ExportMyData($after: String) { me { habits(after: $after) {');
    expect(items.filter((item) => item.paginated)).toHaveLength(1);
  });

  it('is empty for a graph without User', () => {
    expect(exportQueries(buildSchema('type Query { ping: String }'))).toEqual([]);
  });
});

describe('exportRoute', () => {
  const secret = 'a-test-secret-of-at-least-32-characters!';
  const viewer = { userId: 'u1', sessionId: 's1', roles: ['USER' as const] };
  const request = (header: string | undefined) => ({
    method: 'POST',
    path: '/internal/export',
    headers: header ? { [IDENTITY_HEADER]: header } : {},
    body: Buffer.from('{}'),
    remoteAddress: '127.0.0.1',
  });

  it('pages a connection to its end and merges the parts', async () => {
    const calls: (Record<string, unknown> | undefined)[] = [];
    const route = exportRoute({
      apiSchema: schema,
      secret,
      log: createLogger({ level: 'silent' }),
      execute: async (query, _viewer, variables) => {
        if (!query.includes('habits')) return { data: { me: { id: 'u1', email: 'a@b.c' } }, errors: [] };
        calls.push(variables);
        const page = Number(variables?.after ?? 0);
        return {
          data: {
            me: {
              habits: {
                nodes: [{ id: `h${page}`, name: `habit ${page}` }],
                pageInfo: { hasNextPage: page < 2, endCursor: String(page + 1) },
              },
            },
          },
          errors: [],
        };
      },
    });
    const response = await route.handle(
      request(signIdentity({ viewer, service: 'identity', ip: null }, secret)),
    );
    const body = JSON.parse(response.body);
    expect(calls.map((c) => c?.after)).toEqual([null, '1', '2']);
    expect(body.data.me.id).toBe('u1');
    expect(body.data.me.habits.nodes.map((n: { id: string }) => n.id)).toEqual(['h0', 'h1', 'h2']);
    expect(body.data.me.habits.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses callers other than identity acting for a viewer', async () => {
    const route = exportRoute({
      apiSchema: schema,
      secret,
      log: createLogger({ level: 'silent' }),
      execute: async () => ({ data: null, errors: [] }),
    });
    expect((await route.handle(request(undefined))).status).toBe(403);
    const gateway = signIdentity({ viewer, service: 'gateway', ip: null }, secret);
    expect((await route.handle(request(gateway))).status).toBe(403);
    const noViewer = signIdentity({ viewer: null, service: 'identity', ip: null }, secret);
    expect((await route.handle(request(noViewer))).status).toBe(403);
    const forged = signIdentity(
      { viewer, service: 'identity', ip: null },
      'another-secret-of-at-least-32-characters',
    );
    expect((await route.handle(request(forged))).status).toBe(403);
  });
});
