import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, signIdentity, verifyIdentity } from '../kit/identity-header.js';
import { postGraphQL, startTestStack, type TestStack } from '../testkit/stack.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const viewer = {
  userId: '7d0e1c1e-5b55-4f55-9a4c-0f5e1a1b2c3d',
  sessionId: 'x'.repeat(64),
  roles: ['USER' as const],
};

describe('signed identity header', () => {
  it('round-trips a viewer', () => {
    const header = signIdentity({ viewer, service: null, ip: '127.0.0.1' }, SECRET);
    expect(verifyIdentity(header, SECRET)?.viewer).toEqual(viewer);
  });

  it('refuses a header signed with another secret', () => {
    const header = signIdentity({ viewer, service: null, ip: null }, `${SECRET}-other`);
    expect(verifyIdentity(header, SECRET)).toBeNull();
  });

  it('refuses a tampered payload', () => {
    const header = signIdentity({ viewer, service: null, ip: null }, SECRET);
    const [version, body, mac] = header.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    payload.viewer.roles = ['ADMIN'];
    const forged = `${version}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${mac}`;
    expect(verifyIdentity(forged, SECRET)).toBeNull();
  });

  it('refuses an expired header', () => {
    const header = signIdentity({ viewer, service: null, ip: null }, SECRET, {
      now: new Date(Date.now() - 120_000),
      ttlSeconds: 60,
    });
    expect(verifyIdentity(header, SECRET)).toBeNull();
  });

  it('refuses garbage', () => {
    for (const junk of ['', 'v1', 'v1.a.b', 'v2.e30.abc', 'x'.repeat(10_000), 'v1..']) {
      expect(verifyIdentity(junk, SECRET)).toBeNull();
    }
  });
});

describe('a subgraph reached directly', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const me = (headers: Record<string, string>) =>
    postGraphQL(stack.subgraphUrls.identity, { query: '{ me { id } }' }, headers);

  it('has no viewer with a made-up identity header', async () => {
    const user = await stack.signUp();
    const forged = signIdentity(
      { viewer: { userId: user.id, sessionId: 'f'.repeat(64), roles: ['USER'] }, service: null, ip: null },
      'not-the-deployment-secret-0123456789abcdef',
    );
    const result = await me({ [IDENTITY_HEADER]: forged });
    expect(result.data.me).toBeNull();
  });

  it('has no viewer with an expired, correctly signed header', async () => {
    const user = await stack.signUp();
    const expired = signIdentity(
      { viewer: { userId: user.id, sessionId: 'f'.repeat(64), roles: ['USER'] }, service: null, ip: null },
      stack.runtime.identitySecret,
      { now: new Date(Date.now() - 10 * 60_000), ttlSeconds: 60 },
    );
    expect((await me({ [IDENTITY_HEADER]: expired })).data.me).toBeNull();
  });

  it('answers a valid signature (so the two refusals above are about the signature)', async () => {
    const user = await stack.signUp();
    const valid = signIdentity(
      { viewer: { userId: user.id, sessionId: 'f'.repeat(64), roles: ['USER'] }, service: null, ip: null },
      stack.runtime.identitySecret,
    );
    expect((await me({ [IDENTITY_HEADER]: valid })).data.me.id).toBe(user.id);
  });

  it('refuses the internal viewer resolution without the gateway service identity', async () => {
    const user = await stack.signUp();
    const query = {
      query: 'query($t: String!) { sessionViewer(token: $t) { userId } }',
      variables: { t: user.token },
    };
    const anonymous = await postGraphQL(stack.subgraphUrls.identity, query);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asUser = await postGraphQL(stack.subgraphUrls.identity, query, {
      [IDENTITY_HEADER]: signIdentity(
        { viewer: { userId: user.id, sessionId: 'f'.repeat(64), roles: ['USER'] }, service: null, ip: null },
        stack.runtime.identitySecret,
      ),
    });
    expect(asUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the internal field out of the public graph', async () => {
    const result = await stack.gql('query($t: String!) { sessionViewer(token: $t) { userId } }', {
      t: 'x'.repeat(32),
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
