import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../testkit/stack.js';
import { mailsTo, tokenFrom } from '../../testkit/mailbox.js';

const REQUEST_VERIFICATION = 'mutation { requestEmailVerification }';
const VERIFY = `mutation($token: String!) {
  verifyEmail(token: $token) { __typename ... on EmailVerified { user { id emailVerified } } ... on InvalidToken { message } }
}`;
const REQUEST_RESET = 'mutation($email: EmailAddress!) { requestPasswordReset(email: $email) }';
const RESET = `mutation($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    __typename
    ... on PasswordReset { revokedSessions }
    ... on WeakPassword { reasons }
    ... on InvalidToken { message }
  }
}`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on AuthSuccess { token } } }`;
const ME = '{ me { id emailVerified } }';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { PUBLIC_APP_URL: 'https://app.fitness.test' } });
});
afterAll(async () => {
  await stack?.stop();
});

describe('email verification', () => {
  it('mails a single-use link and marks the address verified', async () => {
    const user = await stack.signUp();
    expect((await stack.gql(ME, {}, { token: user.token })).data.me.emailVerified).toBe(false);
    expect(
      (await stack.gql(REQUEST_VERIFICATION, {}, { token: user.token })).data.requestEmailVerification,
    ).toBe(true);

    const [mail] = await mailsTo(stack, user.email);
    expect(mail?.subject).toMatch(/confirm/i);
    expect(mail?.text).toContain('https://app.fitness.test/verify-email?token=');
    const token = await tokenFrom(stack, user.email, /confirm/i);

    const verified = await stack.gql(VERIFY, { token }, { token: user.token });
    expect(verified.data.verifyEmail).toEqual({
      __typename: 'EmailVerified',
      user: { id: user.id, emailVerified: true },
    });
    const reused = await stack.gql(VERIFY, { token });
    expect(reused.data.verifyEmail.__typename).toBe('InvalidToken');
  });

  it('refuses an expired link and a link superseded by a newer one', async () => {
    const user = await stack.signUp();
    await stack.gql(REQUEST_VERIFICATION, {}, { token: user.token });
    const older = await tokenFrom(stack, user.email, /confirm/i);
    await stack.gql(REQUEST_VERIFICATION, {}, { token: user.token });
    const newer = await tokenFrom(stack, user.email, /confirm/i);
    expect(newer).not.toBe(older);
    expect((await stack.gql(VERIFY, { token: older })).data.verifyEmail.__typename).toBe('InvalidToken');

    stack.clock.advance(25 * 3600 * 1000);
    try {
      expect((await stack.gql(VERIFY, { token: newer })).data.verifyEmail.__typename).toBe('InvalidToken');
    } finally {
      stack.clock.set(new Date());
    }
  });

  it('stores only the hash of a token', async () => {
    const user = await stack.signUp();
    await stack.gql(REQUEST_VERIFICATION, {}, { token: user.token });
    const token = await tokenFrom(stack, user.email, /confirm/i);
    const { sha256Hex } = await import('../../kit/crypto.js');
    const { sql } = await import('drizzle-orm');
    const { rows } = await import('../../kit/db.js');
    const stored = await rows<{ id: string }>(
      stack.runtime.database.db,
      sql`select id from identity.one_time_tokens where user_id = ${user.id}`,
    );
    expect(stored.map((r) => r.id)).toEqual([sha256Hex(token)]);
  });

  it('needs a session to ask for a link', async () => {
    const result = await stack.gql(REQUEST_VERIFICATION);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('password reset', () => {
  it('answers the same for unknown addresses and mails nothing', async () => {
    const result = await stack.gql(REQUEST_RESET, { email: 'nobody-here@example.com' });
    expect(result.data.requestPasswordReset).toBe(true);
    expect(await mailsTo(stack, 'nobody-here@example.com')).toEqual([]);
  });

  it('resets with a single-use token and ends every session', async () => {
    const user = await stack.signUp();
    const second = await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
    const otherToken = second.data.signIn.token;

    expect(
      (await stack.gql(REQUEST_RESET, { email: user.email.toUpperCase() })).data.requestPasswordReset,
    ).toBe(true);
    const token = await tokenFrom(stack, user.email, /reset/i);

    const weak = await stack.gql(RESET, { input: { token, newPassword: 'short' } });
    expect(weak.data.resetPassword.__typename).toBe('WeakPassword');

    const newPassword = 'a-brand-new-passphrase';
    const reset = await stack.gql(RESET, { input: { token, newPassword } });
    expect(reset.data.resetPassword).toEqual({ __typename: 'PasswordReset', revokedSessions: 2 });

    for (const session of [user.token, otherToken]) {
      expect((await stack.gql(ME, {}, { token: session })).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    const oldPassword = await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
    expect(oldPassword.data.signIn.__typename).toBe('InvalidCredentials');
    const signedIn = await stack.gql(SIGN_IN, { input: { login: user.email, password: newPassword } });
    expect(signedIn.data.signIn.__typename).toBe('AuthSuccess');
    // Following the mailed link proved the address.
    expect((await stack.gql(ME, {}, { token: signedIn.data.signIn.token })).data.me.emailVerified).toBe(true);

    const reused = await stack.gql(RESET, { input: { token, newPassword: 'yet-another-passphrase' } });
    expect(reused.data.resetPassword.__typename).toBe('InvalidToken');
  });

  it('lets only one of two concurrent resets with the same token win', async () => {
    const user = await stack.signUp();
    await stack.gql(REQUEST_RESET, { email: user.email });
    const token = await tokenFrom(stack, user.email, /reset/i);
    const outcomes = await Promise.all(
      ['first-new-passphrase', 'second-new-passphrase'].map((newPassword) =>
        stack.gql(RESET, { input: { token, newPassword } }),
      ),
    );
    expect(outcomes.map((o) => o.data.resetPassword.__typename).sort()).toEqual([
      'InvalidToken',
      'PasswordReset',
    ]);
  });

  it('refuses an expired token', async () => {
    const user = await stack.signUp();
    await stack.gql(REQUEST_RESET, { email: user.email });
    const token = await tokenFrom(stack, user.email, /reset/i);
    stack.clock.advance(31 * 60 * 1000);
    try {
      const result = await stack.gql(RESET, { input: { token, newPassword: 'a-brand-new-passphrase' } });
      expect(result.data.resetPassword.__typename).toBe('InvalidToken');
    } finally {
      stack.clock.set(new Date());
    }
    const stillOld = await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
    expect(stillOld.data.signIn.__typename).toBe('AuthSuccess');
  });

  it('takes the same path for known and unknown addresses: same statements, same time', async () => {
    const known = await Promise.all(Array.from({ length: 8 }, () => stack.signUp()));
    const unknown = Array.from({ length: 8 }, (_, i) => `nobody-${i}-${known[i]!.username}@example.com`);
    let client = 0;
    // A client address per request, so the per-client limit never answers for the path.
    const request = (email: string) =>
      stack.gql(REQUEST_RESET, { email }, { headers: { 'x-forwarded-for': `198.51.100.${++client}` } });
    const timed = async (email: string) => {
      const started = process.hrtime.bigint();
      const result = await request(email);
      expect(result.data.requestPasswordReset).toBe(true);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await stack.quiet(async () => {
      const statementsFor = async (email: string) => {
        const before = stack.statements();
        await request(email);
        return stack.statements() - before;
      };
      expect(await statementsFor(known[0]!.email)).toBe(await statementsFor(unknown[0]!));

      // 32 calls each way, interleaved, at most five per address (the per-address limit).
      const times = { known: [] as number[], unknown: [] as number[] };
      for (let round = 1; round < 5; round++) {
        for (let i = 0; i < 8; i++) {
          times.known.push(await timed(known[i]!.email));
          times.unknown.push(await timed(unknown[i]!));
        }
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const [k, u] = [median(times.known), median(times.unknown)];
      // A path that did more for a known address (a hash, a mail sent inline) costs tens of
      // milliseconds; a few milliseconds of scheduling noise on a loaded machine is not that.
      const apart = Math.max(k, u) / Math.min(k, u) >= 1.5 && Math.abs(k - u) >= 3;
      expect(apart, `known ${k.toFixed(2)} ms, unknown ${u.toFixed(2)} ms`).toBe(false);
    });
    // The mails still go out, after the answer.
    for (const user of known) expect((await mailsTo(stack, user.email)).length).toBeGreaterThan(0);
  });

  it('limits reset mails per address', async () => {
    const user = await stack.signUp();
    for (let i = 0; i < 8; i++) await stack.gql(REQUEST_RESET, { email: user.email });
    expect((await mailsTo(stack, user.email)).length).toBe(5);
  });
});

describe('dev mailbox', () => {
  it('answers POST /dev/mailbox on identity outside production, with the mails to one address', async () => {
    const user = await stack.signUp();
    await stack.gql(REQUEST_VERIFICATION, {}, { token: user.token });
    const url = stack.subgraphUrls.identity.replace('/graphql', '/dev/mailbox');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: user.email.toUpperCase() }),
    });
    expect(response.status).toBe(200);
    const { mails } = (await response.json()) as { mails: { subject: string; text: string }[] };
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('/verify-email?token=');
    const bad = await fetch(url, { method: 'POST', body: 'not json' });
    expect(bad.status).toBe(400);
  });
});

describe('sweeper', () => {
  it('deletes expired one-time tokens and sessions', async () => {
    const { IdentitySweeper } = await import('./workers/sweep.js');
    const user = await stack.signUp();
    await stack.gql(REQUEST_VERIFICATION, {}, { token: user.token });
    const sweeper = new IdentitySweeper(stack.runtime, 'every-replica');
    expect((await sweeper.sweep()).tokens).toBe(0);
    stack.clock.advance(31 * 24 * 3600 * 1000);
    try {
      const swept = await sweeper.sweep();
      expect(swept.tokens).toBeGreaterThanOrEqual(1);
      expect(swept.sessions).toBeGreaterThanOrEqual(1);
    } finally {
      stack.clock.set(new Date());
    }
  });
});
