import { eq } from 'drizzle-orm';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { accountSubject, LIMITS, limiter } from './limits.js';
import { verifyPassword } from './passwords.js';
import { type UserRow, users } from './tables.js';

export type PasswordCheck =
  | { kind: 'ok'; user: UserRow }
  | { kind: 'invalid' }
  | { kind: 'tooMany'; retryAfterSeconds: number };

/**
 * Checks a signed-in account's password, counted on the same per-account counter as sign-in
 * before the check: a stolen session guesses no faster than a stranger. A right one resets it.
 */
export async function checkAccountPassword(
  deps: SubgraphDeps,
  userId: string,
  password: string,
): Promise<PasswordCheck> {
  const rateLimiter = limiter(deps);
  const limit = await rateLimiter.hit(LIMITS.password, accountSubject(userId));
  if (!limit.allowed) return { kind: 'tooMany', retryAfterSeconds: limit.retryAfterSeconds };
  const [user] = await deps.database.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.deletedAt || !user.passwordHash) return { kind: 'invalid' };
  if (password.length > 1024 || !(await verifyPassword(user.passwordHash, password)))
    return { kind: 'invalid' };
  await rateLimiter.reset(LIMITS.password, accountSubject(userId));
  return { kind: 'ok', user };
}
