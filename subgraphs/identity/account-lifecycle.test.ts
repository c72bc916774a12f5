import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import type { DomainEvent } from '../../kit/events/bus.js';
import { unpackStoredPayload } from '../../kit/events/outbox.js';
import { Browser } from '../../testkit/browser.js';
import { eventually, startTestStack, type TestStack } from '../../testkit/stack.js';
import { FakeProviders, providerEnv, TEST_REDIRECT_URI } from '../../testkit/oauth-providers.js';

const SEARCH = `query($prefix: String, $first: Int, $after: String) {
  searchUsers(prefix: $prefix, first: $first, after: $after) {
    nodes { id username email isActive }
    pageInfo { hasNextPage endCursor }
  }
}`;
const DEACTIVATE =
  'mutation($userId: ID!, $reason: String) { deactivateUser(userId: $userId, reason: $reason) { id isActive } }';
const REACTIVATE = 'mutation($userId: ID!) { reactivateUser(userId: $userId) { id isActive } }';
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on AuthSuccess { token } } }`;
const DELETE = `mutation($password: String!) {
  deleteMyAccount(password: $password) { __typename ... on AccountDeleted { deletedAt } ... on InvalidCredentials { message } }
}`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on AuthSuccess { user { id } } } }`;

let stack: TestStack;
let providers: FakeProviders;
const events: DomainEvent[] = [];
beforeAll(async () => {
  providers = await new FakeProviders().start();
  stack = await startTestStack({ env: providerEnv() });
  await stack.runtime.bus.subscribe('lifecycle-test', async (event) => {
    events.push(event);
  });
});
afterAll(async () => {
  await stack?.stop();
  await providers?.stop();
});

/** The user's outbox rows, each with the payload consumers receive (the version goes to the envelope). */
async function outboxOf(userId: string) {
  const written = await rows<{ type: string; payload: Record<string, unknown> }>(
    stack.runtime.database.db,
    sql`select type, payload from identity.outbox where payload->>'userId' = ${userId} order by occurred_at, type`,
  );
  return written.map(({ type, payload }) => ({ type, payload: unpackStoredPayload(payload).payload }));
}

describe('admin', () => {
  it('searches by email or username prefix with cursor pages', async () => {
    const admin = await stack.makeAdmin(await stack.signUp());
    const tag = `srch${Date.now().toString(36)}`;
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await stack.signUp({ username: `${tag}_${i}`, email: `${tag}.${i}@example.com` }));
      stack.clock.advance(1000);
    }
    const page1 = await stack.gql(SEARCH, { prefix: tag.toUpperCase(), first: 2 }, { token: admin.token });
    expect(page1.errors).toBeUndefined();
    expect(page1.data.searchUsers.nodes.map((u: { id: string }) => u.id)).toEqual([made[0]!.id, made[1]!.id]);
    expect(page1.data.searchUsers.pageInfo.hasNextPage).toBe(true);
    const page2 = await stack.gql(
      SEARCH,
      { prefix: tag, first: 2, after: page1.data.searchUsers.pageInfo.endCursor },
      { token: admin.token },
    );
    expect(page2.data.searchUsers.nodes.map((u: { id: string }) => u.id)).toEqual([made[2]!.id, made[3]!.id]);
    const byEmail = await stack.gql(
      'query($prefix: String) { searchUsers(prefix: $prefix) { nodes { email linkedAccounts { provider } } } }',
      { prefix: `${tag}.4@` },
      { token: admin.token },
    );
    expect(byEmail.data.searchUsers.nodes).toHaveLength(1);
    // Admins read private fields, but not which providers someone signs in with: a denied field.
    expect(byEmail.data.searchUsers.nodes[0]).toEqual({
      email: `${tag}.4@example.com`,
      linkedAccounts: null,
    });
    expect(byEmail.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([
      ['FORBIDDEN', 'searchUsers.nodes.0.linkedAccounts'],
    ]);
    // A LIKE wildcard in the prefix matches itself only.
    const wildcard = await stack.gql(SEARCH, { prefix: '%' }, { token: admin.token });
    expect(wildcard.data.searchUsers.nodes).toEqual([]);
    const tooBig = await stack.gql(SEARCH, { first: 101 }, { token: admin.token });
    expect(tooBig.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await stack.gql(SEARCH, { after: 'nope' }, { token: admin.token });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    stack.clock.set(new Date());
  });

  it('is refused to non-admins', async () => {
    const user = await stack.signUp();
    expect((await stack.gql(SEARCH, {}, { token: user.token })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const other = await stack.signUp();
    const deactivate = await stack.gql(DEACTIVATE, { userId: other.id }, { token: user.token });
    expect(deactivate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('deactivates (ending sessions) and reactivates an account, both audited', async () => {
    const admin = await stack.makeAdmin(await stack.signUp());
    const user = await stack.signUp();
    const deactivated = await stack.gql(
      DEACTIVATE,
      { userId: user.id, reason: 'spam' },
      { token: admin.token },
    );
    expect(deactivated.data.deactivateUser).toEqual({ id: user.id, isActive: false });

    await stack.runtime.kv.delete(`viewer:${(await import('../../kit/crypto.js')).sha256Hex(user.token)}`);
    expect((await stack.gql('{ me { id } }', {}, { token: user.token })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const refused = await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
    expect(refused.data.signIn.__typename).toBe('InvalidCredentials');

    const reactivated = await stack.gql(REACTIVATE, { userId: user.id }, { token: admin.token });
    expect(reactivated.data.reactivateUser).toEqual({ id: user.id, isActive: true });
    const back = await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
    expect(back.data.signIn.__typename).toBe('AuthSuccess');

    const self = await stack.gql(DEACTIVATE, { userId: admin.id }, { token: admin.token });
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const trail = await rows<{ actor_id: string; action: string; reason: string | null }>(
      stack.runtime.database.db,
      sql`select actor_id, action, reason from identity.audit_log where target_id = ${user.id} order by created_at, action`,
    );
    expect(trail).toEqual([
      { actor_id: admin.id, action: 'user.deactivated', reason: 'spam' },
      { actor_id: admin.id, action: 'user.reactivated', reason: null },
    ]);
  });
});

describe('GDPR deletion', () => {
  it('refuses a wrong password and changes nothing', async () => {
    const user = await stack.signUp();
    const result = await stack.gql(DELETE, { password: 'not-my-password' }, { token: user.token });
    expect(result.data.deleteMyAccount.__typename).toBe('InvalidCredentials');
    expect((await stack.gql('{ me { id } }', {}, { token: user.token })).data.me.id).toBe(user.id);
  });

  it('scrubs the user, ends sessions and links, frees email and username, publishes user.deleted', async () => {
    const user = await stack.signUp();
    await stack.gql(
      'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      {
        input: {
          firstName: 'Erin',
          lastName: 'Erased',
          gender: 'female',
          countryCode: 'DE',
          dateOfBirth: '1990-05-01',
        },
      },
      { token: user.token },
    );
    // A linked provider, so there is a connection to remove (in a browser: the flow cookie).
    const browser = new Browser(stack.gatewayUrl);
    const started = await browser.gql(
      'mutation($r: String!) { oauthStart(provider: GOOGLE, redirectUri: $r) { authorizationUrl } }',
      { r: TEST_REDIRECT_URI },
      { token: user.token },
    );
    const grant = providers.authorize(started.data.oauthStart.authorizationUrl, { sub: `del${Date.now()}` });
    const linked = await browser.gql(
      'mutation($code: String!, $state: String!) { oauthCallback(provider: GOOGLE, code: $code, state: $state) { __typename } }',
      grant,
      { token: user.token },
    );
    expect(linked.data.oauthCallback.__typename).toBe('ProviderLinked');

    const deleted = await stack.gql(DELETE, { password: user.password }, { token: user.token });
    expect(deleted.data.deleteMyAccount.__typename).toBe('AccountDeleted');
    const deletedAt = deleted.data.deleteMyAccount.deletedAt;

    const [row] = await rows<Record<string, unknown>>(
      stack.runtime.database.db,
      sql`select * from identity.users where id = ${user.id}`,
    );
    expect(row).toMatchObject({
      first_name: null,
      last_name: null,
      gender: null,
      country_code: null,
      date_of_birth: null,
      password_hash: null,
      is_active: false,
    });
    expect(row!.deleted_at).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(user.email);
    expect(JSON.stringify(row)).not.toContain(user.username);
    for (const table of ['sessions', 'user_oauth_connections']) {
      const left = await rows(
        stack.runtime.database.db,
        sql`select 1 from ${sql.raw(`identity.${table}`)} where user_id = ${user.id}`,
      );
      expect(left, table).toEqual([]);
    }

    // Signing in after deletion fails, and the old session is gone.
    const signIn = await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
    expect(signIn.data.signIn.__typename).toBe('InvalidCredentials');
    await stack.runtime.kv.delete(`viewer:${(await import('../../kit/crypto.js')).sha256Hex(user.token)}`);
    expect((await stack.gql('{ me { id } }', {}, { token: user.token })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    // The email and username can be used again.
    const again = await stack.gql(SIGN_UP, {
      input: { email: user.email, username: user.username, password: user.password },
    });
    expect(again.data.signUp.__typename).toBe('AuthSuccess');
    expect(again.data.signUp.user.id).not.toBe(user.id);

    // user.deleted went out through the outbox and the bus.
    await stack.flushEvents();
    const published = await eventually(() => {
      const found = events.find((e) => e.type === 'user.deleted' && e.payload.userId === user.id);
      if (!found) throw new Error('user.deleted not delivered yet');
      return found;
    });
    expect(published.payload).toEqual({ userId: user.id, deletedAt: new Date(deletedAt).toISOString() });
  });

  it('refuses accounts without a session', async () => {
    const result = await stack.gql(DELETE, { password: 'whatever-password' });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('events', () => {
  it('publishes signed_up, profile_updated and signed_in with their payloads', async () => {
    const user = await stack.signUp();
    await stack.gql(
      'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      { input: { gender: 'male', countryCode: 'fr', dateOfBirth: '1985-02-03' } },
      { token: user.token },
    );
    await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
    const written = await outboxOf(user.id);
    expect(written.map((e) => e.type).sort()).toEqual(
      ['user.profile_updated', 'user.profile_updated', 'user.signed_in', 'user.signed_up'].sort(),
    );
    const profiles = written.filter((e) => e.type === 'user.profile_updated').map((e) => e.payload);
    expect(profiles).toContainEqual({
      userId: user.id,
      gender: null,
      countryCode: null,
      dateOfBirth: null,
      timeZone: 'UTC',
    });
    expect(profiles).toContainEqual({
      userId: user.id,
      gender: 'male',
      countryCode: 'FR',
      dateOfBirth: '1985-02-03',
      timeZone: 'UTC',
    });
    await stack.flushEvents();
    await eventually(() =>
      expect(events.some((e) => e.type === 'user.signed_up' && e.payload.userId === user.id)).toBe(true),
    );
  });
});

describe('exportMyData', () => {
  it('returns what the viewer can read about themselves, built from the composed schema', async () => {
    const user = await stack.signUp();
    await stack.gql(
      'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      { input: { firstName: 'Xena', countryCode: 'NL' } },
      { token: user.token },
    );
    const result = await stack.gql('{ exportMyData }', {}, { token: user.token });
    expect(result.errors).toBeUndefined();
    const exported = result.data.exportMyData;
    expect(exported.incomplete).toEqual([]);
    expect(exported.user).toMatchObject({
      id: user.id,
      email: user.email,
      username: user.username,
      firstName: 'Xena',
      countryCode: 'NL',
      roles: ['USER'],
      linkedAccounts: [],
    });
    // Every field of User without required arguments is there, whichever subgraph owns it.
    const { buildSchema, isObjectType } = await import('graphql');
    const { readFileSync } = await import('node:fs');
    const api = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
    const userType = api.getType('User');
    if (!isObjectType(userType)) throw new Error('no User');
    const expected = Object.values(userType.getFields())
      .filter((f) => f.args.every((a) => a.type.toString().slice(-1) !== '!' || a.defaultValue !== undefined))
      .map((f) => f.name);
    expect(Object.keys(exported.user).sort()).toEqual(expected.sort());
  });

  it('needs a session, and the internal route refuses unsigned callers', async () => {
    const anonymous = await stack.gql('{ exportMyData }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const direct = await fetch(new URL('/internal/export', stack.gatewayUrl), { method: 'POST', body: '{}' });
    expect(direct.status).toBe(403);
  });
});
