import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../../testkit/browser.js';
import { DEFAULT_PASSWORD, startTestStack, type TestStack } from '../../../testkit/stack.js';
import {
  ApiError,
  type Client,
  createClient,
  MeDocument,
  SignInDocument,
  SubscriptionPlansDocument,
} from './index.js';

/** The client package against a real supergraph, as an app and a browser use it. */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** A fetch that records each call's method and body, to see what went over the wire. */
function recordingFetch(inner: typeof fetch = fetch) {
  const calls: { method: string; body: any; url: string }[] = [];
  const wrapped = (async (input: string | URL | Request, init: RequestInit = {}) => {
    calls.push({
      method: init.method ?? 'GET',
      url: String(input),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return inner(input, init);
  }) as typeof fetch;
  return { calls, fetch: wrapped };
}

function bearerClient(
  token: () => string | null,
  fetchImpl?: typeof fetch,
  extra: Partial<Parameters<typeof createClient>[0]> = {},
): Client {
  return createClient({
    url: stack.gatewayUrl,
    session: { kind: 'bearer', token },
    fetch: fetchImpl,
    ...extra,
  });
}

describe('bearer sessions (apps)', () => {
  it('signs in and reads the viewer with typed documents, each sent by its manifest hash alone', async () => {
    const user = await stack.signUp();
    let token: string | null = null;
    const wire = recordingFetch();
    const client = bearerClient(() => token, wire.fetch);
    const signIn = await client.data(SignInDocument, {
      input: { login: user.email, password: DEFAULT_PASSWORD },
    });
    if (signIn.signIn.__typename !== 'AuthSuccess')
      throw new Error(`signIn answered ${signIn.signIn.__typename}`);
    token = signIn.signIn.token ?? null;
    const me = await client.data(MeDocument);
    expect(me.me?.id).toBe(user.id);
    expect(wire.calls).toHaveLength(2);
    for (const call of wire.calls) {
      expect(call.body.query).toBeUndefined();
      expect(call.body.extensions.persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('throws an ApiError with the typed code and reason when the session has ended', async () => {
    const user = await stack.signUp();
    const client = bearerClient(() => user.token);
    await client.data({ toString: () => 'mutation { signOut }' } as never);
    const error = await client.data(MeDocument).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).find('UNAUTHENTICATED')?.reason).toBe('SESSION_ENDED');
  });

  it('answers bad variables with a typed BAD_USER_INPUT and no data', async () => {
    const client = bearerClient(() => null);
    const result = await client.execute(SignInDocument, {
      input: { login: 'x', password: 'y', extra: 1 } as never,
    });
    expect(result.data).toBeNull();
    expect(result.errors[0]?.code).toBe('BAD_USER_INPUT');
  });
});

describe('cookie sessions (browsers)', () => {
  it('keeps the session in the HttpOnly cookie: no token reaches the script', async () => {
    const user = await stack.signUp();
    const browser = new Browser(stack.gatewayUrl);
    const client = createClient({ url: stack.gatewayUrl, session: { kind: 'cookie' }, fetch: browser.fetch });
    const signIn = await client.data(SignInDocument, {
      input: { login: user.username, password: DEFAULT_PASSWORD },
      session: 'COOKIE',
    });
    expect(signIn.signIn.__typename).toBe('AuthSuccess');
    if (signIn.signIn.__typename === 'AuthSuccess') expect(signIn.signIn.token).toBeNull();
    expect([...browser.cookies.keys()].some((name) => name.endsWith('session'))).toBe(true);
    expect((await client.data(MeDocument)).me?.id).toBe(user.id);
  });
});

describe('persisted queries', () => {
  it('sends a document outside the manifest by hash, and its text only the first time', async () => {
    const wire = recordingFetch();
    const client = bearerClient(() => null, wire.fetch);
    const adHoc = { toString: () => 'query AdHocPlans { subscriptionPlans { nodes { id } } }' } as never;
    await client.data(adHoc);
    expect(wire.calls.map((call) => call.body.query === undefined)).toEqual([true, false]);
    await client.data(adHoc);
    expect(wire.calls).toHaveLength(3);
    expect(wire.calls[2]?.body.query).toBeUndefined();
  });

  it('sends queries as GET when asked, so a CDN can keep public reads; mutations stay POST', async () => {
    const wire = recordingFetch();
    const client = bearerClient(() => null, wire.fetch, { getForQueries: true });
    const plans = await client.data(SubscriptionPlansDocument);
    expect(Array.isArray(plans.subscriptionPlans.nodes)).toBe(true);
    expect(wire.calls[0]?.method).toBe('GET');
    expect(wire.calls[0]?.url).toContain('extensions=');
    await client.execute(SignInDocument, { input: { login: 'nobody', password: 'wrong-password' } });
    expect(wire.calls[1]?.method).toBe('POST');
  });
});
