import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack, type TestUser } from '../testkit/stack.js';
import { gqlAs, signUpTrainer, type TestTrainer } from '../testkit/trainer.js';

/**
 * Public reads answered to anonymous clients carry `cache-control: public, max-age=N` from the
 * subgraphs' cache hints, so a CDN can keep GET requests (with APQ); everything personal, every
 * error and every signed-in answer stays `private, no-store`.
 */
let stack: TestStack;
let trainer: TestTrainer;
let member: TestUser;

const PLANS = '{ subscriptionPlans { nodes { id name priceCents currency } pageInfo { hasNextPage } } }';
const EXERCISES = '{ exercises(first: 5) { nodes { id name difficulty } } }';
const SEARCH_WITH_CREATORS = `{
  searchContent { nodes { item { id title creator { id certificationLevel verified } } } }
  exercises(first: 1) { nodes { id } }
}`;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await signUpTrainer(stack);
  member = await stack.signUp();
  const created = await gqlAs(
    stack,
    trainer,
    'mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }',
    { input: { type: 'VIDEO', title: 'Mobility for runners' } },
  );
  expect(created.errors).toBeUndefined();
  const published = await gqlAs(stack, trainer, 'mutation($id: ID!) { publishContentItem(id: $id) { id } }', {
    id: created.data.createContentItem.id,
  });
  expect(published.errors).toBeUndefined();
});
afterAll(async () => {
  await stack?.stop();
});

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const bearer = (user: TestUser) => ({ authorization: `Bearer ${user.token}` });

describe('public reads for anonymous clients', () => {
  it('marks the plan list public for the plans’ hint, varying on credentials', async () => {
    const { response, body } = await post(PLANS);
    expect(body.errors).toBeUndefined();
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const vary = response.headers.get('vary') ?? '';
    expect(vary).toMatch(/authorization/i);
    expect(vary).toMatch(/cookie/i);
  });

  it('takes the shortest hint of every subgraph an answer crosses, entity fetches included', async () => {
    const { response, body } = await post(SEARCH_WITH_CREATORS);
    expect(body.errors).toBeUndefined();
    // The creator's fields come from training through an entity fetch; content's hint is 60 s.
    expect(body.data.searchContent.nodes[0].item.creator.id).toBe(trainer.trainerId);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('serves a persisted query over GET with the public header, as a CDN would fetch it', async () => {
    const sha256Hash = createHash('sha256').update(EXERCISES).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const url = `${stack.gatewayUrl}?extensions=${encodeURIComponent(extensions)}`;
    // Apollo's CSRF rule: a GET must say it is not a simple cross-site request.
    const headers = { 'apollo-require-preflight': 'true' };
    const unknown = await fetch(url, { headers });
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('private, no-store');
    const registered = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: EXERCISES, extensions: JSON.parse(extensions) }),
    });
    expect(registered.status).toBe(200);
    const cached = await fetch(url, { headers });
    expect(cached.status).toBe(200);
    expect(((await cached.json()) as any).errors).toBeUndefined();
    expect(cached.headers.get('cache-control')).toBe('public, max-age=300');
  });
});

describe('everything else is private, no-store', () => {
  it('never marks a signed-in viewer’s answer public, even for a public field', async () => {
    for (const query of [PLANS, SEARCH_WITH_CREATORS]) {
      const { response, body } = await post(query, bearer(member));
      expect(body.errors).toBeUndefined();
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('keeps personal data and any field without a hint out of caches', async () => {
    const personal = await post('{ me { id email } }', bearer(member));
    expect(personal.body.data.me.id).toBe(member.id);
    expect(personal.response.headers.get('cache-control')).toBe('private, no-store');
    // A public list that reaches an unhinted entity (a trainer's user account) is not public.
    const unhinted = await post('{ trainers { nodes { id user { id } } } }');
    expect(unhinted.body.errors).toBeUndefined();
    expect(unhinted.response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('never caches an error or a mutation', async () => {
    const failed = await post('{ exercise(id: "not-an-id") { id } }');
    expect(failed.body.errors?.length).toBeGreaterThan(0);
    expect(failed.response.headers.get('cache-control')).toBe('private, no-store');
    const mutation = await post('mutation { signOut }', bearer(await stack.signUp()));
    expect(mutation.response.headers.get('cache-control')).toBe('private, no-store');
  });
});
