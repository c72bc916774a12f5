import { randomBytes } from 'node:crypto';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';

/**
 * Limits on guessing, fired the way an attacker fires them: many requests at once through the
 * gateway. Each limit counts an attempt before the password or code is checked, in one atomic
 * step, so parallel requests cannot all pass a check that sees none of the others.
 */

const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { __typename ... on AuthSuccess { token } ... on TwoFactorRequired { challenge } }
}`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename } }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }`;
const DELETE_ACCOUNT = `mutation($password: String!) { deleteMyAccount(password: $password) { __typename } }`;
const ENROL = 'mutation { enrollTwoFactor { secret } }';
const CONFIRM = `mutation($code: String!) { confirmTwoFactor(code: $code) { __typename } }`;
const COMPLETE = `mutation($input: CompleteTwoFactorSignInInput!) { completeTwoFactorSignIn(input: $input) { __typename } }`;
const DISABLE = `mutation($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) { __typename } }`;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** A client address of its own for each test, so per-client limits of one test do not reach another. */
let nextClient = 1;
const newClient = () => {
  const n = nextClient++;
  return { 'x-forwarded-for': `198.51.100.${n}` };
};

/** How many of each outcome type came back. */
function tally(results: { data?: any }[], field: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const type = result.data?.[field]?.__typename ?? 'error';
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

const codeAt = (secret: string, steps = 0) =>
  generateHOTP(
    decodeBase32IgnorePadding(secret),
    BigInt(Math.floor(stack.clock.now().getTime() / 30_000) + steps),
    6,
  );
const wrongCode = (right: string) => (right === '123456' ? '654321' : '123456');

async function withTwoFactor(): Promise<{ user: TestUser; secret: string }> {
  const user = await stack.signUp();
  const secret = (await stack.gql(ENROL, {}, { token: user.token })).data.enrollTwoFactor.secret;
  const confirmed = await stack.gql(CONFIRM, { code: codeAt(secret) }, { token: user.token });
  expect(confirmed.data.confirmTwoFactor.__typename).toBe('TwoFactorEnabled');
  // The code just used may not be used again: later tests start from the next step.
  stack.clock.advance(30_000);
  return { user, secret };
}

describe('password guesses: one counter per account, counted before the check', () => {
  it('30 parallel wrong passwords, by username and by email, get exactly 10 checks', async () => {
    const user = await stack.signUp();
    const client = newClient();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        stack.gql(
          SIGN_IN,
          {
            input: {
              login: i % 3 === 0 ? user.username : i % 3 === 1 ? user.email : user.email.toUpperCase(),
              password: `wrong-password-${i}`,
            },
          },
          { headers: client },
        ),
      ),
    );
    expect(tally(results, 'signIn')).toEqual({ InvalidCredentials: 10, TooManyAttempts: 20 });
    const right = await stack.gql(
      SIGN_IN,
      { input: { login: user.username, password: user.password } },
      { headers: client },
    );
    expect(right.data.signIn.__typename).toBe('TooManyAttempts');
  });

  it('counts the username and the email of an account together', async () => {
    const user = await stack.signUp();
    const client = newClient();
    for (let i = 0; i < 10; i++) {
      const login = i % 2 === 0 ? user.username.toUpperCase() : user.email;
      const result = await stack.gql(
        SIGN_IN,
        { input: { login, password: `wrong-${i}` } },
        { headers: client },
      );
      expect(result.data.signIn.__typename).toBe('InvalidCredentials');
    }
    const right = await stack.gql(
      SIGN_IN,
      { input: { login: user.username, password: user.password } },
      { headers: client },
    );
    expect(right.data.signIn.__typename).toBe('TooManyAttempts');
  });

  it('lets a right password start the account count afresh', async () => {
    const user = await stack.signUp();
    const client = newClient();
    const attempt = (password: string) =>
      stack.gql(SIGN_IN, { input: { login: user.email, password } }, { headers: client });
    for (let i = 0; i < 9; i++)
      expect((await attempt(`wrong-${i}`)).data.signIn.__typename).toBe('InvalidCredentials');
    expect((await attempt(user.password)).data.signIn.__typename).toBe('AuthSuccess');
    for (let i = 0; i < 10; i++)
      expect((await attempt(`wrong-${i}`)).data.signIn.__typename).toBe('InvalidCredentials');
    expect((await attempt(user.password)).data.signIn.__typename).toBe('TooManyAttempts');
  });

  it('counts unknown logins too, so a limit says nothing about which accounts exist', async () => {
    const client = newClient();
    const login = `nobody-${randomBytes(4).toString('hex')}@example.com`;
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        stack.gql(SIGN_IN, { input: { login, password: `guess-${i}` } }, { headers: client }),
      ),
    );
    expect(tally(results, 'signIn')).toEqual({ InvalidCredentials: 10, TooManyAttempts: 5 });
  });

  it('changePassword: 30 parallel wrong current passwords get 10 checks, on the sign-in counter', async () => {
    const user = await stack.signUp();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        stack.gql(
          CHANGE_PASSWORD,
          { input: { currentPassword: `wrong-password-${i}`, newPassword: 'a-new-long-passphrase' } },
          { token: user.token },
        ),
      ),
    );
    expect(tally(results, 'changePassword')).toEqual({ InvalidCredentials: 10, TooManyAttempts: 20 });
    const signIn = await stack.gql(
      SIGN_IN,
      { input: { login: user.email, password: user.password } },
      { headers: newClient() },
    );
    expect(signIn.data.signIn.__typename).toBe('TooManyAttempts');
  });

  it('deleteMyAccount: 30 parallel wrong passwords get 10 checks and the account stays', async () => {
    const user = await stack.signUp();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        stack.gql(DELETE_ACCOUNT, { password: `wrong-password-${i}` }, { token: user.token }),
      ),
    );
    expect(tally(results, 'deleteMyAccount')).toEqual({ InvalidCredentials: 10, TooManyAttempts: 20 });
    const right = await stack.gql(DELETE_ACCOUNT, { password: user.password }, { token: user.token });
    expect(right.data.deleteMyAccount.__typename).toBe('TooManyAttempts');
  });
});

describe('second-factor guesses: five per account, counted before the check', () => {
  it('completeTwoFactorSignIn: 40 parallel wrong codes get exactly 5 checks', async () => {
    const { user, secret } = await withTwoFactor();
    const signIn = await stack.gql(
      SIGN_IN,
      { input: { login: user.email, password: user.password } },
      { headers: newClient() },
    );
    const challenge = signIn.data.signIn.challenge;
    const wrong = wrongCode(codeAt(secret));
    const results = await Promise.all(
      Array.from({ length: 40 }, () => stack.gql(COMPLETE, { input: { challenge, code: wrong } })),
    );
    expect(tally(results, 'completeTwoFactorSignIn')).toEqual({
      InvalidTwoFactorCode: 5,
      TooManyAttempts: 35,
    });
    const right = await stack.gql(COMPLETE, { input: { challenge, code: codeAt(secret) } });
    expect(right.data.completeTwoFactorSignIn.__typename).toBe('TooManyAttempts');
  });

  it('recovery-code guesses count on the same counter', async () => {
    const { user } = await withTwoFactor();
    const signIn = await stack.gql(
      SIGN_IN,
      { input: { login: user.email, password: user.password } },
      { headers: newClient() },
    );
    const challenge = signIn.data.signIn.challenge;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stack.gql(COMPLETE, { input: { challenge, code: `aaaaa-bbbb${'abcdefghijklmnopqrst'[i]}` } }),
      ),
    );
    expect(tally(results, 'completeTwoFactorSignIn')).toEqual({
      InvalidTwoFactorCode: 5,
      TooManyAttempts: 15,
    });
  });

  it('confirmTwoFactor: 40 parallel wrong codes get exactly 5 checks', async () => {
    const user = await stack.signUp();
    const secret = (await stack.gql(ENROL, {}, { token: user.token })).data.enrollTwoFactor.secret;
    const wrong = wrongCode(codeAt(secret));
    const results = await Promise.all(
      Array.from({ length: 40 }, () => stack.gql(CONFIRM, { code: wrong }, { token: user.token })),
    );
    expect(tally(results, 'confirmTwoFactor')).toEqual({ InvalidTwoFactorCode: 5, TooManyAttempts: 35 });
  });

  it('disableTwoFactor: 40 parallel wrong codes (with the right password) get exactly 5 checks', async () => {
    const { user, secret } = await withTwoFactor();
    const wrong = wrongCode(codeAt(secret));
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        stack.gql(DISABLE, { input: { password: user.password, code: wrong } }, { token: user.token }),
      ),
    );
    const counts = tally(results, 'disableTwoFactor');
    expect(counts.InvalidTwoFactorCode).toBe(5);
    expect(counts.TooManyAttempts).toBe(35);
  });

  it('disableTwoFactor: wrong passwords count on the account password counter', async () => {
    const { user, secret } = await withTwoFactor();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        stack.gql(
          DISABLE,
          { input: { password: `wrong-password-${i}`, code: codeAt(secret) } },
          { token: user.token },
        ),
      ),
    );
    expect(tally(results, 'disableTwoFactor')).toEqual({ InvalidCredentials: 10, TooManyAttempts: 20 });
  });
});

describe('sign-up: limited per client address', () => {
  it('answers 40 parallel sign-ups with a taken email from one client only 20 times', async () => {
    const existing = await stack.signUp();
    const client = newClient();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        stack.gql(
          SIGN_UP,
          {
            input: {
              email: existing.email,
              username: `probe_${i}_${randomBytes(3).toString('hex')}`,
              password: 'a-long-enough-passphrase',
            },
          },
          { headers: client },
        ),
      ),
    );
    expect(tally(results, 'signUp')).toEqual({ EmailTaken: 20, TooManyAttempts: 20 });
    // Another client is not affected.
    const other = await stack.gql(
      SIGN_UP,
      {
        input: {
          email: existing.email,
          username: `probe_${randomBytes(3).toString('hex')}`,
          password: 'a-long-enough-passphrase',
        },
      },
      { headers: newClient() },
    );
    expect(other.data.signUp.__typename).toBe('EmailTaken');
  });
});
