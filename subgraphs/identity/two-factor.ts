import { randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { and, eq, isNull } from 'drizzle-orm';
import { constantTimeEqual, sha256Hex } from '../../kit/crypto.js';
import type { Executor } from '../../kit/db.js';
import { invalidTransition } from '../../kit/errors.js';
import { writeEvent } from '../../kit/events/outbox.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { checkAccountPassword } from './password-check.js';
import { accountSubject, LIMITS, limiter } from './limits.js';
import { createSession } from './sessions.js';
import { outbox, recoveryCodes, twoFactorCredentials, type UserRow, users } from './tables.js';
import { issueToken, peekToken, redeemToken } from './tokens.js';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Fitness';

const RECOVERY_CODE_PATTERN = /^[a-z2-7]{5}-?[a-z2-7]{5}$/;

function newRecoveryCode(): string {
  // 50 random bits; a SHA-256 of that cannot be reversed by guessing within any useful time.
  const raw = encodeBase32UpperCaseNoPadding(randomBytes(7)).slice(0, 10).toLowerCase();
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}
const hashRecoveryCode = (code: string) => sha256Hex(code.toLowerCase().replace('-', ''));

/** Starts enrollment: a fresh secret (not yet active) and the otpauth URI an authenticator app scans. */
export async function enrollTwoFactor(deps: SubgraphDeps, user: UserRow) {
  if (user.twoFactorEnabled)
    throw invalidTransition(
      'Two-factor authentication is already on; disable it first.',
      'ENABLED',
      'ENABLED',
    );
  const key = new Uint8Array(randomBytes(20));
  const secretEncrypted = deps.secretBox.encrypt(Buffer.from(key).toString('base64'));
  await deps.database.db
    .insert(twoFactorCredentials)
    .values({
      userId: user.id,
      secretEncrypted,
      confirmedAt: null,
      lastUsedStep: null,
      createdAt: deps.clock.now(),
    })
    .onConflictDoUpdate({
      target: twoFactorCredentials.userId,
      set: { secretEncrypted, confirmedAt: null, lastUsedStep: null, createdAt: deps.clock.now() },
    });
  return {
    otpauthUri: createTOTPKeyURI(ISSUER, user.email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS),
    secret: encodeBase32UpperCaseNoPadding(key),
  };
}

/**
 * Checks a TOTP or recovery code inside the caller's transaction. The credential row is locked
 * and the accepted time step recorded, so a code (or an earlier one) never works twice; a
 * recovery code is marked used.
 */
async function acceptCode(
  deps: SubgraphDeps,
  tx: Executor,
  userId: string,
  code: string,
  options: { confirmed: boolean; allowRecovery: boolean },
): Promise<boolean> {
  const normalized = code.trim().replace(/\s+/g, '');
  const [credential] = await tx
    .select()
    .from(twoFactorCredentials)
    .where(eq(twoFactorCredentials.userId, userId))
    .for('update');
  if (!credential || Boolean(credential.confirmedAt) !== options.confirmed) return false;

  if (/^\d{6}$/.test(normalized)) {
    const key = new Uint8Array(Buffer.from(deps.secretBox.decrypt(credential.secretEncrypted), 'base64'));
    const current = Math.floor(deps.clock.now().getTime() / 1000 / TOTP_PERIOD_SECONDS);
    // One step either side absorbs clock drift between phone and server.
    for (const step of [current - 1, current, current + 1]) {
      if (credential.lastUsedStep !== null && step <= credential.lastUsedStep) continue;
      if (constantTimeEqual(generateHOTP(key, BigInt(step), TOTP_DIGITS), normalized)) {
        await tx
          .update(twoFactorCredentials)
          .set({ lastUsedStep: step })
          .where(eq(twoFactorCredentials.userId, userId));
        return true;
      }
    }
    return false;
  }
  if (options.allowRecovery && RECOVERY_CODE_PATTERN.test(normalized.toLowerCase())) {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: deps.clock.now() })
      .where(
        and(
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, hashRecoveryCode(normalized)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return used.length > 0;
  }
  return false;
}

export type CodeOutcome<T> =
  | ({ kind: 'ok' } & T)
  | { kind: 'invalidCode' }
  | { kind: 'tooMany'; retryAfterSeconds: number };

/**
 * Runs a code check with the account's second-factor counter hit first: parallel guesses cannot
 * all pass a limit none of them has counted yet. A right code starts the count afresh.
 */
async function limited<T extends { kind: string }>(
  deps: SubgraphDeps,
  userId: string,
  check: () => Promise<T>,
): Promise<T | { kind: 'tooMany'; retryAfterSeconds: number }> {
  const rateLimiter = limiter(deps);
  const limit = await rateLimiter.hit(LIMITS.twoFactor, accountSubject(userId));
  if (!limit.allowed) return { kind: 'tooMany', retryAfterSeconds: limit.retryAfterSeconds };
  const outcome = await check();
  if (outcome.kind === 'ok') await rateLimiter.reset(LIMITS.twoFactor, accountSubject(userId));
  return outcome;
}

/** Confirms enrollment with a first code; turns two-factor on and returns ten recovery codes. */
export async function confirmTwoFactor(
  deps: SubgraphDeps,
  userId: string,
  code: string,
): Promise<CodeOutcome<{ recoveryCodes: string[]; user: UserRow }>> {
  return limited(deps, userId, () =>
    deps.database.db.transaction(async (tx) => {
      if (!(await acceptCode(deps, tx, userId, code, { confirmed: false, allowRecovery: false }))) {
        return { kind: 'invalidCode' as const };
      }
      const now = deps.clock.now();
      await tx
        .update(twoFactorCredentials)
        .set({ confirmedAt: now })
        .where(eq(twoFactorCredentials.userId, userId));
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await tx
        .insert(recoveryCodes)
        .values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c), createdAt: now })));
      const [user] = await tx
        .update(users)
        .set({ twoFactorEnabled: true, updatedAt: now })
        .where(eq(users.id, userId))
        .returning();
      return { kind: 'ok' as const, recoveryCodes: codes, user: user! };
    }),
  );
}

/** Turns two-factor off; needs the password (when the account has one) and a current code. */
export async function disableTwoFactor(
  deps: SubgraphDeps,
  user: UserRow,
  password: string,
  code: string,
): Promise<CodeOutcome<{ user: UserRow }> | { kind: 'invalidPassword' }> {
  if (!user.twoFactorEnabled)
    throw invalidTransition('Two-factor authentication is not on.', 'DISABLED', 'DISABLED');
  const checked = await checkAccountPassword(deps, user.id, password);
  if (checked.kind === 'tooMany') return checked;
  if (checked.kind === 'invalid') return { kind: 'invalidPassword' };
  return limited(deps, user.id, () =>
    deps.database.db.transaction(async (tx) => {
      if (!(await acceptCode(deps, tx, user.id, code, { confirmed: true, allowRecovery: true }))) {
        return { kind: 'invalidCode' as const };
      }
      await tx.delete(twoFactorCredentials).where(eq(twoFactorCredentials.userId, user.id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
      const [updated] = await tx
        .update(users)
        .set({ twoFactorEnabled: false, updatedAt: deps.clock.now() })
        .where(eq(users.id, user.id))
        .returning();
      return { kind: 'ok' as const, user: updated! };
    }),
  );
}

/** After the first factor passed: a short-lived challenge that completeTwoFactorSignIn redeems. */
export function startTwoFactorSignIn(deps: SubgraphDeps, userId: string) {
  return issueToken(deps.database.db, deps.clock, 'two_factor', userId);
}

export async function completeTwoFactorSignIn(
  deps: SubgraphDeps,
  challenge: string,
  code: string,
  ip: string | null,
): Promise<CodeOutcome<{ token: string; expiresAt: Date; user: UserRow }> | { kind: 'invalidChallenge' }> {
  const pending = await peekToken(deps.database.db, deps.clock, 'two_factor', challenge);
  if (!pending?.userId) return { kind: 'invalidChallenge' };
  const userId = pending.userId;
  return limited(deps, userId, () =>
    deps.database.db.transaction(async (tx) => {
      if (!(await acceptCode(deps, tx, userId, code, { confirmed: true, allowRecovery: true }))) {
        return { kind: 'invalidCode' as const };
      }
      // The challenge is spent only by a right code; a concurrent second use finds it gone.
      if (!(await redeemToken(tx, deps.clock, 'two_factor', challenge)))
        return { kind: 'invalidChallenge' as const };
      const [user] = await tx.select().from(users).where(eq(users.id, userId));
      if (!user || user.deletedAt || !user.isActive) return { kind: 'invalidChallenge' as const };
      const session = await createSession(tx, deps.clock, userId);
      await writeEvent(tx, outbox, 'user.signed_in', { userId, ip }, deps.clock.now());
      return { kind: 'ok' as const, ...session, user };
    }),
  );
}

/** How many unused recovery codes the user has left. */
export async function remainingRecoveryCodes(executor: Executor, userId: string) {
  const rows = await executor
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
