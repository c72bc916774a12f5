import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';

const ENROL = 'mutation { enrollTwoFactor { otpauthUri secret } }';
const CONFIRM = `mutation($code: String!) {
  confirmTwoFactor(code: $code) {
    __typename
    ... on TwoFactorEnabled { recoveryCodes user { twoFactorEnabled } }
    ... on TooManyAttempts { retryAfterSeconds }
  }
}`;
const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { __typename ... on AuthSuccess { token } ... on TwoFactorRequired { challenge expiresAt } }
}`;
const COMPLETE = `mutation($input: CompleteTwoFactorSignInInput!) {
  completeTwoFactorSignIn(input: $input) {
    __typename
    ... on AuthSuccess { token user { id } }
    ... on TooManyAttempts { retryAfterSeconds }
  }
}`;
const DISABLE = `mutation($input: DisableTwoFactorInput!) {
  disableTwoFactor(input: $input) { __typename ... on TwoFactorDisabled { user { twoFactorEnabled } } }
}`;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** What the authenticator app shows at the server's current time (plus `steps` periods). */
const codeAt = (secret: string, steps = 0) =>
  generateHOTP(
    decodeBase32IgnorePadding(secret),
    BigInt(Math.floor(stack.clock.now().getTime() / 30_000) + steps),
    6,
  );

async function enrolled(): Promise<{ user: TestUser; secret: string; recoveryCodes: string[] }> {
  const user = await stack.signUp();
  const enrol = await stack.gql(ENROL, {}, { token: user.token });
  const { secret } = enrol.data.enrollTwoFactor;
  const confirm = await stack.gql(CONFIRM, { code: codeAt(secret) }, { token: user.token });
  expect(confirm.data.confirmTwoFactor.__typename).toBe('TwoFactorEnabled');
  return { user, secret, recoveryCodes: confirm.data.confirmTwoFactor.recoveryCodes };
}

async function challengeFor(user: TestUser): Promise<string> {
  const result = await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
  expect(result.data.signIn.__typename).toBe('TwoFactorRequired');
  return result.data.signIn.challenge;
}

describe('enrolment', () => {
  it('returns an otpauth URI, confirms with a code and hands out ten recovery codes', async () => {
    const user = await stack.signUp();
    const enrol = await stack.gql(ENROL, {}, { token: user.token });
    const { otpauthUri, secret } = enrol.data.enrollTwoFactor;
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toContain(user.email);

    const wrong = await stack.gql(
      CONFIRM,
      { code: codeAt(secret) === '000000' ? '111111' : '000000' },
      { token: user.token },
    );
    expect(wrong.data.confirmTwoFactor.__typename).toBe('InvalidTwoFactorCode');
    const me = await stack.gql('{ me { twoFactorEnabled } }', {}, { token: user.token });
    expect(me.data.me.twoFactorEnabled).toBe(false);

    const confirm = await stack.gql(CONFIRM, { code: codeAt(secret) }, { token: user.token });
    expect(confirm.data.confirmTwoFactor.user.twoFactorEnabled).toBe(true);
    const codes: string[] = confirm.data.confirmTwoFactor.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    // Neither the TOTP secret nor any recovery code is stored readable.
    const raw = JSON.stringify(
      await rows(
        stack.runtime.database.db,
        sql`select * from identity.two_factor_credentials where user_id = ${user.id}`,
      ),
    );
    const key = Buffer.from(decodeBase32IgnorePadding(secret));
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain(key.toString('base64'));
    expect(raw).toMatch(/"secret_encrypted":"k1\./);
    const stored = JSON.stringify(
      await rows(
        stack.runtime.database.db,
        sql`select code_hash from identity.recovery_codes where user_id = ${user.id}`,
      ),
    );
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }
  });

  it('refuses a second enrolment while two-factor is on', async () => {
    const { user } = await enrolled();
    const again = await stack.gql(ENROL, {}, { token: user.token });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('sign-in with a second factor', () => {
  it('asks for a code, refuses the replay of a used one and accepts the next one', async () => {
    const { user, secret } = await enrolled();
    const challenge = await challengeFor(user);

    // The code that confirmed enrolment is spent for its whole window.
    const replay = await stack.gql(COMPLETE, { input: { challenge, code: codeAt(secret) } });
    expect(replay.data.completeTwoFactorSignIn.__typename).toBe('InvalidTwoFactorCode');

    stack.clock.advance(30_000);
    const code = codeAt(secret);
    const done = await stack.gql(COMPLETE, { input: { challenge, code } });
    expect(done.data.completeTwoFactorSignIn).toMatchObject({
      __typename: 'AuthSuccess',
      user: { id: user.id },
    });
    const me = await stack.gql('{ me { id } }', {}, { token: done.data.completeTwoFactorSignIn.token });
    expect(me.data.me.id).toBe(user.id);

    // The challenge is spent, and the same code does not open a second one either.
    const spent = await stack.gql(COMPLETE, { input: { challenge, code } });
    expect(spent.data.completeTwoFactorSignIn.__typename).toBe('InvalidToken');
    const next = await challengeFor(user);
    const sameCode = await stack.gql(COMPLETE, { input: { challenge: next, code } });
    expect(sameCode.data.completeTwoFactorSignIn.__typename).toBe('InvalidTwoFactorCode');
    // An earlier window's code is refused too once a later one was used.
    const earlier = await stack.gql(COMPLETE, { input: { challenge: next, code: codeAt(secret, -1) } });
    expect(earlier.data.completeTwoFactorSignIn.__typename).toBe('InvalidTwoFactorCode');
  });

  it('accepts each recovery code once', async () => {
    const { user, recoveryCodes } = await enrolled();
    const first = await stack.gql(COMPLETE, {
      input: { challenge: await challengeFor(user), code: recoveryCodes[3] },
    });
    expect(first.data.completeTwoFactorSignIn.__typename).toBe('AuthSuccess');
    const again = await stack.gql(COMPLETE, {
      input: { challenge: await challengeFor(user), code: recoveryCodes[3] },
    });
    expect(again.data.completeTwoFactorSignIn.__typename).toBe('InvalidTwoFactorCode');
  });

  it('rate-limits guesses: after five wrong codes even the right one waits', async () => {
    const { user, secret } = await enrolled();
    const challenge = await challengeFor(user);
    stack.clock.advance(30_000);
    const right = codeAt(secret);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) {
      const result = await stack.gql(COMPLETE, { input: { challenge, code: wrong } });
      expect(result.data.completeTwoFactorSignIn.__typename).toBe('InvalidTwoFactorCode');
    }
    const limited = await stack.gql(COMPLETE, { input: { challenge, code: right } });
    expect(limited.data.completeTwoFactorSignIn.__typename).toBe('TooManyAttempts');
    expect(limited.data.completeTwoFactorSignIn.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('lets a challenge expire after five minutes', async () => {
    const { user, secret } = await enrolled();
    const challenge = await challengeFor(user);
    stack.clock.advance(6 * 60_000);
    const result = await stack.gql(COMPLETE, { input: { challenge, code: codeAt(secret) } });
    expect(result.data.completeTwoFactorSignIn.__typename).toBe('InvalidToken');
  });
});

describe('disabling', () => {
  it('needs the password and a current code', async () => {
    const { user, secret } = await enrolled();
    stack.clock.advance(30_000);
    const code = codeAt(secret);
    const wrongPassword = await stack.gql(
      DISABLE,
      { input: { password: 'not-the-password', code } },
      { token: user.token },
    );
    expect(wrongPassword.data.disableTwoFactor.__typename).toBe('InvalidCredentials');
    const wrongCode = await stack.gql(
      DISABLE,
      { input: { password: user.password, code: code === '000000' ? '111111' : '000000' } },
      { token: user.token },
    );
    expect(wrongCode.data.disableTwoFactor.__typename).toBe('InvalidTwoFactorCode');
    const disabled = await stack.gql(
      DISABLE,
      { input: { password: user.password, code } },
      { token: user.token },
    );
    expect(disabled.data.disableTwoFactor).toEqual({
      __typename: 'TwoFactorDisabled',
      user: { twoFactorEnabled: false },
    });

    const signIn = await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
    expect(signIn.data.signIn.__typename).toBe('AuthSuccess');
  });
});
