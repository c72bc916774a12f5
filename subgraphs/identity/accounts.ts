import { canonicalTimeZone } from '../../kit/time-zones.js';
import { eq, or, sql } from 'drizzle-orm';
import { type Executor, isUniqueViolation } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';
import { writeEvent } from '../../kit/events/outbox.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { accountSubject, clientSubject, LIMITS, limiter, unknownLoginSubject } from './limits.js';
import { checkAccountPassword } from './password-check.js';
import { burnPasswordCheck, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { createSession, endOtherSessions, forgetViewers } from './sessions.js';
import { outbox, type UserRow, users } from './tables.js';
import { startTwoFactorSignIn } from './two-factor.js';

const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,30}$/;

export function checkUsername(username: string): string {
  if (!USERNAME_PATTERN.test(username)) {
    throw badInput("username must be 3-30 letters, digits, '.', '_' or '-'.", { field: 'username' });
  }
  return username;
}

function checkText(value: string | null | undefined, field: string, max: number): string | null | undefined {
  if (value === null || value === undefined) return value;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters.`, { field });
  return trimmed === '' ? null : trimmed;
}

function checkBirthDate(value: Date | string | null | undefined, today: Date): string | null | undefined {
  if (value === null || value === undefined) return value;
  const iso = typeof value === 'string' ? value : value.toISOString().slice(0, 10);
  if (iso >= today.toISOString().slice(0, 10) || iso < '1900-01-01') {
    throw badInput('dateOfBirth must be a past date after 1900-01-01.', { field: 'dateOfBirth' });
  }
  return iso;
}

export interface ProfileFields {
  firstName?: string | null;
  lastName?: string | null;
  dateOfBirth?: Date | string | null;
  gender?: string | null;
  countryCode?: string | null;
  username?: string | null;
  timeZone?: string | null;
}

function profilePatch(input: ProfileFields, today: Date) {
  const patch: Partial<typeof users.$inferInsert> = {};
  if (input.firstName !== undefined) patch.firstName = checkText(input.firstName, 'firstName', 100);
  if (input.lastName !== undefined) patch.lastName = checkText(input.lastName, 'lastName', 100);
  if (input.gender !== undefined) patch.gender = checkText(input.gender, 'gender', 32);
  if (input.dateOfBirth !== undefined) patch.dateOfBirth = checkBirthDate(input.dateOfBirth, today);
  if (input.countryCode !== undefined) patch.countryCode = input.countryCode?.toUpperCase() ?? null;
  if (input.timeZone !== undefined) {
    const zone = input.timeZone === null ? null : canonicalTimeZone(input.timeZone);
    if (!zone)
      throw badInput('timeZone must be an IANA time zone such as Europe/Berlin.', { field: 'timeZone' });
    patch.timeZone = zone;
  }
  if (input.username !== undefined) {
    if (input.username === null) throw badInput('username cannot be cleared.', { field: 'username' });
    patch.username = checkUsername(input.username);
  }
  return patch;
}

export type SignUpOutcome =
  | { kind: 'success'; token: string; expiresAt: Date; user: UserRow }
  | { kind: 'emailTaken' }
  | { kind: 'usernameTaken' }
  | { kind: 'weakPassword'; reasons: string[] }
  | { kind: 'tooMany'; retryAfterSeconds: number };

export async function signUp(
  deps: SubgraphDeps,
  input: { email: string; username: string; password: string } & ProfileFields,
  ip: string | null,
): Promise<SignUpOutcome> {
  // Every call counts, before anything is looked at: each answer says whether an email is taken.
  const byClient = await limiter(deps).hit(LIMITS.signUpPerClient, clientSubject(ip));
  if (!byClient.allowed) return { kind: 'tooMany', retryAfterSeconds: byClient.retryAfterSeconds };
  const email = input.email.trim().toLowerCase();
  if (email.length > 254) throw badInput('email must be at most 254 characters.', { field: 'email' });
  const username = checkUsername(input.username);
  const reasons = passwordProblems(input.password, { email, username });
  if (reasons.length > 0) return { kind: 'weakPassword', reasons };
  const profile = profilePatch(
    {
      firstName: input.firstName,
      lastName: input.lastName,
      dateOfBirth: input.dateOfBirth,
      gender: input.gender,
      timeZone: input.timeZone ?? undefined,
    },
    deps.clock.now(),
  );
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.database.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const [user] = await tx
        .insert(users)
        .values({ ...profile, email, username, passwordHash, createdAt: now, updatedAt: now })
        .returning();
      const session = await createSession(tx, deps.clock, user!.id);
      await writeEvent(
        tx,
        outbox,
        'user.signed_up',
        { userId: user!.id, signedUpAt: now.toISOString() },
        now,
      );
      await writeProfileUpdated(tx, user!, now);
      return { kind: 'success' as const, ...session, user: user! };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) return { kind: 'emailTaken' };
    if (isUniqueViolation(error, 'users_username_lower_key')) return { kind: 'usernameTaken' };
    throw error;
  }
}

/** What analytics keeps of a profile (its projection for cohorts); written with every change. */
export function writeProfileUpdated(executor: Executor, user: UserRow, now: Date) {
  const dateOfBirth = user.dateOfBirth as Date | string | null;
  return writeEvent(
    executor,
    outbox,
    'user.profile_updated',
    {
      userId: user.id,
      gender: user.gender,
      countryCode: user.countryCode,
      dateOfBirth: dateOfBirth instanceof Date ? dateOfBirth.toISOString().slice(0, 10) : dateOfBirth,
      timeZone: user.timeZone,
    },
    now,
  );
}

export type SignInOutcome =
  | { kind: 'success'; token: string; expiresAt: Date; user: UserRow }
  | { kind: 'twoFactorRequired'; challenge: string; expiresAt: Date }
  | { kind: 'invalid' }
  | { kind: 'tooMany'; retryAfterSeconds: number };

export async function signIn(
  deps: SubgraphDeps,
  input: { login: string; password: string },
  ip: string | null,
): Promise<SignInOutcome> {
  const login = input.login.trim().toLowerCase();
  if (login.length === 0 || login.length > 320 || input.password.length > 1024) return { kind: 'invalid' };

  const rateLimiter = limiter(deps);
  const byClient = await rateLimiter.hit(LIMITS.signInPerClient, clientSubject(ip));
  if (!byClient.allowed) return { kind: 'tooMany', retryAfterSeconds: byClient.retryAfterSeconds };

  const [user] = await deps.database.db
    .select()
    .from(users)
    .where(or(eq(users.email, login), eq(sql`lower(${users.username})`, login)))
    .limit(1);
  // Counted before the check, on the account whichever login named it.
  const subject = user ? accountSubject(user.id) : unknownLoginSubject(login);
  const byAccount = await rateLimiter.hit(LIMITS.password, subject);
  if (!byAccount.allowed) return { kind: 'tooMany', retryAfterSeconds: byAccount.retryAfterSeconds };

  const usable = user && !user.deletedAt && user.isActive && user.passwordHash;
  let ok = false;
  if (usable) ok = await verifyPassword(user.passwordHash!, input.password);
  else await burnPasswordCheck(input.password);
  if (!ok || !user) return { kind: 'invalid' };
  await rateLimiter.reset(LIMITS.password, subject);

  if (user.twoFactorEnabled) {
    const challenge = await startTwoFactorSignIn(deps, user.id);
    return { kind: 'twoFactorRequired', challenge: challenge.token, expiresAt: challenge.expiresAt };
  }
  return deps.database.db.transaction(async (tx) => {
    const session = await createSession(tx, deps.clock, user.id);
    await writeEvent(tx, outbox, 'user.signed_in', { userId: user.id, ip }, deps.clock.now());
    return { kind: 'success' as const, ...session, user };
  });
}

export async function updateProfile(
  deps: SubgraphDeps,
  userId: string,
  input: ProfileFields,
): Promise<UserRow> {
  const patch = profilePatch(input, deps.clock.now());
  try {
    return await deps.database.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const [user] = await tx
        .update(users)
        .set({ ...patch, updatedAt: now })
        .where(eq(users.id, userId))
        .returning();
      await writeProfileUpdated(tx, user!, now);
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_lower_key')) {
      throw badInput('Another account already uses this username.', { field: 'username', reason: 'TAKEN' });
    }
    throw error;
  }
}

export type ChangePasswordOutcome =
  | { kind: 'changed'; user: UserRow; revokedSessions: number }
  | { kind: 'invalid' }
  | { kind: 'weakPassword'; reasons: string[] }
  | { kind: 'tooMany'; retryAfterSeconds: number };

export async function changePassword(
  deps: SubgraphDeps,
  userId: string,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordOutcome> {
  const checked = await checkAccountPassword(deps, userId, input.currentPassword);
  if (checked.kind !== 'ok') return checked;
  const { user } = checked;
  const reasons = passwordProblems(input.newPassword, { email: user.email, username: user.username });
  if (reasons.length > 0) return { kind: 'weakPassword', reasons };
  const passwordHash = await hashPassword(input.newPassword);
  const changed = await deps.database.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: deps.clock.now() })
      .where(eq(users.id, userId))
      .returning();
    return { user: updated!, ended: await endOtherSessions(tx, userId, sessionId) };
  });
  // After the commit: dropped earlier, a request in between could cache a session again.
  await forgetViewers(deps.kv, changed.ended);
  return { kind: 'changed' as const, user: changed.user, revokedSessions: changed.ended.length };
}
