import { and, eq, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { generateToken, sha256Hex } from '../../kit/crypto.js';
import type { Database, Executor } from '../../kit/db.js';
import type { KeyValueStore } from '../../kit/kv.js';
import { preparedQuery } from '../../kit/prepared.js';
import { viewerCacheKey } from '../../kit/viewer-cache.js';
import { type SessionRow, sessions, users } from './tables.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session used when less than this remains is extended to a full lifetime again. */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;
/** last_used_at is refreshed at most this often, so reads do not turn into writes. */
const LAST_USED_GRANULARITY_MS = 60 * 1000;

export const sessionIdOf = (token: string) => sha256Hex(token);

export async function createSession(executor: Executor, clock: Clock, userId: string) {
  const token = generateToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await executor
    .insert(sessions)
    .values({ id: sessionIdOf(token), userId, expiresAt, createdAt: now, lastUsedAt: now });
  return { token, expiresAt };
}

export interface ValidSession {
  session: SessionRow;
  user: typeof users.$inferSelect;
}

/** The session and its user when the token is live and the account may still sign in; else null. */
export async function validateSessionToken(
  executor: Executor,
  clock: Clock,
  token: string,
): Promise<ValidSession | null> {
  if (token.length < 16 || token.length > 128) return null;
  const id = sessionIdOf(token);
  // The gateway asks this for every viewer it has not cached: a statement prepared once.
  const [found] = await preparedQuery<ValidSession>(executor, 'identity.sessionWithUser', (on) =>
    on
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, sql.placeholder('id')))
      .limit(1),
  ).execute({ id });
  if (!found) return null;
  const now = clock.now();
  if (found.session.expiresAt.getTime() <= now.getTime()) {
    await executor.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (found.user.deletedAt || !found.user.isActive) return null;

  const renew = found.session.expiresAt.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS;
  const touch = now.getTime() - found.session.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS;
  if (renew || touch) {
    const patch = renew
      ? { expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS), lastUsedAt: now }
      : { lastUsedAt: now };
    await executor.update(sessions).set(patch).where(eq(sessions.id, id));
    found.session = { ...found.session, ...patch };
  }
  return found;
}

async function endSessions(executor: Executor, condition: SQL | undefined): Promise<string[]> {
  const ended = await executor.delete(sessions).where(condition).returning({ id: sessions.id });
  return ended.map((s) => s.id);
}

/**
 * Drops ended sessions from the gateway's viewer cache, so they stop working at once. Inside a
 * transaction, call it after the commit: dropped earlier, a request in between could find the
 * still-visible session and cache it again for the cache's lifetime.
 */
export async function forgetViewers(kv: KeyValueStore, sessionIds: readonly string[]) {
  await Promise.all(sessionIds.map((id) => kv.delete(viewerCacheKey(id))));
}

/** Ends sessions and drops them from the gateway's viewer cache. Returns how many ended. */
async function revoke(executor: Executor, kv: KeyValueStore, condition: SQL | undefined) {
  const ended = await endSessions(executor, condition);
  await forgetViewers(kv, ended);
  return ended.length;
}

/** Ends every session of a user without touching the cache; forgetViewers the ids once committed. */
export const endAllSessions = (executor: Executor, userId: string) =>
  endSessions(executor, eq(sessions.userId, userId));

// The two below run outside a transaction (each is one statement): the cache is dropped after
// the sessions are gone for every reader. Inside a transaction, use endAllSessions or
// endOtherSessions and forgetViewers after the commit.
export const revokeSession = (database: Database, kv: KeyValueStore, sessionId: string) =>
  revoke(database.db, kv, eq(sessions.id, sessionId));

export const revokeAllSessions = (database: Database, kv: KeyValueStore, userId: string) =>
  revoke(database.db, kv, eq(sessions.userId, userId));

/** Ends a user's other sessions without touching the cache; forgetViewers the ids once committed. */
export const endOtherSessions = (executor: Executor, userId: string, keep: string) =>
  endSessions(executor, and(eq(sessions.userId, userId), ne(sessions.id, keep)));

/**
 * Drops the gateway's cached viewer of every session of the user, so the next request of each
 * resolves the viewer again (roles, trainer id, entitlements) instead of waiting out the cache.
 */
export async function dropCachedViewers(executor: Executor, kv: KeyValueStore, userId: string) {
  const live = await executor.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  await Promise.all(live.map((s) => kv.delete(viewerCacheKey(s.id))));
}

/** Deletes expired sessions; run by the sweeper. */
export async function deleteExpiredSessions(executor: Executor, clock: Clock) {
  const removed = await executor
    .delete(sessions)
    .where(lt(sessions.expiresAt, clock.now()))
    .returning({ id: sessions.id });
  return removed.length;
}
