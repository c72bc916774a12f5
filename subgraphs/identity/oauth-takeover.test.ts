import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { Browser } from '../../testkit/browser.js';
import { tokenFrom } from '../../testkit/mailbox.js';
import {
  type FakeProfile,
  FakeProviders,
  providerEnv,
  TEST_REDIRECT_URI,
} from '../../testkit/oauth-providers.js';
import { startTestStack, type TestStack } from '../../testkit/stack.js';

/**
 * Account takeover through an email a provider reported but never verified (Yandex and VK assert
 * nothing; Google and Apple can say `email_verified: false`): such an address must never become
 * an account's, never join an existing account, and once the address's owner proves it (reset
 * link, verification link) every provider link not proven for it and every session must end.
 */

const START = `mutation($provider: OAuthProvider!, $redirectUri: String!) {
  oauthStart(provider: $provider, redirectUri: $redirectUri) { authorizationUrl }
}`;
const CALLBACK = `mutation($provider: OAuthProvider!, $code: String!, $state: String!) {
  oauthCallback(provider: $provider, code: $code, state: $state) {
    __typename
    ... on AuthSuccess { token user { id email emailVerified } }
    ... on ProviderLinked { linkedAccount { provider } }
    ... on TwoFactorRequired { challenge }
    ... on OAuthFailed { reason }
  }
}`;
const ME = '{ me { id email firstName linkedAccounts { provider } } }';
const SIGN_UP = `mutation($input: SignUpInput!) {
  signUp(input: $input) { __typename ... on AuthSuccess { token user { id } } }
}`;
const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { __typename ... on AuthSuccess { token user { id } } }
}`;
const REQUEST_RESET = 'mutation($email: EmailAddress!) { requestPasswordReset(email: $email) }';
const RESET = `mutation($input: ResetPasswordInput!) {
  resetPassword(input: $input) { __typename ... on PasswordReset { revokedSessions unlinkedProviders } }
}`;
const VERIFY = `mutation($token: String!) {
  verifyEmail(token: $token) { __typename ... on EmailVerified { revokedSessions unlinkedProviders } }
}`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;

type Provider = 'GOOGLE' | 'APPLE' | 'YANDEX' | 'VK';

let stack: TestStack;
let providers: FakeProviders;
beforeAll(async () => {
  providers = await new FakeProviders().start();
  stack = await startTestStack({ env: providerEnv() });
});
afterAll(async () => {
  await stack?.stop();
  await providers?.stop();
});

const rand = () => randomBytes(5).toString('hex');
const subject = () => String(100000 + Math.floor(Math.random() * 1e9));
const PASSWORD = 'owner-long-passphrase-1';

/** Start, consent at the provider, callback: one browser's whole round trip. */
async function flow(browser: Browser, provider: Provider, profile: FakeProfile, token?: string) {
  const started = await browser.gql(START, { provider, redirectUri: TEST_REDIRECT_URI }, { token });
  expect(started.errors).toBeUndefined();
  const grant = providers.authorize(started.data.oauthStart.authorizationUrl, profile);
  const result = await browser.gql(CALLBACK, { provider, ...grant }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.oauthCallback;
}

/** The attacker's provider sign-in must never land in (or half-way into) the owner's account. */
function expectOutside(outcome: { __typename: string; user?: { id: string } }, accountId: string) {
  expect(outcome.__typename).not.toBe('TwoFactorRequired');
  if (outcome.__typename === 'AuthSuccess') expect(outcome.user!.id).not.toBe(accountId);
}

/** The owner proves the address by the mailed reset link and chooses a password. */
async function resetByMail(browser: Browser, email: string) {
  await browser.gql(REQUEST_RESET, { email });
  const token = await tokenFrom(stack, email, /reset/i);
  const reset = await browser.gql(RESET, { input: { token, newPassword: PASSWORD } });
  expect(reset.data.resetPassword.__typename).toBe('PasswordReset');
  return reset.data.resetPassword;
}

/** The owner takes their address back by the mailed reset link and signs in. */
async function ownerResets(browser: Browser, email: string) {
  await resetByMail(browser, email);
  const signedIn = await browser.gql(SIGN_IN, { input: { login: email, password: PASSWORD } });
  expect(signedIn.data.signIn.__typename).toBe('AuthSuccess');
  return signedIn.data.signIn as { token: string; user: { id: string } };
}

describe('account takeover through an unverified provider email', () => {
  it('owner signs up after attackers used the address at providers that did not verify it', async () => {
    const address = `owner${rand()}@example.com`;
    const attackers: { provider: Provider; profile: FakeProfile; browser: Browser }[] = [
      { provider: 'YANDEX', profile: { sub: subject(), email: address } },
      { provider: 'VK', profile: { sub: subject(), email: address } },
      { provider: 'GOOGLE', profile: { sub: subject(), email: address, emailVerified: false } },
      // Apple sends the flag as the string "false".
      { provider: 'APPLE', profile: { sub: `apple.${subject()}`, email: address, emailVerified: false } },
    ].map((a) => ({ ...a, provider: a.provider as Provider, browser: new Browser(stack.gatewayUrl) }));

    for (const attacker of attackers) {
      const first = await flow(attacker.browser, attacker.provider, attacker.profile);
      // An account of their own, but the address is not its: nothing is reserved.
      expect(first.__typename).toBe('AuthSuccess');
      expect(first.user.email).not.toBe(address);
      expect(first.user.emailVerified).toBe(false);
    }

    const owner = new Browser(stack.gatewayUrl);
    const signedUp = await owner.gql(SIGN_UP, {
      input: { email: address, username: `owner_${rand()}`, password: PASSWORD },
    });
    expect(signedUp.data.signUp.__typename).toBe('AuthSuccess');
    const ownerId = signedUp.data.signUp.user.id;
    await owner.gql(
      UPDATE_PROFILE,
      { input: { firstName: 'Rightful' } },
      { token: signedUp.data.signUp.token },
    );
    // The owner proves the address too; still nothing of the attackers' reaches the account.
    const ownerToken = (await ownerResets(owner, address)).token;

    for (const attacker of attackers) {
      const again = await flow(attacker.browser, attacker.provider, attacker.profile);
      expectOutside(again, ownerId);
      const me = await attacker.browser.gql(ME, {}, { token: again.token });
      expect(me.data.me.firstName).not.toBe('Rightful');
      expect(me.data.me.email).not.toBe(address);
    }
    const mine = await owner.gql(ME, {}, { token: ownerToken });
    expect(mine.data.me).toMatchObject({ id: ownerId, email: address, linkedAccounts: [] });
  });

  it('owner resets after an attacker registered the address and linked providers to it', async () => {
    const address = `owner${rand()}@example.com`;
    const attacker = new Browser(stack.gatewayUrl);
    const squat = await stack.signUp({ email: address });
    const yandex = { sub: subject(), email: address };
    const vk = { sub: subject(), email: address };
    // A provider that verified the attacker's own address proves nothing about this one.
    const google = { sub: subject(), email: `attacker${rand()}@gmail.com`, emailVerified: true };
    for (const [provider, profile] of [
      ['YANDEX', yandex],
      ['VK', vk],
      ['GOOGLE', google],
    ] as const) {
      expect((await flow(attacker, provider, profile, squat.token)).__typename).toBe('ProviderLinked');
    }
    // The attacker's session is in the gateway's viewer cache.
    expect((await attacker.gql(ME, {}, { token: squat.token })).data.me.id).toBe(squat.id);

    const owner = new Browser(stack.gatewayUrl);
    const signedUp = await owner.gql(SIGN_UP, {
      input: { email: address, username: `owner_${rand()}`, password: PASSWORD },
    });
    expect(signedUp.data.signUp.__typename).toBe('EmailTaken');
    await owner.gql(REQUEST_RESET, { email: address });
    const reset = await owner.gql(RESET, {
      input: { token: await tokenFrom(stack, address, /reset/i), newPassword: PASSWORD },
    });
    expect(reset.data.resetPassword).toEqual({
      __typename: 'PasswordReset',
      revokedSessions: 1,
      unlinkedProviders: ['GOOGLE', 'VK', 'YANDEX'],
    });
    const signedIn = await owner.gql(SIGN_IN, { input: { login: address, password: PASSWORD } });
    const ownerSession = signedIn.data.signIn;
    expect(ownerSession.user.id).toBe(squat.id);

    // Every session of the account ended at once, cached or not.
    expect((await attacker.gql(ME, {}, { token: squat.token })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const oldPassword = await attacker.gql(SIGN_IN, {
      input: { login: address, password: squat.password },
    });
    expect(oldPassword.data.signIn.__typename).toBe('InvalidCredentials');
    for (const [provider, profile] of [
      ['YANDEX', yandex],
      ['VK', vk],
      ['GOOGLE', google],
    ] as const) {
      expectOutside(await flow(attacker, provider, profile), squat.id);
    }
    const mine = await owner.gql(ME, {}, { token: ownerSession.token });
    expect(mine.data.me.linkedAccounts).toEqual([]);
  });

  it('owner resets an address an unverified provider account held before the rule existed', async () => {
    const address = `owner${rand()}@example.com`;
    const attacker = new Browser(stack.gatewayUrl);
    const yandex = { sub: subject(), email: address };
    const created = await flow(attacker, 'YANDEX', yandex);
    expect(created.__typename).toBe('AuthSuccess');
    // Such accounts exist from before: the account holds the address the provider reported.
    await stack.runtime.database.exec(
      `UPDATE identity.users SET email = '${address}' WHERE id = '${created.user.id}'`,
    );

    const owner = new Browser(stack.gatewayUrl);
    const ownerSession = await ownerResets(owner, address);
    await owner.gql(UPDATE_PROFILE, { input: { firstName: 'Rightful' } }, { token: ownerSession.token });

    expect((await attacker.gql(ME, {}, { token: created.token })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expectOutside(await flow(attacker, 'YANDEX', yandex), created.user.id);
  });

  it('owner confirms the address by the verification link: unverified links and every session end', async () => {
    const address = `owner${rand()}@example.com`;
    const attacker = new Browser(stack.gatewayUrl);
    const squat = await stack.signUp({ email: address });
    const yandex = { sub: subject(), email: address };
    expect((await flow(attacker, 'YANDEX', yandex, squat.token)).__typename).toBe('ProviderLinked');
    expect((await attacker.gql(ME, {}, { token: squat.token })).data.me.id).toBe(squat.id);
    // The link goes to the address's owner, who follows it.
    await attacker.gql('mutation { requestEmailVerification }', {}, { token: squat.token });
    const token = await tokenFrom(stack, address, /confirm/i);
    const owner = new Browser(stack.gatewayUrl);
    expect((await owner.gql(VERIFY, { token })).data.verifyEmail).toEqual({
      __typename: 'EmailVerified',
      revokedSessions: 1,
      unlinkedProviders: ['YANDEX'],
    });

    expect((await attacker.gql(ME, {}, { token: squat.token })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expectOutside(await flow(attacker, 'YANDEX', yandex), squat.id);
  });

  it('a sign-in waiting for its second factor does not survive the reset', async () => {
    const { decodeBase32IgnorePadding } = await import('@oslojs/encoding');
    const { generateHOTP } = await import('@oslojs/otp');
    const address = `owner${rand()}@example.com`;
    const attacker = new Browser(stack.gatewayUrl);
    const squat = await stack.signUp({ email: address });
    const yandex = { sub: subject(), email: address };
    await flow(attacker, 'YANDEX', yandex, squat.token);
    const enrol = await attacker.gql('mutation { enrollTwoFactor { secret } }', {}, { token: squat.token });
    const key = decodeBase32IgnorePadding(enrol.data.enrollTwoFactor.secret);
    const codeAt = (steps: number) =>
      generateHOTP(key, BigInt(Math.floor(stack.clock.now().getTime() / 30_000) + steps), 6);
    await attacker.gql(
      'mutation($code: String!) { confirmTwoFactor(code: $code) { __typename } }',
      { code: codeAt(0) },
      { token: squat.token },
    );
    const pending = await flow(attacker, 'YANDEX', yandex);
    expect(pending.__typename).toBe('TwoFactorRequired');

    await resetByMail(new Browser(stack.gatewayUrl), address);
    stack.clock.advance(30_000);
    try {
      const completed = await attacker.gql(
        `mutation($input: CompleteTwoFactorSignInInput!) {
          completeTwoFactorSignIn(input: $input) { __typename }
        }`,
        { input: { challenge: pending.challenge, code: codeAt(0) } },
      );
      expect(completed.data.completeTwoFactorSignIn.__typename).toBe('InvalidToken');
    } finally {
      stack.clock.set(new Date());
    }
  });

  it('keeps a provider link that verified the same address through a reset', async () => {
    const address = `keeper${rand()}@gmail.com`;
    const browser = new Browser(stack.gatewayUrl);
    const google = { sub: subject(), email: address, emailVerified: true };
    const created = await flow(browser, 'GOOGLE', google);
    expect(created.user).toMatchObject({ email: address, emailVerified: true });
    expect(await resetByMail(browser, address)).toMatchObject({ unlinkedProviders: [] });
    const session = await browser.gql(SIGN_IN, { input: { login: address, password: PASSWORD } });
    expect(session.data.signIn.user.id).toBe(created.user.id);
    const again = await flow(browser, 'GOOGLE', google);
    expect(again).toMatchObject({ __typename: 'AuthSuccess', user: { id: created.user.id } });
  });
});

describe('accounts that held an unverified provider email before the rule', () => {
  it('get a placeholder address from the migration, so the owner can sign up', async () => {
    const address = `owner${rand()}@example.com`;
    const sub = subject();
    const legacy = await flow(new Browser(stack.gatewayUrl), 'VK', { sub, email: address });
    await stack.runtime.database.exec(
      `UPDATE identity.users SET email = '${address}' WHERE id = '${legacy.user.id}'`,
    );
    // Left alone: a password account (its holder can prove the address by a reset) and an
    // account whose address a provider verified.
    const withPassword = await stack.signUp();
    const verified = await flow(new Browser(stack.gatewayUrl), 'GOOGLE', {
      sub: subject(),
      email: `kept${rand()}@gmail.com`,
      emailVerified: true,
    });

    const migration = readFileSync(
      new URL('../../drizzle/identity/0003_release_unproven_addresses.sql', import.meta.url),
      'utf8',
    );
    await stack.runtime.database.exec(migration);
    const emails = await rows<{ id: string; email: string }>(
      stack.runtime.database.db,
      sql`select id, email from identity.users where id in (${legacy.user.id}, ${withPassword.id}, ${verified.user.id})`,
    );
    expect(Object.fromEntries(emails.map((u) => [u.id, u.email]))).toEqual({
      [legacy.user.id]: `vk.${sub}@oauth.invalid`,
      [withPassword.id]: withPassword.email,
      [verified.user.id]: verified.user.email,
    });
    const owner = await stack.signUp({ email: address });
    expect(owner.id).not.toBe(legacy.user.id);
  });
});
