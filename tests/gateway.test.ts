import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLIENT_BODY_BYTES } from '../kit/http-server.js';
import { MeDocument, SignInDocument } from '../clients/typescript/src/generated/graphql.js';
import { isUuid } from '../kit/ids.js';
import {
  DEFAULT_PASSWORD,
  postGraphQL,
  productionEnv,
  startTestStack,
  type TestStack,
} from '../testkit/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const base = () => stack.gatewayUrl.replace(/\/graphql$/, '');

describe('typed client documents', () => {
  it('runs a generated typed document against the gateway', async () => {
    const user = await stack.signUp();
    const signIn = await stack.gql(SignInDocument, {
      input: { login: user.username, password: DEFAULT_PASSWORD },
    });
    expect(signIn.data?.signIn.__typename).toBe('AuthSuccess');
    const token = signIn.data?.signIn.__typename === 'AuthSuccess' ? signIn.data.signIn.token : null;
    const me = await stack.gql(MeDocument, {}, { token });
    expect(me.data?.me?.id).toBe(user.id);
  });
});

describe('operational endpoints', () => {
  it('GET /health answers while alive', async () => {
    const response = await fetch(`${base()}/health`);
    expect(response.status).toBe(200);
  });

  it('GET /ready checks every subgraph', async () => {
    const response = await fetch(`${base()}/ready`);
    const body = (await response.json()) as { subgraphs: Record<string, boolean> };
    expect(response.status).toBe(200);
    expect(Object.keys(body.subgraphs)).toEqual(Object.keys(stack.subgraphUrls));
    expect(Object.values(body.subgraphs).every(Boolean)).toBe(true);
  });

  it('GET /metrics exposes operations, errors by code and subgraph fetches', async () => {
    await stack.gql('query MetricsProbe { me { id } }');
    await stack.gql('mutation { signOutEverywhere }');
    const text = await (await fetch(`${base()}/metrics`)).text();
    expect(text).toMatch(/graphql_operation_duration_seconds_count\{[^}]*operation="MetricsProbe"/);
    expect(text).toMatch(/graphql_errors_total\{[^}]*code="UNAUTHENTICATED"/);
    expect(text).toMatch(/gateway_subgraph_fetch_duration_seconds_count\{[^}]*subgraph="identity"/);
    const subgraphMetrics = await (
      await fetch(stack.subgraphUrls.identity.replace('/graphql', '/metrics'))
    ).text();
    expect(subgraphMetrics).toMatch(/db_statements_total\{[^}]*\} \d+/);
    expect(subgraphMetrics).toMatch(/db_pool_max_connections/);
  });

  it('returns the request id it was given, or a new one', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-123' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-me-123');
    const other = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(isUuid(other.headers.get('x-request-id'))).toBe(true);
  });
});

describe('hostile requests', () => {
  it('refuses a query deeper than the limit', async () => {
    expect((await stack.gql('{ me { id } }')).errors).toBeUndefined();
    let nested = 'id';
    for (let i = 0; i < 20; i++)
      nested = `__type(name: "User") { fields { type { ofType { name } } } } x${i}: me { ${nested} }`;
    const bomb = await stack.gql(`{ me { ${nested} } }`);
    expect(bomb.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: me { id }`).join(' ');
    const result = await stack.gql(`{ ${aliases} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses HTTP batching', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(MAX_CLIENT_BODY_BYTES + 512 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    expect((await fetch(`${base()}/health`)).status).toBe(200);
  });

  it('refuses malformed JSON with 400 and no stack', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('prevents CSRF: a GET query without a preflight-forcing header is refused', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}`);
    expect(response.status).toBe(400);
    const allowed = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });

  it('answers a persisted-query hash it has not seen with PERSISTED_QUERY_NOT_FOUND, then serves it', async () => {
    const query = '{ me { id } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = await postGraphQL(stack.gatewayUrl, { extensions });
    expect(miss.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await postGraphQL(stack.gatewayUrl, { query, extensions });
    const hit = await postGraphQL(stack.gatewayUrl, { extensions });
    expect(hit.errors).toBeUndefined();
    expect(hit.data).toEqual({ me: null });
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

  it('turns off introspection and field suggestions', async () => {
    const introspection = await production.gql('{ __schema { types { name } } }');
    expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await production.gql('{ mee { id } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const dev = await stack.gql('{ mee { id } }');
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean "me"/);
  });
});
