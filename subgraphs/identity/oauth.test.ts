import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { Browser } from '../../testkit/browser.js';
import { startTestStack, type TestStack } from '../../testkit/stack.js';
import {
  type FakeProfile,
  FakeProviders,
  providerEnv,
  TEST_REDIRECT_URI,
} from '../../testkit/oauth-providers.js';

const START = `mutation($provider: OAuthProvider!, $redirectUri: String!) {
  oauthStart(provider: $provider, redirectUri: $redirectUri) { authorizationUrl state expiresAt }
}`;
const CALLBACK = `mutation($provider: OAuthProvider!, $code: String!, $state: String!) {
  oauthCallback(provider: $provider, code: $code, state: $state) {
    __typename
    ... on AuthSuccess {
      token
      user { id email emailVerified linkedAccounts { provider emailFromProvider emailVerified } }
    }
    ... on ProviderLinked { linkedAccount { provider emailFromProvider linkedAt } }
    ... on OAuthFailed { reason message }
    ... on OAuthEmailInUse { message }
    ... on TwoFactorRequired { challenge }
  }
}`;
const LINKED = '{ linkedAccounts { provider } }';
const UNLINK = `mutation($provider: OAuthProvider!) {
  unlinkProvider(provider: $provider) {
    __typename
    ... on ProviderUnlinked { linkedAccounts { provider } }
    ... on LastSignInMethod { message }
  }
}`;

type Provider = 'GOOGLE' | 'APPLE' | 'YANDEX' | 'VK';

let stack: TestStack;
let providers: FakeProviders;
/** Flows run in a browser, which carries the flow cookie from oauthStart to oauthCallback. */
let browser: Browser;
beforeAll(async () => {
  providers = await new FakeProviders().start();
  stack = await startTestStack({ env: providerEnv() });
  browser = new Browser(stack.gatewayUrl);
});
afterAll(async () => {
  await stack?.stop();
  await providers?.stop();
});

const subject = () => String(100000 + Math.floor(Math.random() * 1e9));

async function start(provider: Provider, token?: string) {
  const started = await browser.gql(START, { provider, redirectUri: TEST_REDIRECT_URI }, { token });
  expect(started.errors).toBeUndefined();
  return started.data.oauthStart as { authorizationUrl: string; state: string };
}

/** The whole browser round trip: start, consent at the provider, callback. */
async function flow(provider: Provider, profile: FakeProfile, token?: string) {
  const { authorizationUrl } = await start(provider, token);
  const { code, state } = providers.authorize(authorizationUrl, profile);
  const result = await browser.gql(CALLBACK, { provider, code, state }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.oauthCallback;
}

describe('OAuth sign-in', () => {
  it('creates an account from Google with PKCE and stores only encrypted tokens', async () => {
    const { authorizationUrl, state } = await start('GOOGLE');
    const url = new URL(authorizationUrl);
    expect(url.host).toBe('accounts.google.com');
    expect(url.searchParams.get('state')).toBe(state);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);

    const sub = subject();
    const { code } = providers.authorize(authorizationUrl, {
      sub,
      email: `g${sub}@gmail.com`,
      emailVerified: true,
      firstName: 'Gina',
    });
    const result = await browser.gql(CALLBACK, { provider: 'GOOGLE', code, state });
    const payload = result.data.oauthCallback;
    expect(payload.__typename).toBe('AuthSuccess');
    expect(payload.user).toMatchObject({ email: `g${sub}@gmail.com`, emailVerified: true });
    expect(payload.user.linkedAccounts).toEqual([
      { provider: 'GOOGLE', emailFromProvider: `g${sub}@gmail.com`, emailVerified: true },
    ]);
    // The fake token endpoint checked the verifier against the challenge: PKCE ran for real.
    const tokenRequest = providers.requests.findLast((r) => r.host === 'oauth2.googleapis.com');
    expect(tokenRequest?.form.get('code_verifier')).toBeTruthy();

    const me = await stack.gql('{ me { id firstName } }', {}, { token: payload.token });
    expect(me.data.me).toEqual({ id: payload.user.id, firstName: 'Gina' });

    // The raw row holds neither token in the clear, only SecretBox output naming its key.
    const [row] = await rows<Record<string, string>>(
      stack.runtime.database.db,
      sql`select * from identity.user_oauth_connections where user_id = ${payload.user.id}`,
    );
    const raw = JSON.stringify(row);
    for (const issued of providers.issuedTokens) expect(raw).not.toContain(issued);
    expect(row!.access_token_encrypted).toMatch(/^k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(providers.issuedTokens).toContain(stack.runtime.secretBox.decrypt(row!.access_token_encrypted!));
    expect(providers.issuedTokens).toContain(stack.runtime.secretBox.decrypt(row!.refresh_token_encrypted!));
    expect(row!.provider_user_id).toBe(sub);

    // Rotation: a new first key encrypts from now on, the old one still opens stored tokens.
    const { SecretBox } = await import('../../kit/crypto.js');
    const rotated = new SecretBox(
      `k2:${randomBytes(32).toString('base64')},${stack.runtime.env!.ENCRYPTION_KEYS}`,
    );
    expect(providers.issuedTokens).toContain(rotated.decrypt(row!.access_token_encrypted!));
    expect(rotated.encrypt('x')).toMatch(/^k2\./);
  });

  it('signs the linked user in again on the next Google sign-in', async () => {
    const sub = subject();
    const first = await flow('GOOGLE', { sub, email: `again${sub}@gmail.com`, emailVerified: true });
    const second = await flow('GOOGLE', { sub, email: `again${sub}@gmail.com`, emailVerified: true });
    expect(second.__typename).toBe('AuthSuccess');
    expect(second.user.id).toBe(first.user.id);
  });

  it('signs in with Apple, Yandex and VK through the real arctic clients', async () => {
    const apple = await flow('APPLE', {
      sub: `apple.${subject()}`,
      email: `a${subject()}@privaterelay.appleid.com`,
      emailVerified: true,
    });
    expect(apple.__typename).toBe('AuthSuccess');
    expect(apple.user.emailVerified).toBe(true);
    const appleToken = providers.requests.findLast((r) => r.host === 'appleid.apple.com');
    expect(appleToken?.form.get('client_secret')?.split('.')).toHaveLength(3);

    const yandexSub = subject();
    const yandexEmail = `y${subject()}@yandex.ru`;
    const yandex = await flow('YANDEX', { sub: yandexSub, email: yandexEmail, firstName: 'Yana' });
    expect(yandex.__typename).toBe('AuthSuccess');
    // Yandex asserts nothing about the address: the account gets a placeholder, the link keeps it.
    expect(yandex.user).toMatchObject({
      email: `yandex.${yandexSub}@oauth.invalid`,
      emailVerified: false,
      linkedAccounts: [{ provider: 'YANDEX', emailFromProvider: yandexEmail, emailVerified: false }],
    });
    expect(providers.requests.some((r) => r.host === 'login.yandex.ru')).toBe(true);

    const vkSub = subject();
    const vk = await flow('VK', { sub: vkSub });
    expect(vk.__typename).toBe('AuthSuccess');
    expect(vk.user.email).toBe(`vk.${vkSub}@oauth.invalid`);
  });
});

describe('OAuth state', () => {
  it('refuses a replayed, unknown, expired or cross-provider state', async () => {
    const { authorizationUrl } = await start('GOOGLE');
    const sub = subject();
    const { code, state } = providers.authorize(authorizationUrl, {
      sub,
      emailVerified: true,
      email: `s${sub}@gmail.com`,
    });
    expect(
      (await browser.gql(CALLBACK, { provider: 'GOOGLE', code, state })).data.oauthCallback.__typename,
    ).toBe('AuthSuccess');

    const replay = await browser.gql(CALLBACK, { provider: 'GOOGLE', code, state });
    expect(replay.data.oauthCallback).toMatchObject({ __typename: 'OAuthFailed', reason: 'INVALID_STATE' });

    const unknown = await browser.gql(CALLBACK, {
      provider: 'GOOGLE',
      code: 'x',
      state: randomBytes(20).toString('hex'),
    });
    expect(unknown.data.oauthCallback.reason).toBe('INVALID_STATE');

    const other = await start('GOOGLE');
    const crossed = await browser.gql(CALLBACK, { provider: 'YANDEX', code: 'x', state: other.state });
    expect(crossed.data.oauthCallback.reason).toBe('INVALID_STATE');

    const late = await start('GOOGLE');
    const lateGrant = providers.authorize(late.authorizationUrl, { sub: subject() });
    stack.clock.advance(11 * 60 * 1000);
    try {
      const expired = await browser.gql(CALLBACK, { provider: 'GOOGLE', ...lateGrant });
      expect(expired.data.oauthCallback.reason).toBe('INVALID_STATE');
    } finally {
      stack.clock.set(new Date());
    }
  });

  it('answers PROVIDER_ERROR when the provider refuses the code, and the state is spent', async () => {
    const { state } = await start('GOOGLE');
    const result = await browser.gql(CALLBACK, { provider: 'GOOGLE', code: 'forged-code', state });
    expect(result.data.oauthCallback).toMatchObject({ __typename: 'OAuthFailed', reason: 'PROVIDER_ERROR' });
    const again = await browser.gql(CALLBACK, { provider: 'GOOGLE', code: 'forged-code', state });
    expect(again.data.oauthCallback.reason).toBe('INVALID_STATE');
  });

  it('refuses a redirect URI that is not registered', async () => {
    const result = await browser.gql(START, { provider: 'GOOGLE', redirectUri: 'https://evil.example/cb' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('binds a linking state to the viewer who started it', async () => {
    const user = await stack.signUp();
    const { authorizationUrl } = await start('GOOGLE', user.token);
    const { code, state } = providers.authorize(authorizationUrl, { sub: subject() });
    const anonymous = await browser.gql(CALLBACK, { provider: 'GOOGLE', code, state });
    expect(anonymous.data.oauthCallback.reason).toBe('INVALID_STATE');
  });
});

describe('accounts and emails', () => {
  it('never lets an unverified provider email take over an existing account', async () => {
    const victim = await stack.signUp();
    const yandex = await flow('YANDEX', { sub: subject(), email: victim.email });
    expect(yandex.__typename).toBe('OAuthEmailInUse');
    // Even Google's verified flag is not enough while the account's own address is unverified:
    // whoever registered it first may not own it.
    const google = await flow('GOOGLE', { sub: subject(), email: victim.email, emailVerified: true });
    expect(google.__typename).toBe('OAuthEmailInUse');
    const [{ n }] = (await rows<{ n: number }>(
      stack.runtime.database.db,
      sql`select count(*)::int as n from identity.user_oauth_connections where user_id = ${victim.id}`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('joins a verified provider email to the account whose email is verified', async () => {
    const user = await stack.signUp();
    await stack.runtime.database.exec(
      `UPDATE identity.users SET email_verified = true WHERE id = '${user.id}'`,
    );
    const google = await flow('GOOGLE', {
      sub: subject(),
      email: user.email.toUpperCase(),
      emailVerified: true,
    });
    expect(google.__typename).toBe('AuthSuccess');
    expect(google.user.id).toBe(user.id);
  });
});

describe('linking and unlinking', () => {
  it('links providers to the signed-in user and lists them', async () => {
    const user = await stack.signUp();
    const linked = await flow('VK', { sub: subject(), email: 'vk-person@mail.ru' }, user.token);
    expect(linked).toMatchObject({
      __typename: 'ProviderLinked',
      linkedAccount: { provider: 'VK', emailFromProvider: 'vk-person@mail.ru' },
    });
    await flow('APPLE', { sub: `apple.${subject()}` }, user.token);
    const list = await stack.gql(LINKED, {}, { token: user.token });
    expect(list.data.linkedAccounts.map((a: { provider: string }) => a.provider).sort()).toEqual([
      'APPLE',
      'VK',
    ]);
  });

  it('refuses to link a provider account that belongs to another user', async () => {
    const sub = subject();
    await flow('GOOGLE', { sub, email: `owner${sub}@gmail.com`, emailVerified: true });
    const user = await stack.signUp();
    const result = await flow('GOOGLE', { sub }, user.token);
    expect(result).toMatchObject({ __typename: 'OAuthFailed', reason: 'ACCOUNT_LINKED_ELSEWHERE' });
  });

  it('refuses to unlink the last sign-in method, allows it when another remains', async () => {
    const created = await flow('YANDEX', { sub: subject() });
    const token = created.token;
    const refused = await stack.gql(UNLINK, { provider: 'YANDEX' }, { token });
    expect(refused.data.unlinkProvider.__typename).toBe('LastSignInMethod');

    await flow('VK', { sub: subject() }, token);
    const unlinked = await stack.gql(UNLINK, { provider: 'YANDEX' }, { token });
    expect(unlinked.data.unlinkProvider).toEqual({
      __typename: 'ProviderUnlinked',
      linkedAccounts: [{ provider: 'VK' }],
    });
    const last = await stack.gql(UNLINK, { provider: 'VK' }, { token });
    expect(last.data.unlinkProvider.__typename).toBe('LastSignInMethod');
    const missing = await stack.gql(UNLINK, { provider: 'GOOGLE' }, { token });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lets a password account unlink its only provider', async () => {
    const user = await stack.signUp();
    await flow('GOOGLE', { sub: subject() }, user.token);
    const result = await stack.gql(UNLINK, { provider: 'GOOGLE' }, { token: user.token });
    expect(result.data.unlinkProvider).toEqual({ __typename: 'ProviderUnlinked', linkedAccounts: [] });
  });
});

describe('OAuth with a second factor', () => {
  it('asks for the TOTP code before a provider sign-in becomes a session', async () => {
    const { decodeBase32IgnorePadding } = await import('@oslojs/encoding');
    const { generateHOTP } = await import('@oslojs/otp');
    const created = await flow('GOOGLE', { sub: subject(), emailVerified: true });
    const token = created.token;
    const enrol = await stack.gql('mutation { enrollTwoFactor { secret } }', {}, { token });
    const key = decodeBase32IgnorePadding(enrol.data.enrollTwoFactor.secret);
    const codeAt = (steps: number) =>
      generateHOTP(key, BigInt(Math.floor(stack.clock.now().getTime() / 30_000) + steps), 6);
    const confirm = await stack.gql(
      'mutation($code: String!) { confirmTwoFactor(code: $code) { __typename } }',
      { code: codeAt(0) },
      { token },
    );
    expect(confirm.data.confirmTwoFactor.__typename).toBe('TwoFactorEnabled');

    const [row] = await rows<{ provider_user_id: string }>(
      stack.runtime.database.db,
      sql`select provider_user_id from identity.user_oauth_connections where user_id = ${created.user.id}`,
    );
    const again = await flow('GOOGLE', { sub: row!.provider_user_id, emailVerified: true });
    expect(again.__typename).toBe('TwoFactorRequired');
    stack.clock.advance(30_000);
    try {
      const done = await stack.gql(
        `mutation($input: CompleteTwoFactorSignInInput!) {
          completeTwoFactorSignIn(input: $input) { __typename ... on AuthSuccess { user { id } } }
        }`,
        { input: { challenge: again.challenge, code: codeAt(0) } },
      );
      expect(done.data.completeTwoFactorSignIn).toEqual({
        __typename: 'AuthSuccess',
        user: { id: created.user.id },
      });
    } finally {
      stack.clock.set(new Date());
    }
  });
});
