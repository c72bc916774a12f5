import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../kit/crypto.js';
import { viewerCacheKey } from '../../kit/viewer-cache.js';
import { startTestStack, type TestStack } from '../../testkit/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on AuthSuccess { token } } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) {
  changePassword(input: $input) { __typename ... on PasswordChanged { revokedSessions } ... on WeakPassword { reasons } }
}`;
const me = async (token: string) => (await stack.gql('{ me { id } }', {}, { token })).data?.me ?? null;
const DAY = 24 * 3600 * 1000;

describe('profile', () => {
  it('updates the fields given and keeps the others', async () => {
    const user = await stack.signUp();
    const result = await stack.gql(
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { firstName lastName gender countryCode dateOfBirth } }`,
      { input: { firstName: ' Ada ', countryCode: 'GB', dateOfBirth: '1990-12-10' } },
      { token: user.token },
    );
    expect(result.data.updateProfile).toEqual({
      firstName: 'Ada',
      lastName: null,
      gender: null,
      countryCode: 'GB',
      dateOfBirth: '1990-12-10',
    });
  });

  it('refuses a future date of birth and an unknown country code', async () => {
    const user = await stack.signUp();
    const future = await stack.gql(
      `mutation { updateProfile(input: { dateOfBirth: "2999-01-01" }) { id } }`,
      {},
      { token: user.token },
    );
    expect(future.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const country = await stack.gql(
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`,
      { input: { countryCode: 'XX' } },
      { token: user.token },
    );
    expect(country.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps _entities out of the public graph, so no one reads another user through it', async () => {
    const alice = await stack.signUp();
    const bob = await stack.signUp();
    const asBob = await stack.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id username email roles } } }`,
      { r: [{ __typename: 'User', id: alice.id }] },
      { token: bob.token },
    );
    // _entities is not part of the public graph; the gateway refuses it outright.
    expect(asBob.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('password change and sessions', () => {
  it('changes the password, keeps this session and ends the others', async () => {
    const user = await stack.signUp();
    const other = (await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } })).data
      .signIn.token;
    const result = await stack.gql(
      CHANGE,
      { input: { currentPassword: user.password, newPassword: 'a-brand-new-passphrase' } },
      { token: user.token },
    );
    expect(result.data.changePassword).toEqual({ __typename: 'PasswordChanged', revokedSessions: 1 });
    expect(await me(user.token)).not.toBeNull();
    expect(await me(other)).toBeNull();
    const oldPassword = await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
    expect(oldPassword.data.signIn.__typename).toBe('InvalidCredentials');
    const newPassword = await stack.gql(SIGN_IN, {
      input: { login: user.email, password: 'a-brand-new-passphrase' },
    });
    expect(newPassword.data.signIn.__typename).toBe('AuthSuccess');
  });

  it('refuses a wrong current password and a weak new one', async () => {
    const user = await stack.signUp();
    const wrong = await stack.gql(
      CHANGE,
      { input: { currentPassword: 'not-my-password', newPassword: 'a-brand-new-passphrase' } },
      { token: user.token },
    );
    expect(wrong.data.changePassword.__typename).toBe('InvalidCredentials');
    const weak = await stack.gql(
      CHANGE,
      { input: { currentPassword: user.password, newPassword: user.username } },
      { token: user.token },
    );
    expect(weak.data.changePassword.__typename).toBe('WeakPassword');
  });

  it('signOutEverywhere ends every session', async () => {
    const user = await stack.signUp();
    const second = (await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } })).data
      .signIn.token;
    const result = await stack.gql('mutation { signOutEverywhere }', {}, { token: user.token });
    expect(result.data.signOutEverywhere).toBe(2);
    expect(await me(user.token)).toBeNull();
    expect(await me(second)).toBeNull();
  });

  it('extends a session used when less than 15 days remain, and lets an unused one lapse', async () => {
    const user = await stack.signUp();
    const idle = (await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } })).data
      .signIn.token;
    const forgetCached = () =>
      Promise.all([user.token, idle].map((t) => stack.runtime.kv.delete(viewerCacheKey(sha256Hex(t)))));
    stack.clock.advance(20 * DAY);
    await forgetCached();
    expect(await me(user.token)).not.toBeNull(); // 10 days left: extended to 30 from now
    stack.clock.advance(20 * DAY);
    await forgetCached();
    expect(await me(user.token)).not.toBeNull(); // alive only because it was extended
    expect(await me(idle)).toBeNull(); // 40 days unused
    stack.clock.set(new Date());
  });

  it('refuses sign-in to a deactivated account and drops its sessions from use', async () => {
    const user = await stack.signUp();
    await stack.runtime.database.exec(`UPDATE identity.users SET is_active = false WHERE id = '${user.id}'`);
    await stack.runtime.kv.delete(viewerCacheKey(sha256Hex(user.token)));
    expect(await me(user.token)).toBeNull();
    const result = await stack.gql(SIGN_IN, { input: { login: user.email, password: user.password } });
    expect(result.data.signIn.__typename).toBe('InvalidCredentials');
  });

  it('refuses sign-in to a deleted account', async () => {
    const user = await stack.signUp();
    await stack.runtime.database.exec(`UPDATE identity.users SET deleted_at = now() WHERE id = '${user.id}'`);
    const result = await stack.gql(SIGN_IN, { input: { login: user.username, password: user.password } });
    expect(result.data.signIn.__typename).toBe('InvalidCredentials');
  });
});
