import { toStored } from '../../kit/stored-enums.js';
import { and, eq } from 'drizzle-orm';
import { serviceUnavailable } from '../../kit/errors.js';
import { writeEvent } from '../../kit/events/outbox.js';
import { IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Viewer } from '../../kit/identity-header.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { checkAccountPassword } from './password-check.js';
import { endAllSessions, forgetViewers } from './sessions.js';
import {
  oneTimeTokens,
  outbox,
  recoveryCodes,
  sessions,
  twoFactorCredentials,
  userOauthConnections,
  users,
} from './tables.js';

export type DeleteAccountOutcome =
  | { kind: 'deleted'; deletedAt: Date }
  | { kind: 'invalid' }
  | { kind: 'tooMany'; retryAfterSeconds: number }
  | { kind: 'reauthenticate'; maxAgeSeconds: number };

/**
 * How recent a sign-in must be to delete an account that has no password (it signs in only
 * through a provider, and may have no address to mail a confirmation to): the provider's sign-in
 * is the confirmation, as a password is for the others.
 */
export const REAUTHENTICATION_MAX_AGE_SECONDS = 600;

/** The confirmation deletion asks for: the password, or for a password-less account a fresh sign-in. */
async function confirmDeletion(
  deps: SubgraphDeps,
  userId: string,
  sessionId: string,
  password: string | null | undefined,
): Promise<Exclude<DeleteAccountOutcome, { kind: 'deleted' }> | null> {
  const [user] = await deps.database.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (user?.passwordHash || password) {
    const checked = await checkAccountPassword(deps, userId, password ?? '');
    return checked.kind === 'ok' ? null : checked;
  }
  const [session] = await deps.database.db
    .select({ createdAt: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
  const age = session ? (deps.clock.now().getTime() - session.createdAt.getTime()) / 1000 : Infinity;
  return age <= REAUTHENTICATION_MAX_AGE_SECONDS
    ? null
    : { kind: 'reauthenticate', maxAgeSeconds: REAUTHENTICATION_MAX_AGE_SECONDS };
}

/**
 * GDPR erasure in identity: the row stays (soft delete; other domains' foreign keys point at it)
 * but everything personal on it is replaced, so the email and username are free again. OAuth
 * connections, sessions, 2FA secrets and pending tokens go. `user.deleted` is written in the same
 * transaction, so every other subgraph hears of it even if this process dies right after commit.
 */
export async function deleteMyAccount(
  deps: SubgraphDeps,
  viewer: { userId: string; sessionId: string },
  password: string | null | undefined,
): Promise<DeleteAccountOutcome> {
  const { userId } = viewer;
  const refused = await confirmDeletion(deps, userId, viewer.sessionId, password);
  if (refused) return refused;
  const deleted = await deps.database.db.transaction(async (tx) => {
    const deletedAt = deps.clock.now();
    await tx
      .update(users)
      .set({
        // The id keeps the placeholders unique; '.invalid' can never receive mail (RFC 2606).
        email: `deleted-${userId}@deleted.invalid`,
        username: `deleted-${userId}`,
        passwordHash: null,
        firstName: null,
        lastName: null,
        dateOfBirth: null,
        gender: null,
        countryCode: null,
        emailVerified: false,
        twoFactorEnabled: false,
        isActive: false,
        roles: [toStored('USER')],
        updatedAt: deletedAt,
        deletedAt,
      })
      .where(eq(users.id, userId));
    await tx.delete(userOauthConnections).where(eq(userOauthConnections.userId, userId));
    await tx.delete(twoFactorCredentials).where(eq(twoFactorCredentials.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, userId));
    const ended = await endAllSessions(tx, userId);
    await writeEvent(tx, outbox, 'user.deleted', { userId, deletedAt: deletedAt.toISOString() }, deletedAt);
    return { deletedAt, ended };
  });
  // After the commit: dropped earlier, a request in between could cache a session again.
  await forgetViewers(deps.kv, deleted.ended);
  return { kind: 'deleted', deletedAt: deleted.deletedAt };
}

/**
 * Asks the gateway for everything the viewer can read about themselves. The gateway builds the
 * query from the composed API schema (gateway/export.ts), so identity needs to know no other
 * subgraph; it signs the request as service "identity" on behalf of the viewer it was given.
 */
export async function exportMyData(deps: SubgraphDeps, viewer: Viewer, requestId: string) {
  if (!deps.gatewayUrl) throw serviceUnavailable('Data export is not available right now.');
  let body: { data?: { me?: unknown } | null; errors?: { message?: string; path?: unknown[] }[] };
  try {
    const response = await fetch(new URL('/internal/export', deps.gatewayUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: signIdentity({ viewer, service: 'identity', ip: null }, deps.identitySecret),
        [REQUEST_ID_HEADER]: requestId,
      },
      body: '{}',
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`gateway export answered ${response.status}`);
    body = (await response.json()) as typeof body;
  } catch (error) {
    deps.log.error({ err: error, requestId }, 'data export failed');
    throw serviceUnavailable('Data export is not available right now; try again shortly.');
  }
  return {
    exportedAt: deps.clock.now().toISOString(),
    user: body.data?.me ?? null,
    // A subgraph that failed is named, so the export is never silently partial.
    incomplete: (body.errors ?? []).map((e) => ({ message: e.message ?? 'error', path: e.path ?? [] })),
  };
}
