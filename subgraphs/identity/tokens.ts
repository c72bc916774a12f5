import { and, eq, gt, lt } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { generateToken, sha256Hex } from '../../kit/crypto.js';
import type { Executor } from '../../kit/db.js';
import { OAUTH_FLOW_MS } from '../../kit/oauth-flows.js';
import { type OneTimeTokenRow, oneTimeTokens } from './tables.js';

export type TokenPurpose = 'oauth_state' | 'two_factor' | 'email_verification' | 'password_reset';

/** How long each kind of token lives. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  oauth_state: OAUTH_FLOW_MS,
  two_factor: 5 * 60 * 1000,
  email_verification: 24 * 60 * 60 * 1000,
  password_reset: 30 * 60 * 1000,
};

/** Creates a token; only its SHA-256 is stored. Returns the token, shown to its holder once. */
export async function issueToken(
  executor: Executor,
  clock: Clock,
  purpose: TokenPurpose,
  userId: string | null,
  data: Record<string, unknown> = {},
) {
  const token = generateToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  await executor
    .insert(oneTimeTokens)
    .values({ id: sha256Hex(token), purpose, userId, data, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/**
 * Redeems a token: deletes it and returns its row when it exists, has this purpose and has not
 * expired. The DELETE ... RETURNING makes redemption atomic: two concurrent uses, one winner.
 */
export async function redeemToken(
  executor: Executor,
  clock: Clock,
  purpose: TokenPurpose,
  token: string,
): Promise<OneTimeTokenRow | null> {
  if (token.length < 16 || token.length > 128) return null;
  const [row] = await executor
    .delete(oneTimeTokens)
    .where(and(eq(oneTimeTokens.id, sha256Hex(token)), eq(oneTimeTokens.purpose, purpose)))
    .returning();
  if (!row || row.expiresAt.getTime() <= clock.now().getTime()) return null;
  return row;
}

/** Reads a live token without using it up (a pending two-factor sign-in survives a wrong code). */
export async function peekToken(
  executor: Executor,
  clock: Clock,
  purpose: TokenPurpose,
  token: string,
): Promise<OneTimeTokenRow | null> {
  if (token.length < 16 || token.length > 128) return null;
  const [row] = await executor
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.id, sha256Hex(token)),
        eq(oneTimeTokens.purpose, purpose),
        gt(oneTimeTokens.expiresAt, clock.now()),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Drops every outstanding token of one purpose for a user (a new reset link voids older ones). */
export async function dropTokens(executor: Executor, userId: string, purpose: TokenPurpose) {
  await executor
    .delete(oneTimeTokens)
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose)));
}

/** Deletes expired tokens; run by the sweeper. */
export async function deleteExpiredTokens(executor: Executor, clock: Clock) {
  const removed = await executor
    .delete(oneTimeTokens)
    .where(lt(oneTimeTokens.expiresAt, clock.now()))
    .returning({ id: oneTimeTokens.id });
  return removed.length;
}
