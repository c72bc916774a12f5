import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../kit/db.js';
import { DEFAULT_PASSWORD, startTestStack, type TestStack, type TestUser } from '../testkit/stack.js';

/**
 * Ending sessions inside a transaction drops their cached viewers only after the commit: dropped
 * earlier, a request arriving in between still finds the session, resolves its viewer again and
 * caches it for the cache's lifetime, so the ended session keeps working (SECURITY.md, sessions).
 * The store's delete is watched (the real store, not a mock): when a viewer key goes, its session
 * must already be gone for every other database connection.
 */
let stack: TestStack;
const stillVisibleAtDrop: string[] = [];
let drops = 0;

beforeAll(async () => {
  stack = await startTestStack();
  const kv = stack.runtime.kv;
  const remove = kv.delete.bind(kv);
  kv.delete = async (key: string) => {
    if (key.startsWith('viewer:')) {
      drops++;
      const sessionId = key.slice('viewer:'.length);
      // The pool's own connection: it sees only what is committed.
      const found = await rows(
        stack.runtime.database.db,
        sql`select 1 from identity.sessions where id = ${sessionId}`,
      );
      if (found.length > 0) stillVisibleAtDrop.push(key);
    }
    return remove(key);
  };
});
afterAll(async () => {
  await stack?.stop();
});

async function signInAgain(user: TestUser): Promise<string> {
  const result = await stack.gql(
    'mutation($input: SignInInput!) { signIn(input: $input) { ... on AuthSuccess { token } } }',
    { input: { login: user.email, password: DEFAULT_PASSWORD } },
  );
  return result.data.signIn.token;
}

describe('ended sessions leave the viewer cache after the commit', () => {
  it('on a password change (the other sessions), a deactivation and an account deletion', async () => {
    const changer = await stack.signUp();
    await signInAgain(changer);
    const changed = await stack.gql(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename ... on PasswordChanged { revokedSessions } } }',
      { input: { currentPassword: DEFAULT_PASSWORD, newPassword: 'another-long-passphrase-42' } },
      { token: changer.token },
    );
    expect(changed.data.changePassword.revokedSessions).toBe(1);

    const admin = await stack.makeAdmin(await stack.signUp());
    const deactivated = await stack.signUp();
    await signInAgain(deactivated);
    const result = await stack.gql(
      'mutation($id: ID!) { deactivateUser(userId: $id) { isActive } }',
      { id: deactivated.id },
      { token: admin.token },
    );
    expect(result.errors).toBeUndefined();

    const leaving = await stack.signUp();
    await signInAgain(leaving);
    const deleted = await stack.gql(
      'mutation($p: String!) { deleteMyAccount(password: $p) { __typename } }',
      { p: DEFAULT_PASSWORD },
      { token: leaving.token },
    );
    expect(deleted.data.deleteMyAccount.__typename).toBe('AccountDeleted');

    // 1 for the password change, 2 each for the deactivation and the deletion.
    expect(drops).toBeGreaterThanOrEqual(5);
    expect(stillVisibleAtDrop).toEqual([]);
  });
});
