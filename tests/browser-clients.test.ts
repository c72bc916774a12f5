import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsOriginsFromEnv, DEVELOPMENT_WEB_ORIGIN } from '../gateway/server.js';
import { sessionCredentialFrom } from '../gateway/viewer.js';
import { Browser } from '../testkit/browser.js';
import { DEFAULT_PASSWORD, startTestStack, type TestStack } from '../testkit/stack.js';

/** A web app served from its own origin, the way browsers call the gateway. */
const WEB = 'http://localhost:5173';
const OTHER = 'https://evil.example';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { CORS_ORIGINS: `${WEB},https://app.example.com` } });
});
afterAll(async () => {
  await stack?.stop();
});

const preflight = (origin: string) =>
  fetch(stack.gatewayUrl, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });

describe('CORS for browsers on other origins', () => {
  it('answers an allowed origin’s preflight with 204 and credentialed allow headers', async () => {
    const response = await preflight(WEB);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    const allowHeaders = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of [
      'content-type',
      'authorization',
      'apollo-require-preflight',
      'x-apollo-operation-name',
    ])
      expect(allowHeaders).toContain(header);
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('marks the actual answer to an allowed origin readable, with credentials', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { origin: WEB, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives any other origin no CORS headers, on the preflight or the answer', async () => {
    const answer = await preflight(OTHER);
    expect(answer.status).not.toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(post.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('still refuses a simple cross-site request (CSRF), allowed origin or not', async () => {
    for (const origin of [OTHER, WEB]) {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { origin, 'content-type': 'text/plain' },
        body: JSON.stringify({ query: 'mutation { signOutEverywhere }' }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF|preflight/i);
    }
  });

  it('defaults to the example web app in development and to nobody in production', () => {
    expect(DEVELOPMENT_WEB_ORIGIN).toBe(WEB);
    expect(corsOriginsFromEnv({ NODE_ENV: 'development', CORS_ORIGINS: undefined })).toEqual([WEB]);
    expect(corsOriginsFromEnv({ NODE_ENV: 'production', CORS_ORIGINS: undefined })).toEqual([]);
    expect(
      corsOriginsFromEnv({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example, https://b.example' }),
    ).toEqual(['https://a.example', 'https://b.example']);
    expect(() =>
      corsOriginsFromEnv({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example/path' }),
    ).toThrow();
    expect(() => corsOriginsFromEnv({ NODE_ENV: 'production', CORS_ORIGINS: '*' })).toThrow();
  });
});

const TRACK = `mutation Track($events: [AnalyticsEventInput!]!) { trackEvents(events: $events) { accepted } }`;
const oneEvent = () => ({ events: [{ clientEventId: randomUUID(), eventType: 'page_view', source: 'WEB' }] });

describe('a credential that names no live session', () => {
  const expectRefused = (result: { status?: number; data?: unknown; errors?: any[] }, reason: string) => {
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
  };

  it('is refused with UNAUTHENTICATED, never run anonymously: signed out, unknown, malformed', async () => {
    const user = await stack.signUp();
    expect((await stack.gql('{ me { id } }', {}, { token: user.token })).data.me.id).toBe(user.id);
    await stack.gql('mutation { signOut }', {}, { token: user.token });
    expectRefused(await stack.gql('{ me { id } }', {}, { token: user.token }), 'SESSION_ENDED');
    expectRefused(await stack.gql(TRACK, oneEvent(), { token: user.token }), 'SESSION_ENDED');
    expectRefused(await stack.gql('{ me { id } }', {}, { token: 'x'.repeat(40) }), 'SESSION_ENDED');
    expectRefused(
      await stack.gql('{ me { id } }', {}, { headers: { authorization: 'Bearer not a token' } }),
      'INVALID_TOKEN',
    );
    expectRefused(
      await stack.gql('{ me { id } }', {}, { headers: { authorization: 'Basic abc' } }),
      'INVALID_TOKEN',
    );
  });

  it('is refused once the session expires', async () => {
    const user = await stack.signUp();
    stack.clock.advance(31 * 24 * 3600 * 1000);
    try {
      expectRefused(await stack.gql('{ me { id } }', {}, { token: user.token }), 'SESSION_ENDED');
    } finally {
      stack.clock.advance(-31 * 24 * 3600 * 1000);
    }
  });

  it('leaves a request without any credential anonymous', async () => {
    const me = await stack.gql('{ me { id } }');
    expect(me.status).toBe(200);
    expect(me.data.me).toBeNull();
    const tracked = await stack.gql(TRACK, oneEvent());
    expect(tracked.data.trackEvents.accepted).toBe(1);
  });
});

const SIGN_IN = `mutation SignIn($input: SignInInput!, $session: SessionDelivery) {
  signIn(input: $input, session: $session) { __typename ... on AuthSuccess { token expiresAt user { id } } }
}`;
const SIGN_UP = `mutation SignUp($input: SignUpInput!, $session: SessionDelivery) {
  signUp(input: $input, session: $session) { __typename ... on AuthSuccess { token user { id } } }
}`;

describe('cookie sessions for browsers, bearer tokens for apps', () => {
  it('signs a browser in with an HttpOnly, SameSite=Lax cookie and no token for JavaScript', async () => {
    const user = await stack.signUp();
    const browser = new Browser(stack.gatewayUrl);
    const signIn = await browser.gql(SIGN_IN, {
      input: { login: user.username, password: DEFAULT_PASSWORD },
      session: 'COOKIE',
    });
    expect(signIn.data.signIn).toMatchObject({
      __typename: 'AuthSuccess',
      token: null,
      user: { id: user.id },
    });
    const line = browser.setCookieLines.find((l) => l.startsWith('session='));
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).toMatch(/; Path=\//);
    expect(Number(/Max-Age=(\d+)/.exec(line ?? '')?.[1])).toBeGreaterThan(29 * 24 * 3600);
    expect(browser.lastHeaders.get('cache-control')).toBe('private, no-store');

    const me = await browser.gql('{ me { id } }');
    expect(me.data.me.id).toBe(user.id);

    const stolen = browser.cookies.get('session');
    const signOut = await browser.gql('mutation { signOut }');
    expect(signOut.data.signOut).toBe(true);
    expect(browser.cookies.has('session')).toBe(false);
    expect((await browser.gql('{ me { id } }')).data.me).toBeNull();

    // The ended session's cookie, sent again, is refused and cleared.
    browser.cookies.set('session', stolen ?? '');
    const replay = await browser.gql('{ me { id } }');
    expect(replay.status).toBe(401);
    expect(replay.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_ENDED',
    });
    expect(browser.cookies.has('session')).toBe(false);
  });

  it('signs a browser up with the cookie, and signOutEverywhere clears it', async () => {
    const browser = new Browser(stack.gatewayUrl);
    const name = `web${randomUUID().slice(0, 8)}`;
    const signUp = await browser.gql(SIGN_UP, {
      input: { email: `${name}@example.com`, username: name, password: DEFAULT_PASSWORD },
      session: 'COOKIE',
    });
    expect(signUp.data.signUp).toMatchObject({ __typename: 'AuthSuccess', token: null });
    expect((await browser.gql('{ me { id } }')).data.me.id).toBe(signUp.data.signUp.user.id);
    expect((await browser.gql('mutation { signOutEverywhere }')).data.signOutEverywhere).toBe(1);
    expect(browser.cookies.has('session')).toBe(false);
  });

  it('keeps handing apps a bearer token and sets no cookie by default', async () => {
    const user = await stack.signUp();
    const app = new Browser(stack.gatewayUrl);
    const signIn = await app.gql(SIGN_IN, { input: { login: user.username, password: DEFAULT_PASSWORD } });
    expect(signIn.data.signIn.token).toMatch(/^[A-Za-z0-9._~+/=-]{16,128}$/);
    expect(app.setCookieLines).toEqual([]);
    expect((await app.gql('{ me { id } }', {}, { token: signIn.data.signIn.token })).data.me.id).toBe(
      user.id,
    );
  });

  it('reads the session cookie under its __Host- name where cookies are Secure, and bearer first', () => {
    const token = 't'.repeat(32);
    expect(sessionCredentialFrom({ cookie: `session=${token}` }, true)).toBeNull();
    expect(sessionCredentialFrom({ cookie: `__Host-session=${token}` }, true)).toEqual({
      token,
      fromCookie: true,
    });
    expect(sessionCredentialFrom({ cookie: `session=${token}` }, false)).toEqual({ token, fromCookie: true });
    expect(sessionCredentialFrom({ cookie: 'session=bad' }, false)).toEqual({
      token: null,
      fromCookie: true,
    });
    expect(
      sessionCredentialFrom({ authorization: `Bearer ${'b'.repeat(32)}`, cookie: `session=${token}` }, false),
    ).toEqual({ token: 'b'.repeat(32), fromCookie: false });
    expect(sessionCredentialFrom({}, false)).toBeNull();
  });
});
