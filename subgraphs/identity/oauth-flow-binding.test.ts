import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_COOKIE_HEADER } from '../../kit/client-cookies.js';
import { Browser } from '../../testkit/browser.js';
import {
  type FakeProfile,
  FakeProviders,
  providerEnv,
  TEST_REDIRECT_URI,
} from '../../testkit/oauth-providers.js';
import { startTestStack, type TestStack } from '../../testkit/stack.js';

/**
 * An OAuth flow finishes only for the client that started it: a browser by the HttpOnly flow
 * cookie oauthStart sets, a native app by the flow secret oauthStart returns to it. Holding
 * `state` and `code` alone (login CSRF, an intercepted redirect) is worth nothing.
 */

const START = `mutation($provider: OAuthProvider!, $redirectUri: String!, $client: OAuthClient) {
  oauthStart(provider: $provider, redirectUri: $redirectUri, client: $client) {
    authorizationUrl state flowSecret
  }
}`;
const CALLBACK = `mutation($provider: OAuthProvider!, $code: String!, $state: String!, $flowSecret: String) {
  oauthCallback(provider: $provider, code: $code, state: $state, flowSecret: $flowSecret) {
    __typename
    ... on AuthSuccess { token user { id } }
    ... on ProviderLinked { linkedAccount { provider } }
    ... on OAuthFailed { reason }
  }
}`;
const FLOW_COOKIE = 'oauth_flow';

type Provider = 'GOOGLE' | 'APPLE' | 'YANDEX' | 'VK';
const PROVIDERS: Provider[] = ['GOOGLE', 'APPLE', 'YANDEX', 'VK'];

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

const subject = () => String(100000 + Math.floor(Math.random() * 1e9));
const profileFor = (provider: Provider): FakeProfile => ({
  sub: provider === 'APPLE' ? `apple.${subject()}` : subject(),
  email: `p${randomBytes(5).toString('hex')}@example.com`,
  emailVerified: provider === 'GOOGLE' || provider === 'APPLE',
});

async function start(browser: Browser, provider: Provider, client?: 'BROWSER' | 'NATIVE', token?: string) {
  const started = await browser.gql(START, { provider, redirectUri: TEST_REDIRECT_URI, client }, { token });
  expect(started.errors).toBeUndefined();
  return started.data.oauthStart as { authorizationUrl: string; state: string; flowSecret: string | null };
}

async function callback(
  browser: Browser,
  provider: Provider,
  grant: { code: string; state: string },
  flowSecret?: string | null,
  token?: string,
) {
  const result = await browser.gql(CALLBACK, { provider, ...grant, flowSecret }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.oauthCallback;
}

describe('login CSRF', () => {
  it.each(PROVIDERS)(
    'a %s callback the attacker prepared fails in the victim’s browser',
    async (provider) => {
      const attacker = new Browser(stack.gatewayUrl);
      const started = await start(attacker, provider);
      const grant = providers.authorize(started.authorizationUrl, profileFor(provider));

      // The victim's browser, with no flow of its own, then with one the victim started.
      const victim = new Browser(stack.gatewayUrl);
      expect(await callback(victim, provider, grant)).toMatchObject({ reason: 'INVALID_STATE' });
      await start(victim, provider);
      expect(victim.cookies.has(FLOW_COOKIE)).toBe(true);
      expect(await callback(victim, provider, grant)).toMatchObject({ reason: 'INVALID_STATE' });
      // The victim's own flow cookie survives the forged callback.
      expect(victim.cookies.has(FLOW_COOKIE)).toBe(true);
    },
  );

  it('a native flow the attacker started fails in the victim’s app, with or without its own secret', async () => {
    const attacker = new Browser(stack.gatewayUrl);
    const started = await start(attacker, 'GOOGLE', 'NATIVE');
    const grant = providers.authorize(started.authorizationUrl, profileFor('GOOGLE'));
    const victim = new Browser(stack.gatewayUrl);
    const own = await start(victim, 'GOOGLE', 'NATIVE');
    expect(await callback(victim, 'GOOGLE', grant)).toMatchObject({ reason: 'INVALID_STATE' });
    expect(await callback(victim, 'GOOGLE', grant, own.flowSecret)).toMatchObject({
      reason: 'INVALID_STATE',
    });
  });
});

describe('code interception', () => {
  it.each(PROVIDERS)(
    'an attacker redeeming the victim’s %s code and state first gets nothing',
    async (provider) => {
      const victim = new Browser(stack.gatewayUrl);
      const started = await start(victim, provider);
      const grant = providers.authorize(started.authorizationUrl, profileFor(provider));

      const attacker = new Browser(stack.gatewayUrl);
      expect(await callback(attacker, provider, grant)).toMatchObject({ reason: 'INVALID_STATE' });
      // A flow cookie of the attacker's own does not fit the victim's state either.
      await start(attacker, provider);
      expect(await callback(attacker, provider, grant)).toMatchObject({ reason: 'INVALID_STATE' });
      // Nor a secret guessed into the argument.
      expect(await callback(attacker, provider, grant, randomBytes(20).toString('hex'))).toMatchObject({
        reason: 'INVALID_STATE',
      });

      // The victim's flow is unharmed: the state was not spent and the code never left the server.
      expect(await callback(victim, provider, grant)).toMatchObject({ __typename: 'AuthSuccess' });
    },
  );

  it('an intercepted native redirect is useless without the app’s flow secret', async () => {
    const app = new Browser(stack.gatewayUrl);
    const started = await start(app, 'YANDEX', 'NATIVE');
    const grant = providers.authorize(started.authorizationUrl, profileFor('YANDEX'));
    const attacker = new Browser(stack.gatewayUrl);
    expect(await callback(attacker, 'YANDEX', grant)).toMatchObject({ reason: 'INVALID_STATE' });
    expect(await callback(attacker, 'YANDEX', grant, 'x'.repeat(32))).toMatchObject({
      reason: 'INVALID_STATE',
    });
    expect(await callback(app, 'YANDEX', grant, started.flowSecret)).toMatchObject({
      __typename: 'AuthSuccess',
    });
  });
});

describe('honest flows', () => {
  it.each(PROVIDERS)('a browser signs in with %s through the flow cookie', async (provider) => {
    const browser = new Browser(stack.gatewayUrl);
    const started = await start(browser, provider);
    // The secret is the cookie's alone: script on the page never sees it.
    expect(started.flowSecret).toBeNull();
    const line = browser.setCookieLines.at(-1)!;
    expect(line).toMatch(new RegExp(`^${FLOW_COOKIE}=[a-z0-9]{32};`));
    expect(line.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=600', 'Path=/', 'SameSite=Lax']);
    // The subgraph's request to set it is the gateway's to act on, never passed through, and
    // no cache keeps a response that sets a cookie.
    expect([...browser.lastHeaders.keys()].filter((name) => name.startsWith('x-fitness'))).toEqual([]);
    expect(browser.lastHeaders.get('cache-control')).toBe('private, no-store');

    const grant = providers.authorize(started.authorizationUrl, profileFor(provider));
    const result = await callback(browser, provider, grant);
    expect(result.__typename).toBe('AuthSuccess');
    // Used up: the callback clears the cookie.
    expect(browser.setCookieLines.at(-1)).toMatch(new RegExp(`^${FLOW_COOKIE}=;.*Max-Age=0`));
    expect(browser.cookies.has(FLOW_COOKIE)).toBe(false);
    const me = await browser.gql('{ me { id } }', {}, { token: result.token });
    expect(me.data.me.id).toBe(result.user.id);
  });

  it.each(PROVIDERS)('a native app signs in with %s through its flow secret', async (provider) => {
    const app = new Browser(stack.gatewayUrl);
    const started = await start(app, provider, 'NATIVE');
    expect(started.flowSecret).toMatch(/^[a-z0-9]{32}$/);
    expect(app.setCookieLines).toEqual([]);
    const grant = providers.authorize(started.authorizationUrl, profileFor(provider));
    expect(await callback(app, provider, grant, started.flowSecret)).toMatchObject({
      __typename: 'AuthSuccess',
    });
    // Once only.
    expect(await callback(app, provider, grant, started.flowSecret)).toMatchObject({
      reason: 'INVALID_STATE',
    });
  });

  it('links a provider from a signed-in browser, and only there', async () => {
    const user = await stack.signUp();
    const browser = new Browser(stack.gatewayUrl);
    const started = await start(browser, 'VK', 'BROWSER', user.token);
    const grant = providers.authorize(started.authorizationUrl, profileFor('VK'));
    const elsewhere = new Browser(stack.gatewayUrl);
    expect(await callback(elsewhere, 'VK', grant, null, user.token)).toMatchObject({
      reason: 'INVALID_STATE',
    });
    expect(await callback(browser, 'VK', grant, null, user.token)).toMatchObject({
      __typename: 'ProviderLinked',
      linkedAccount: { provider: 'VK' },
    });
  });
});

describe('how the flow cookie travels', () => {
  it('identity reads the flow cookie only when the gateway passes it on', async () => {
    const browser = new Browser(stack.gatewayUrl);
    const started = await start(browser, 'GOOGLE');
    const grant = providers.authorize(started.authorizationUrl, profileFor('GOOGLE'));
    // Straight to identity with the cookie in the gateway's header, but no signed identity.
    const direct = await fetch(stack.subgraphUrls.identity, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CLIENT_COOKIE_HEADER]: `${FLOW_COOKIE}=${browser.cookies.get(FLOW_COOKIE)}`,
      },
      body: JSON.stringify({ query: CALLBACK, variables: { provider: 'GOOGLE', ...grant } }),
    });
    expect(((await direct.json()) as any).data.oauthCallback).toMatchObject({ reason: 'INVALID_STATE' });
    expect(await callback(browser, 'GOOGLE', grant)).toMatchObject({ __typename: 'AuthSuccess' });
  });

  it('is Secure and __Host- prefixed where the app is served over https', async () => {
    const secure = await startTestStack({
      env: { ...providerEnv(), PUBLIC_APP_URL: 'https://app.fitness.test' },
    });
    try {
      const browser = new Browser(secure.gatewayUrl);
      const started = await browser.gql(START, { provider: 'VK', redirectUri: TEST_REDIRECT_URI });
      const line = browser.setCookieLines.at(-1)!;
      expect(line).toMatch(/^__Host-oauth_flow=[a-z0-9]{32}; /);
      expect(line.split('; ').slice(1).sort()).toEqual([
        'HttpOnly',
        'Max-Age=600',
        'Path=/',
        'SameSite=Lax',
        'Secure',
      ]);
      const grant = providers.authorize(started.data.oauthStart.authorizationUrl, profileFor('VK'));
      // A cookie without the prefix (which a sibling subdomain could set) does not count.
      const planted = new Browser(secure.gatewayUrl);
      planted.cookies.set(FLOW_COOKIE, browser.cookies.get('__Host-oauth_flow')!);
      const refused = await planted.gql(CALLBACK, { provider: 'VK', ...grant });
      expect(refused.data.oauthCallback).toMatchObject({ reason: 'INVALID_STATE' });
      const result = await browser.gql(CALLBACK, { provider: 'VK', ...grant });
      expect(result.data.oauthCallback.__typename).toBe('AuthSuccess');
    } finally {
      await secure.stop();
    }
  });
});
