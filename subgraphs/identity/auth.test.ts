import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD, startTestStack, type TestStack } from '../../testkit/stack.js';

const SIGN_UP = `mutation($input: SignUpInput!) {
  signUp(input: $input) {
    __typename
    ... on AuthSuccess { token expiresAt user { id username email } }
    ... on WeakPassword { reasons }
    ... on EmailTaken { message }
    ... on UsernameTaken { message }
  }
}`;
const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on AuthSuccess { token user { id } }
    ... on TooManyAttempts { retryAfterSeconds }
  }
}`;
const ME = '{ me { id username email } }';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('sign up, sign in, me, sign out', () => {
  it('runs the whole session flow through the gateway', async () => {
    const signUp = await stack.gql(SIGN_UP, {
      input: { email: 'Ada@Example.com', username: 'ada', password: DEFAULT_PASSWORD, firstName: 'Ada' },
    });
    expect(signUp.data.signUp.__typename).toBe('AuthSuccess');
    expect(signUp.data.signUp.user.email).toBe('ada@example.com');
    const firstToken = signUp.data.signUp.token;
    expect(firstToken.length).toBeGreaterThanOrEqual(24);

    const signIn = await stack.gql(SIGN_IN, { input: { login: 'ADA', password: DEFAULT_PASSWORD } });
    expect(signIn.data.signIn.__typename).toBe('AuthSuccess');
    const token = signIn.data.signIn.token;

    const me = await stack.gql(ME, {}, { token });
    expect(me.data.me).toMatchObject({ username: 'ada', email: 'ada@example.com' });

    const signOut = await stack.gql('mutation { signOut }', {}, { token });
    expect(signOut.data.signOut).toBe(true);
    expect((await stack.gql(ME, {}, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The other session is untouched.
    expect((await stack.gql(ME, {}, { token: firstToken })).data.me.username).toBe('ada');
  });

  it('signs in by email in any case', async () => {
    const user = await stack.signUp();
    const result = await stack.gql(SIGN_IN, {
      input: { login: user.email.toUpperCase(), password: user.password },
    });
    expect(result.data.signIn.__typename).toBe('AuthSuccess');
  });

  it('accepts the session cookie as well as the bearer header', async () => {
    const user = await stack.signUp();
    const me = await stack.gql(ME, {}, { headers: { cookie: `theme=dark; session=${user.token}` } });
    expect(me.data.me.id).toBe(user.id);
  });
});

describe('bad input', () => {
  it('rejects a malformed email before any resolver runs', async () => {
    const result = await stack.gql(SIGN_UP, {
      input: { email: 'not-an-email', username: 'someone', password: DEFAULT_PASSWORD },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.data).toBeUndefined();
  });

  it('answers WeakPassword with the reasons', async () => {
    const result = await stack.gql(SIGN_UP, {
      input: { email: 'weak@example.com', username: 'weakling', password: 'short' },
    });
    expect(result.data.signUp.__typename).toBe('WeakPassword');
    expect(result.data.signUp.reasons.join(' ')).toMatch(/at least 10/);
    const common = await stack.gql(SIGN_UP, {
      input: { email: 'weak@example.com', username: 'weakling', password: 'password123' },
    });
    expect(common.data.signUp.reasons).toContain('is a commonly used password');
  });

  it('answers EmailTaken for an email differing only in case', async () => {
    await stack.signUp({ email: 'grace@example.com' });
    const result = await stack.gql(SIGN_UP, {
      input: { email: 'GRACE@example.COM', username: 'grace2', password: DEFAULT_PASSWORD },
    });
    expect(result.data.signUp.__typename).toBe('EmailTaken');
  });

  it('answers UsernameTaken for a username differing only in case', async () => {
    await stack.signUp({ username: 'Linus' });
    const result = await stack.gql(SIGN_UP, {
      input: { email: 'linus2@example.com', username: 'linus', password: DEFAULT_PASSWORD },
    });
    expect(result.data.signUp.__typename).toBe('UsernameTaken');
  });

  it('rejects a username with forbidden characters with BAD_USER_INPUT', async () => {
    const result = await stack.gql(SIGN_UP, {
      input: { email: 'x1@example.com', username: 'no spaces!', password: DEFAULT_PASSWORD },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an unknown token as UNAUTHENTICATED, not as an anonymous request', async () => {
    const me = await stack.gql(ME, {}, { token: 'a'.repeat(32) });
    expect(me.status).toBe(401);
    expect(me.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
  });

  it('refuses protected mutations without a session', async () => {
    const result = await stack.gql('mutation { signOutEverywhere }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('expires a session after 30 days without use', async () => {
    const user = await stack.signUp();
    stack.clock.advance(31 * 24 * 3600 * 1000);
    // A cached viewer lives at most 30 s; the clock moved far past it, but the cache runs on
    // real time, so sign-in state is read from a fresh token check.
    await stack.runtime.kv.delete(`viewer:${(await import('../../kit/crypto.js')).sha256Hex(user.token)}`);
    const me = await stack.gql(ME, {}, { token: user.token });
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    stack.clock.set(new Date());
  });

  it('rate-limits 20 wrong passwords in a row, then refuses even the right one', async () => {
    const user = await stack.signUp();
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const result = await stack.gql(SIGN_IN, {
        input: { login: user.username, password: `wrong-password-${i}` },
      });
      outcomes.push(result.data.signIn.__typename);
    }
    expect(outcomes.slice(0, 10).every((o) => o === 'InvalidCredentials')).toBe(true);
    expect(outcomes.slice(10).every((o) => o === 'TooManyAttempts')).toBe(true);
    const right = await stack.gql(SIGN_IN, { input: { login: user.username, password: user.password } });
    expect(right.data.signIn.__typename).toBe('TooManyAttempts');
    expect(right.data.signIn.retryAfterSeconds).toBeGreaterThan(0);
  });
});
