import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * Per-client limits key on the client address the gateway resolves: the socket's peer, or with
 * TRUST_PROXY_HOPS=N the address N hops from the right of X-Forwarded-For. A client cannot pick
 * its own counter by sending the header, and clients behind a trusted load balancer do not share
 * one. Sign-up (20 per client address per hour) shows it; every per-client limit uses the same address.
 */

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename } }`;
// A weak password: the cheapest sign-up there is, and it counts like any other.
const attempt = (stack: TestStack, headers: Record<string, string> = {}) =>
  stack.gql(
    SIGN_UP,
    {
      input: {
        email: `p${randomBytes(4).toString('hex')}@example.com`,
        username: `p_${randomBytes(4).toString('hex')}`,
        password: 'short',
      },
    },
    { headers },
  );
const typeOf = (result: { data?: any }) => result.data?.signUp?.__typename;

describe('TRUST_PROXY_HOPS=0 (the default): the socket address, whatever the header says', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { TRUST_PROXY_HOPS: '0' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a spoofed X-Forwarded-For does not give a client a fresh counter', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(stack, { 'x-forwarded-for': `203.0.113.${i + 1}` })),
    );
    const types = results.map(typeOf);
    expect(types.filter((t) => t === 'WeakPassword')).toHaveLength(20);
    expect(types.filter((t) => t === 'TooManyAttempts')).toHaveLength(10);
    expect(typeOf(await attempt(stack, { 'x-forwarded-for': '192.0.2.77' }))).toBe('TooManyAttempts');
  });
});

describe('TRUST_PROXY_HOPS=1: the address the trusted proxy appended', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { TRUST_PROXY_HOPS: '1' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('clients behind the proxy get counters of their own', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(stack, { 'x-forwarded-for': `203.0.113.${i + 1}` })),
    );
    expect(results.map(typeOf).every((t) => t === 'WeakPassword')).toBe(true);
  });

  it('one client is limited, whatever it writes in front of what the proxy appended', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(stack, { 'x-forwarded-for': `10.9.${i}.1, 192.0.2.10` })),
    );
    const types = results.map(typeOf);
    expect(types.filter((t) => t === 'WeakPassword')).toHaveLength(20);
    expect(types.filter((t) => t === 'TooManyAttempts')).toHaveLength(10);
  });

  it('keys an IPv6 client on its /64, which one subscriber holds whole', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        attempt(stack, { 'x-forwarded-for': `2001:db8:1:2::${(i + 1).toString(16)}` }),
      ),
    );
    const types = results.map(typeOf);
    expect(types.filter((t) => t === 'WeakPassword')).toHaveLength(20);
    expect(typeOf(await attempt(stack, { 'x-forwarded-for': '2001:db8:1:3::1' }))).toBe('WeakPassword');
  });
});
