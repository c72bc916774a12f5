import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, signIdentity } from '../kit/identity-header.js';
import { postGraphQL, productionEnv, startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * What production keeps off the public surface: metrics (operation names, error counts, pool
 * sizes) only for the bearer of METRICS_TOKEN, a subgraph's full SDL (`_service`, internal
 * fields included) only for the gateway's signed service identity, and no dev mailbox.
 */
const METRICS_TOKEN = randomBytes(32).toString('base64url');
let production: TestStack;
beforeAll(async () => {
  production = await startTestStack({ env: productionEnv({ METRICS_TOKEN }) });
});
afterAll(async () => {
  await production?.stop();
});

const metricsUrls = () => [
  production.gatewayUrl.replace('/graphql', '/metrics'),
  ...Object.values(production.subgraphUrls).map((url) => url.replace('/graphql', '/metrics')),
];

describe('GET /metrics in production', () => {
  it('is refused without the metrics token, or with another one', async () => {
    await production.gql('query MetricsProbe { me { id } }');
    for (const url of metricsUrls()) {
      for (const authorization of [
        undefined,
        `Bearer ${randomBytes(32).toString('base64url')}`,
        METRICS_TOKEN,
      ]) {
        const response = await fetch(url, { headers: authorization ? { authorization } : {} });
        const text = await response.text();
        expect(response.status, `${url} with ${authorization ?? 'nothing'}`).toBe(401);
        expect(text).not.toMatch(/graphql_|db_statements|process_/);
      }
    }
  });

  it('answers the bearer of the metrics token', async () => {
    for (const url of metricsUrls()) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status, url).toBe(200);
      expect(await response.text()).toMatch(/graphql_operation_duration_seconds/);
    }
  });
});

describe('_service on a subgraph in production', () => {
  const secret = () => production.runtime.identitySecret;
  const viewer = {
    userId: '00000000-0000-4000-8000-000000000001',
    sessionId: 's',
    roles: ['ADMIN' as const],
  };

  it('is refused without the gateway service identity: none, a viewer, a forged or an expired one', async () => {
    const headers = [
      {},
      { [IDENTITY_HEADER]: signIdentity({ viewer, service: null, ip: null }, secret()) },
      { [IDENTITY_HEADER]: signIdentity({ viewer: null, service: 'gateway', ip: null }, `${secret()}x`) },
      {
        [IDENTITY_HEADER]: signIdentity({ viewer: null, service: 'gateway', ip: null }, secret(), {
          now: new Date(Date.now() - 120_000),
        }),
      },
    ];
    for (const [name, url] of Object.entries(production.subgraphUrls)) {
      for (const header of headers) {
        const response = await postGraphQL(url, { query: '{ _service { sdl } }' }, header);
        expect(response.data?._service ?? null, name).toBeNull();
        expect(response.errors?.[0]?.extensions?.code, name).toBe('FORBIDDEN');
        expect(JSON.stringify(response)).not.toContain('@key');
      }
    }
  });

  it('answers the gateway', async () => {
    const header = {
      [IDENTITY_HEADER]: signIdentity({ viewer: null, service: 'gateway', ip: null }, secret()),
    };
    for (const [name, url] of Object.entries(production.subgraphUrls)) {
      const response = await postGraphQL(url, { query: '{ _service { sdl } }' }, header);
      expect(response.data?._service?.sdl, name).toContain('type Query');
    }
    // And the gateway itself still serves the graph (it plans from the committed supergraph).
    const me = await production.gql('{ me { id } }');
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({ me: null });
  });
});

describe('the dev mailbox in production', () => {
  it('does not exist', async () => {
    const response = await fetch(production.subgraphUrls.identity.replace('/graphql', '/dev/mailbox'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'someone@example.com' }),
    });
    expect(response.status).toBe(404);
  });
});
