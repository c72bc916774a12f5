import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  MeDocument,
  SignUpDocument,
  SubscriptionPlansDocument,
  WorkoutSessionUpdatedDocument,
} from '../clients/typescript/src/index.js';
import manifest from '../clients/typescript/src/generated/persisted-documents.json' with { type: 'json' };
import { CLIENT_MANIFEST } from '../gateway/server.js';
import { loadTrustedDocuments } from '../gateway/trusted-documents.js';
import { DEFAULT_PASSWORD, startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * TRUSTED_DOCUMENTS=off|allow|only through the gateway: the client package's manifest documents
 * run by hash; `only` refuses everything else with a 400 and a code.
 */
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
const plansHash = hashOf(
  (manifest as Record<string, string>)[SubscriptionPlansDocument.__meta__?.hash as string] ?? '',
);
const FREE_TEXT = '{ subscriptionPlans { nodes { id name } } }';

async function send(stack: TestStack, body: Record<string, unknown>) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const byHash = (sha256Hash: string, extra: Record<string, unknown> = {}) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash } },
  variables: {},
  ...extra,
});
const codeOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0]?.extensions?.code;

describe('the manifest', () => {
  it('holds one document per client operation, keyed by the sha256 of its text', () => {
    const entries = Object.entries(manifest as Record<string, string>);
    expect(entries.length).toBeGreaterThan(50);
    for (const [key, text] of entries) expect(key).toBe(`sha256:${hashOf(text)}`);
    expect(loadTrustedDocuments('only', CLIENT_MANIFEST).byHash.size).toBe(entries.length);
  });

  it('refuses to load a manifest whose key is not its document’s hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const path = join(dir, 'persisted-documents.json');
    writeFileSync(path, JSON.stringify({ [`sha256:${hashOf('{ a }')}`]: '{ b }' }));
    expect(() => loadTrustedDocuments('only', path)).toThrow(/not the hash/);
  });
});

describe('TRUSTED_DOCUMENTS=only', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { TRUSTED_DOCUMENTS: 'only' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('runs a manifest document by its hash, over POST, GET or as a documentId', async () => {
    const posted = await send(stack, byHash(plansHash));
    expect(posted.body.errors).toBeUndefined();
    expect(Array.isArray(posted.body.data.subscriptionPlans.nodes)).toBe(true);
    const url = `${stack.gatewayUrl}?extensions=${encodeURIComponent(JSON.stringify(byHash(plansHash).extensions))}`;
    const got = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(got.status).toBe(200);
    expect(((await got.json()) as any).data.subscriptionPlans).toBeDefined();
    const byId = await send(stack, { documentId: `sha256:${plansHash}`, variables: {} });
    expect(byId.body.errors).toBeUndefined();
  });

  it("passes every manifest document through the gateway's validation and query limits", async () => {
    // Without variables a document with required ones stops at their coercion (BAD_USER_INPUT);
    // one the gateway would refuse as written (a cost beyond the limit with its own page sizes, a
    // field that is gone) answers GRAPHQL_VALIDATION_FAILED and must not ship.
    const refused: string[] = [];
    for (const [hash, text] of Object.entries(manifest as Record<string, string>)) {
      const answer = await send(stack, byHash(hash.replace(/^sha256:/, '')));
      const codes = (answer.body.errors ?? []).map((error: any) => error.extensions?.code);
      if (codes.includes('GRAPHQL_VALIDATION_FAILED') || codes.includes('PERSISTED_QUERY_NOT_IN_LIST')) {
        refused.push(`${text.match(/(query|mutation) (\w+)/)?.[2]}: ${answer.body.errors?.[0]?.message}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('runs the client package unchanged: sign up, then read the viewer', async () => {
    let token: string | null = null;
    const client = createClient({ url: stack.gatewayUrl, session: { kind: 'bearer', token: () => token } });
    const name = `trusted${Date.now()}`;
    const signUp = await client.data(SignUpDocument, {
      input: { email: `${name}@example.com`, username: name, password: DEFAULT_PASSWORD },
    });
    if (signUp.signUp.__typename !== 'AuthSuccess')
      throw new Error(`signUp answered ${signUp.signUp.__typename}`);
    token = signUp.signUp.token ?? null;
    expect((await client.data(MeDocument)).me?.id).toBe(signUp.signUp.user.id);
  });

  it('runs a manifest subscription by its hash over WebSocket, and refuses free text there too', async () => {
    const name = `live${Date.now()}`;
    const signUp = await createClient({
      url: stack.gatewayUrl,
      session: { kind: 'bearer', token: () => null },
    }).data(SignUpDocument, {
      input: { email: `${name}@example.com`, username: name, password: DEFAULT_PASSWORD },
    });
    if (signUp.signUp.__typename !== 'AuthSuccess')
      throw new Error(`signUp answered ${signUp.signUp.__typename}`);
    const client = stack.subscriptions({ token: signUp.signUp.token });
    await client.connected;
    const refused = client.subscribe('subscription { workoutSessionUpdated { id } }');
    const [answer] = await refused.waitFor(1);
    expect(answer!.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ID_REQUIRED');
    const hash = WorkoutSessionUpdatedDocument.__meta__?.hash as string;
    const running = client.subscribe(
      '',
      {},
      { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } },
    );
    await stack.listening(1);
    expect(running.results).toEqual([]);
    await client.close();
  });

  it('runs a manifest subscription by its hash over multipart HTTP, and refuses free text there too', async () => {
    const name = `stream${Date.now()}`;
    const signUp = await createClient({
      url: stack.gatewayUrl,
      session: { kind: 'bearer', token: () => null },
    }).data(SignUpDocument, {
      input: { email: `${name}@example.com`, username: name, password: DEFAULT_PASSWORD },
    });
    if (signUp.signUp.__typename !== 'AuthSuccess')
      throw new Error(`signUp answered ${signUp.signUp.__typename}`);
    const token = signUp.signUp.token;
    const refused = await stack.stream('subscription { workoutSessionUpdated { id } }', {}, { token })
      .response;
    expect(refused.status).toBe(400);
    expect(refused.refused?.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ID_REQUIRED');
    const unknown = await stack.stream(
      '',
      {},
      {
        token,
        extensions: { persistedQuery: { version: 1, sha256Hash: hashOf('subscription { x }') } },
      },
    ).response;
    expect(unknown.refused?.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    const hash = String(WorkoutSessionUpdatedDocument.__meta__?.hash ?? '').replace(/^sha256:/, '');
    const running = stack.stream(
      '',
      {},
      {
        token,
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      },
    );
    expect((await running.response).status).toBe(200);
    running.close();
  });

  it('refuses free query text with 400 PERSISTED_QUERY_ID_REQUIRED', async () => {
    const answer = await send(stack, { query: FREE_TEXT });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('PERSISTED_QUERY_ID_REQUIRED');
    expect(answer.body.data).toBeUndefined();
    const got = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent(FREE_TEXT)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(got.status).toBe(400);
  });

  it('refuses an unknown hash, and registering one, with 400 PERSISTED_QUERY_NOT_IN_LIST', async () => {
    const unknown = await send(stack, byHash(hashOf(FREE_TEXT)));
    expect(unknown.status).toBe(400);
    expect(codeOf(unknown)).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    const register = await send(stack, byHash(hashOf(FREE_TEXT), { query: FREE_TEXT }));
    expect(codeOf(register)).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    // Still unknown afterwards: nothing was registered.
    expect(codeOf(await send(stack, byHash(hashOf(FREE_TEXT))))).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  it('never lets a manifest hash carry other text', async () => {
    const answer = await send(stack, byHash(plansHash, { query: '{ me { id email } }' }));
    // The manifest's document runs, not the text sent beside its hash.
    expect(answer.body.data?.me).toBeUndefined();
    expect(answer.body.data?.subscriptionPlans).toBeDefined();
  });
});

describe('TRUSTED_DOCUMENTS=allow (the default)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('runs manifest documents by hash and any other document as usual', async () => {
    expect((await send(stack, byHash(plansHash))).body.data.subscriptionPlans).toBeDefined();
    expect((await send(stack, { query: FREE_TEXT })).body.data.subscriptionPlans).toBeDefined();
    // Automatic persisted queries still work for documents outside the manifest.
    expect(codeOf(await send(stack, byHash(hashOf(FREE_TEXT))))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await send(stack, byHash(hashOf(FREE_TEXT), { query: FREE_TEXT }))).body.errors).toBeUndefined();
    expect((await send(stack, byHash(hashOf(FREE_TEXT)))).body.data.subscriptionPlans).toBeDefined();
  });
});

describe('TRUSTED_DOCUMENTS=off', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { TRUSTED_DOCUMENTS: 'off' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('knows no manifest hash; the client falls back to persisted queries of its own text', async () => {
    expect(codeOf(await send(stack, byHash(plansHash)))).toBe('PERSISTED_QUERY_NOT_FOUND');
    const calls: string[] = [];
    const client = createClient({
      url: stack.gatewayUrl,
      session: { kind: 'bearer', token: () => null },
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        calls.push(String(init?.body ?? ''));
        return fetch(input, init);
      }) as typeof fetch,
    });
    expect((await client.data(SubscriptionPlansDocument)).subscriptionPlans).toBeDefined();
    expect(calls).toHaveLength(3); // manifest hash (unknown), own hash (unknown), own hash + text
    expect((await client.data(SubscriptionPlansDocument)).subscriptionPlans).toBeDefined();
    expect(calls).toHaveLength(4); // from then on, its own hash alone
  });

  it('streams a subscription with the client package: the manifest hash is unknown, so it sends the text', async () => {
    const name = `off${Date.now()}`;
    const bodies: string[] = [];
    let token: string | null = null;
    const client = createClient({
      url: stack.gatewayUrl,
      session: { kind: 'bearer', token: () => token },
      persistedDocuments: true,
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        bodies.push(String(init?.body ?? ''));
        return fetch(input, init);
      }) as typeof fetch,
    });
    const signUp = await createClient({
      url: stack.gatewayUrl,
      session: { kind: 'bearer', token: () => null },
    }).data(SignUpDocument, {
      input: { email: `${name}@example.com`, username: name, password: DEFAULT_PASSWORD },
    });
    if (signUp.signUp.__typename !== 'AuthSuccess') throw new Error('signUp failed');
    token = signUp.signUp.token;
    const errors: unknown[] = [];
    const stop = client.subscribe(
      WorkoutSessionUpdatedDocument,
      {},
      { next: () => {}, error: (e) => errors.push(e) },
    );
    await stack.listening(1);
    expect(errors).toEqual([]);
    expect(bodies).toHaveLength(2); // the manifest hash (unknown here), then the text
    expect(JSON.parse(bodies[1]!).query).toContain('workoutSessionUpdated');
    stop();
  });
});
