import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../testkit/browser.js';
import { FakeProviders, providerEnv, TEST_REDIRECT_URI } from '../../testkit/oauth-providers.js';
import { DEFAULT_PASSWORD, startTestStack, type TestStack } from '../../testkit/stack.js';

/**
 * Everyone can delete their account. A password confirms it; an account that signs in only
 * through a provider (Yandex and VK may give no address to mail a link to) confirms with a fresh
 * sign-in at the provider instead.
 */
const DELETE = `mutation($password: String) {
  deleteMyAccount(password: $password) {
    __typename
    ... on Problem { code }
    ... on ReauthenticationRequired { maxAgeSeconds }
  }
}`;
const START = `mutation($provider: OAuthProvider!, $redirectUri: String!) {
  oauthStart(provider: $provider, redirectUri: $redirectUri) { authorizationUrl }
}`;
const CALLBACK = `mutation($provider: OAuthProvider!, $code: String!, $state: String!) {
  oauthCallback(provider: $provider, code: $code, state: $state) { __typename ... on AuthSuccess { token } }
}`;

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

/** Signs in through VK without an email (no password, no address): a new account each time. */
async function viaVk(sub: string): Promise<string> {
  const browser = new Browser(stack.gatewayUrl);
  const started = await browser.gql(START, { provider: 'VK', redirectUri: TEST_REDIRECT_URI });
  const { code, state } = providers.authorize(started.data.oauthStart.authorizationUrl, { sub });
  const result = await browser.gql(CALLBACK, { provider: 'VK', code, state });
  expect(result.data.oauthCallback.__typename).toBe('AuthSuccess');
  return result.data.oauthCallback.token;
}

describe('deleteMyAccount', () => {
  it('deletes an account without a password right after a sign-in at its provider', async () => {
    const token = await viaVk(`vk-${Date.now()}-1`);
    const deleted = await stack.gql(DELETE, {}, { token });
    expect(deleted.data.deleteMyAccount.__typename).toBe('AccountDeleted');
  });

  it('asks an account without a password to sign in again when its session is older', async () => {
    const sub = `vk-${Date.now()}-2`;
    const token = await viaVk(sub);
    stack.clock.advance(11 * 60_000);
    const refused = await stack.gql(DELETE, {}, { token });
    expect(refused.data.deleteMyAccount).toEqual({
      __typename: 'ReauthenticationRequired',
      code: 'REAUTHENTICATION_REQUIRED',
      maxAgeSeconds: 600,
    });
    // A fresh sign-in through the provider (the same VK account) confirms it.
    const fresh = await viaVk(sub);
    const deleted = await stack.gql(DELETE, {}, { token: fresh });
    expect(deleted.data.deleteMyAccount.__typename).toBe('AccountDeleted');
  });

  it('still asks an account with a password for that password, whatever its session’s age', async () => {
    const user = await stack.signUp();
    const missing = await stack.gql(DELETE, {}, { token: user.token });
    expect(missing.data.deleteMyAccount.__typename).toBe('InvalidCredentials');
    const deleted = await stack.gql(DELETE, { password: DEFAULT_PASSWORD }, { token: user.token });
    expect(deleted.data.deleteMyAccount.__typename).toBe('AccountDeleted');
  });
});
