import { and, eq, isNull, sql } from 'drizzle-orm';
import { rows } from '../../kit/db.js';
import { writeEvent } from '../../kit/events/outbox.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { clientSubject, hitAll, LIMITS } from './limits.js';
import type { Mailer } from './mailer.js';
import { hashPassword, passwordProblems } from './passwords.js';
import { handToAddressOwner } from './address-proof.js';
import type { OAuthProvider } from './oauth.js';
import { forgetViewers } from './sessions.js';
import { outbox, passwordResetRequests, type UserRow, users } from './tables.js';
import { dropTokens, issueToken, peekToken, redeemToken, TOKEN_LIFETIME_MS } from './tokens.js';

const link = (deps: SubgraphDeps, path: string, token: string) => {
  const url = new URL(path, deps.env.PUBLIC_APP_URL);
  url.searchParams.set('token', token);
  return url.toString();
};

/** Mails a verification link to the user's current address. False when rate-limited. */
export async function requestEmailVerification(
  deps: SubgraphDeps,
  mailer: Mailer,
  user: UserRow,
  ip: string | null,
) {
  if (user.emailVerified) return true;
  const limit = await hitAll(deps, [
    [LIMITS.mailPerClient, clientSubject(ip)],
    [LIMITS.verificationMailPerAddress, `address:${user.email}`],
  ]);
  if (!limit.allowed) return false;
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
 * Takes a reset request for an address. It is counted per client and per address, then queued
 * in one INSERT whether or not the address has an account, so the answer and the time it takes
 * are the same for every address; the reset mailer (below) looks the account up and mails the
 * link afterwards. A refused request is dropped without a word, for the same reason.
 */
export async function requestPasswordReset(deps: SubgraphDeps, email: string, ip: string | null) {
  const address = email.trim().toLowerCase();
  const limit = await hitAll(deps, [
    [LIMITS.mailPerClient, clientSubject(ip)],
    [LIMITS.resetMailPerAddress, `address:${address}`],
  ]);
  if (!limit.allowed) return;
  await deps.database.db
    .insert(passwordResetRequests)
    .values({ email: address, requestedAt: deps.clock.now() });
}

/**
 * Handles one queued reset request: a token and a mail when the address belongs to an active
 * account, nothing otherwise. The request is claimed by deleting it (SKIP LOCKED), so processes
 * sharing the queue never handle one twice; a request whose process dies before its mail went out
 * is lost, and the user asks again as after any failed request. False when the queue is empty.
 */
async function mailOneReset(deps: SubgraphDeps, mailer: Mailer): Promise<boolean> {
  const [request] = await rows<{ email: string; requested_at: Date | string }>(
    deps.database.db,
    sql`delete from ${passwordResetRequests}
         where ${passwordResetRequests.id} = (
           select ${passwordResetRequests.id} from ${passwordResetRequests}
            order by ${passwordResetRequests.id} limit 1 for update skip locked)
     returning ${passwordResetRequests.email} as email, ${passwordResetRequests.requestedAt} as requested_at`,
  );
  if (!request) return false;
  // Older than a link's life (the mailer was down): the user has asked again or moved on.
  const age = deps.clock.now().getTime() - new Date(request.requested_at).getTime();
  if (age > TOKEN_LIFETIME_MS.password_reset) return true;
  const issued = await deps.database.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, request.email)).limit(1);
    if (!user || user.deletedAt || !user.isActive) return null;
    // Only the newest link works, and only while the account still has the address it went to.
    await dropTokens(tx, user.id, 'password_reset');
    const { token } = await issueToken(tx, deps.clock, 'password_reset', user.id, { email: user.email });
    return { user, token };
  });
  if (!issued) return true;
  const minutes = TOKEN_LIFETIME_MS.password_reset / 60_000;
  try {
    await mailer.send({
      to: issued.user.email,
      subject: 'Reset your password',
      text: `Open this link to choose a new password (valid ${minutes} minutes, once):\n${link(deps, '/reset-password', issued.token)}\n\nYour token: ${issued.token}\n\nIf you did not ask for this, ignore this mail.`,
    });
  } catch (error) {
    // Not retried: the user asks again, as after any failed request. Only the error's code is
    // logged, since a mail server's message may quote the recipient.
    const code = (error as { code?: unknown } | null)?.code;
    deps.log.warn({ errorCode: typeof code === 'string' ? code : 'unknown' }, 'password reset mail not sent');
  }
  return true;
}

/** Mails every queued reset request; returns how many requests were handled. */
export async function mailPendingResets(deps: SubgraphDeps, mailer: Mailer): Promise<number> {
  let handled = 0;
  while (await mailOneReset(deps, mailer)) handled++;
  return handled;
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
