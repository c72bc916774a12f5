import { and, eq, isNull } from 'drizzle-orm';
import { writeEvent } from '../../kit/events/outbox.js';
import { hitRateLimit, type RateLimitRule } from '../../kit/kv.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import type { Mailer } from './mailer.js';
import { hashPassword, passwordProblems } from './passwords.js';
import { handToAddressOwner } from './address-proof.js';
import type { OAuthProvider } from './oauth.js';
import { forgetViewers } from './sessions.js';
import { identityEnv } from './settings.js';
import { outbox, type UserRow, users } from './tables.js';
import { dropTokens, issueToken, peekToken, redeemToken, TOKEN_LIFETIME_MS } from './tokens.js';

export const MAIL_LIMITS = {
  /** Verification mails per account. */
  verification: { name: 'mail:verify', limit: 5, windowSeconds: 60 * 60 } satisfies RateLimitRule,
  /** Reset mails per address asked for: stops mail-bombing someone. */
  resetEmail: { name: 'mail:reset:email', limit: 5, windowSeconds: 60 * 60 } satisfies RateLimitRule,
  /** Reset requests per client address: stops probing many addresses. */
  resetIp: { name: 'mail:reset:ip', limit: 30, windowSeconds: 60 * 60 } satisfies RateLimitRule,
};

const link = (deps: SubgraphDeps, path: string, token: string) => {
  const url = new URL(path, identityEnv(deps).PUBLIC_APP_URL);
  url.searchParams.set('token', token);
  return url.toString();
};

/** Mails a verification link to the user's current address. False when rate-limited. */
export async function requestEmailVerification(deps: SubgraphDeps, mailer: Mailer, user: UserRow) {
  if (user.emailVerified) return true;
  if (!(await hitRateLimit(deps.kv, MAIL_LIMITS.verification, user.id)).allowed) return false;
  const { token } = await deps.database.db.transaction(async (tx) => {
    await dropTokens(tx, user.id, 'email_verification');
    // The address is part of the token: changing the email voids links sent to the old one.
    return issueToken(tx, deps.clock, 'email_verification', user.id, { email: user.email });
  });
  const hours = TOKEN_LIFETIME_MS.email_verification / 3_600_000;
  await mailer.send({
    to: user.email,
    subject: 'Confirm your email address',
    text: `Open this link to confirm your address (valid ${hours} hours, once):\n${link(deps, '/verify-email', token)}\n\nYour token: ${token}\n\nIf you did not create an account, ignore this mail.`,
  });
  return true;
}

export interface EmailVerifiedOutcome {
  user: UserRow;
  revokedSessions: number;
  unlinkedProviders: OAuthProvider[];
}

/**
 * Redeems a verification token: the address is proven, so the account becomes its owner's
 * (address-proof.ts: unverified provider links and every session end). Null when the token is
 * unknown, used, expired or stale.
 */
export async function verifyEmail(deps: SubgraphDeps, token: string): Promise<EmailVerifiedOutcome | null> {
  const outcome = await deps.database.db.transaction(async (tx) => {
    const row = await redeemToken(tx, deps.clock, 'email_verification', token);
    if (!row?.userId) return null;
    const [user] = await tx
      .update(users)
      .set({ emailVerified: true, updatedAt: deps.clock.now() })
      .where(and(eq(users.id, row.userId), eq(users.email, String(row.data.email)), isNull(users.deletedAt)))
      .returning();
    if (!user) return null;
    return { user, proof: await handToAddressOwner(tx, user.id, user.email) };
  });
  if (!outcome) return null;
  await forgetViewers(deps.kv, outcome.proof.endedSessionIds);
  return {
    user: outcome.user,
    revokedSessions: outcome.proof.endedSessionIds.length,
    unlinkedProviders: outcome.proof.unlinkedProviders,
  };
}

/**
 * Mails a reset link when the address belongs to an active account. The caller answers the
 * same either way, so the endpoint does not reveal which addresses have accounts.
 */
export async function requestPasswordReset(
  deps: SubgraphDeps,
  mailer: Mailer,
  email: string,
  ip: string | null,
) {
  const address = email.trim().toLowerCase();
  const byIp = await hitRateLimit(deps.kv, MAIL_LIMITS.resetIp, ip ?? 'unknown');
  const byEmail = await hitRateLimit(deps.kv, MAIL_LIMITS.resetEmail, address);
  if (!byIp.allowed || !byEmail.allowed) return;
  const [user] = await deps.database.db.select().from(users).where(eq(users.email, address)).limit(1);
  if (!user || user.deletedAt || !user.isActive) return;
  const { token } = await deps.database.db.transaction(async (tx) => {
    // Only the newest link works, and only while the account still has the address it went to.
    await dropTokens(tx, user.id, 'password_reset');
    return issueToken(tx, deps.clock, 'password_reset', user.id, { email: user.email });
  });
  const minutes = TOKEN_LIFETIME_MS.password_reset / 60_000;
  await mailer.send({
    to: user.email,
    subject: 'Reset your password',
    text: `Open this link to choose a new password (valid ${minutes} minutes, once):\n${link(deps, '/reset-password', token)}\n\nYour token: ${token}\n\nIf you did not ask for this, ignore this mail.`,
  });
}

export type ResetPasswordOutcome =
  | { kind: 'reset'; user: UserRow; revokedSessions: number; unlinkedProviders: OAuthProvider[] }
  | { kind: 'invalidToken' }
  | { kind: 'weakPassword'; reasons: string[] };

/**
 * Sets a new password with a reset token. Following the link proved the address, so the account
 * becomes its owner's (address-proof.ts): unverified provider links and every session end.
 */
export async function resetPassword(
  deps: SubgraphDeps,
  token: string,
  newPassword: string,
): Promise<ResetPasswordOutcome> {
  // A weak password is checked before the token is spent, so the user can try another.
  const pending = await peekToken(deps.database.db, deps.clock, 'password_reset', token);
  if (!pending?.userId) return { kind: 'invalidToken' };
  const [owner] = await deps.database.db.select().from(users).where(eq(users.id, pending.userId));
  if (!owner || owner.deletedAt || !owner.isActive) return { kind: 'invalidToken' };
  const reasons = passwordProblems(newPassword, { email: owner.email, username: owner.username });
  if (reasons.length > 0) return { kind: 'weakPassword', reasons };
  const passwordHash = await hashPassword(newPassword);
  const outcome = await deps.database.db.transaction(async (tx) => {
    const row = await redeemToken(tx, deps.clock, 'password_reset', token);
    if (!row?.userId) return null;
    const now = deps.clock.now();
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerified: true, updatedAt: now })
      .where(and(eq(users.id, row.userId), eq(users.email, String(row.data.email)), isNull(users.deletedAt)))
      .returning();
    if (!user) return null;
    const proof = await handToAddressOwner(tx, user.id, user.email);
    await writeEvent(
      tx,
      outbox,
      'user.password_reset',
      { userId: row.userId, resetAt: now.toISOString() },
      now,
    );
    return { user, proof };
  });
  if (!outcome) return { kind: 'invalidToken' };
  await forgetViewers(deps.kv, outcome.proof.endedSessionIds);
  return {
    kind: 'reset',
    user: outcome.user,
    revokedSessions: outcome.proof.endedSessionIds.length,
    unlinkedProviders: outcome.proof.unlinkedProviders,
  };
}
