import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import type { OAuthProvider } from './oauth.js';
import { endAllSessions } from './sessions.js';
import { userOauthConnections } from './tables.js';
import { dropTokens } from './tokens.js';

export interface AddressProven {
  /** Providers unlinked because they never verified the address. */
  unlinkedProviders: OAuthProvider[];
  /** Sessions ended; drop them from the viewer cache (forgetViewers) once the transaction commits. */
  endedSessionIds: string[];
}

/**
 * Someone just proved they receive mail at the account's address, by a password reset or an
 * email verification link: the account is now the address owner's. Until then anyone could have
 * registered the address or linked a provider to the account, so whatever was not proven for this
 * address ends: provider links whose provider did not verify this same address (Yandex and VK never
 * do; a Google or Apple link verified for another address proves nothing about this one), every
 * session, and sign-ins or provider flows still waiting to finish (a pending second factor, an
 * OAuth state). Runs in the caller's transaction, which also marks the address verified.
 */
export async function handToAddressOwner(
  tx: Executor,
  userId: string,
  email: string,
): Promise<AddressProven> {
  const unlinked = await tx
    .delete(userOauthConnections)
    .where(
      and(
        eq(userOauthConnections.userId, userId),
        or(
          eq(userOauthConnections.emailVerified, false),
          isNull(userOauthConnections.emailFromProvider),
          ne(userOauthConnections.emailFromProvider, email),
        ),
      ),
    )
    .returning({ provider: userOauthConnections.provider });
  const endedSessionIds = await endAllSessions(tx, userId);
  await dropTokens(tx, userId, 'two_factor');
  await dropTokens(tx, userId, 'oauth_state');
  return {
    unlinkedProviders: unlinked.map((link) => link.provider as OAuthProvider).sort(),
    endedSessionIds,
  };
}
