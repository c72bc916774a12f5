import {
  Apple,
  decodeIdToken,
  Google,
  generateCodeVerifier,
  OAuth2RequestError,
  type OAuth2Tokens,
  VK,
  Yandex,
} from 'arctic';
import { and, count, eq } from 'drizzle-orm';
import { generateToken, sha256Hex } from '../../kit/crypto.js';
import { checkRedirectUri, flowSecretMatches } from '../../kit/oauth-flows.js';
import { isUniqueViolation } from '../../kit/db.js';
import type { Env } from '../../kit/env.js';
import { badInput } from '../../kit/errors.js';
import { writeEvent } from '../../kit/events/outbox.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { writeProfileUpdated } from './accounts.js';
import { createSession } from './sessions.js';
import { type OAuthConnectionRow, outbox, type UserRow, userOauthConnections, users } from './tables.js';
import { issueToken, peekToken, redeemToken, TOKEN_LIFETIME_MS } from './tokens.js';
import { startTwoFactorSignIn } from './two-factor.js';

export const OAUTH_PROVIDERS = ['google', 'apple', 'yandex', 'vk'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

/**
 * The cookie that carries a browser's flow secret from oauthStart to oauthCallback (HttpOnly,
 * SameSite=Lax, set by the gateway: kit/client-cookies.ts). A native app gets the secret in
 * oauthStart's answer instead and passes it to oauthCallback itself.
 */
export const OAUTH_FLOW_COOKIE = 'oauth_flow';
/** The flow cookie lives as long as the state it belongs to. */
export const OAUTH_FLOW_SECONDS = TOKEN_LIFETIME_MS.oauth_state / 1000;

/** What a provider told us about the person, after the code exchange. */
export interface ProviderIdentity {
  subject: string;
  email: string | null;
  /** True only when the provider asserts it verified the address (Google, Apple id tokens). */
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
}

interface ProviderClient {
  /** PKCE where arctic and the provider support it (Google); the others use state alone. */
  pkce: boolean;
  authorizationUrl(state: string, codeVerifier: string): URL;
  exchange(code: string, codeVerifier: string): Promise<ProviderIdentity>;
}

const str = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);

function tokenFields(tokens: OAuth2Tokens) {
  const data = tokens.data as Record<string, unknown>;
  return {
    accessToken: tokens.accessToken(),
    refreshToken: tokens.hasRefreshToken() ? tokens.refreshToken() : null,
    expiresAt:
      typeof data.expires_in === 'number' && data.expires_in > 0 ? tokens.accessTokenExpiresAt() : null,
  };
}

function fromIdToken(tokens: OAuth2Tokens) {
  const claims = decodeIdToken(tokens.idToken()) as Record<string, unknown>;
  const subject = str(claims.sub);
  if (!subject) throw new Error('id token without subject');
  return {
    subject,
    email: str(claims.email)?.toLowerCase() ?? null,
    // Apple sends the flag as a string.
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    firstName: str(claims.given_name),
    lastName: str(claims.family_name),
  };
}

function pemToPkcs8(pem: string): Uint8Array {
  const body = pem
    .replace(/\\n/g, '\n')
    .replace(/-----[A-Z ]+-----/g, '')
    .replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
}

/** The arctic client for a provider, or null when the deployment has not configured it. */
function providerClient(env: Env, provider: OAuthProvider, redirectUri: string): ProviderClient | null {
  switch (provider) {
    case 'google': {
      const settings = env.features.google;
      if (!settings) return null;
      const google = new Google(settings.clientId, settings.clientSecret, redirectUri);
      return {
        pkce: true,
        authorizationUrl: (state, verifier) =>
          google.createAuthorizationURL(state, verifier, ['openid', 'email', 'profile']),
        exchange: async (code, verifier) => {
          const tokens = await google.validateAuthorizationCode(code, verifier);
          return { ...fromIdToken(tokens), ...tokenFields(tokens) };
        },
      };
    }
    case 'apple': {
      const settings = env.features.apple;
      if (!settings) return null;
      const apple = new Apple(
        settings.clientId,
        settings.teamId,
        settings.keyId,
        pemToPkcs8(settings.privateKey),
        redirectUri,
      );
      return {
        pkce: false,
        authorizationUrl: (state) => {
          const url = apple.createAuthorizationURL(state, ['name', 'email']);
          // Apple returns name and email only to a form POST.
          url.searchParams.set('response_mode', 'form_post');
          return url;
        },
        exchange: async (code) => {
          const tokens = await apple.validateAuthorizationCode(code);
          return { ...fromIdToken(tokens), ...tokenFields(tokens) };
        },
      };
    }
    case 'yandex': {
      const settings = env.features.yandex;
      if (!settings) return null;
      const yandex = new Yandex(settings.clientId, settings.clientSecret, redirectUri);
      return {
        pkce: false,
        authorizationUrl: (state) => yandex.createAuthorizationURL(state, ['login:email', 'login:info']),
        exchange: async (code) => {
          const tokens = await yandex.validateAuthorizationCode(code);
          const response = await fetch('https://login.yandex.ru/info?format=json', {
            headers: { authorization: `OAuth ${tokens.accessToken()}` },
            signal: AbortSignal.timeout(10_000),
          });
          if (!response.ok) throw new Error(`yandex user info answered ${response.status}`);
          const info = (await response.json()) as Record<string, unknown>;
          const subject = str(info.id);
          if (!subject) throw new Error('yandex user info without id');
          return {
            subject,
            email: str(info.default_email)?.toLowerCase() ?? null,
            // Yandex asserts nothing about the address; treated as unverified.
            emailVerified: false,
            firstName: str(info.first_name),
            lastName: str(info.last_name),
            ...tokenFields(tokens),
          };
        },
      };
    }
    case 'vk': {
      const settings = env.features.vk;
      if (!settings) return null;
      const vk = new VK(settings.clientId, settings.clientSecret, redirectUri);
      return {
        pkce: false,
        authorizationUrl: (state) => vk.createAuthorizationURL(state, ['email']),
        exchange: async (code) => {
          const tokens = await vk.validateAuthorizationCode(code);
          const data = tokens.data as Record<string, unknown>;
          const subject = data.user_id === undefined ? null : String(data.user_id);
          if (!subject) throw new Error('vk token response without user_id');
          return {
            subject,
            email: str(data.email)?.toLowerCase() ?? null,
            emailVerified: false,
            firstName: null,
            lastName: null,
            ...tokenFields(tokens),
          };
        },
      };
    }
  }
}

/**
 * Builds the provider's authorization URL; state and PKCE verifier stay here, single-use. The flow
 * also gets a secret of its own, returned only to the client that starts it (in the flow cookie or
 * to the app) and stored only as its hash: oauthCallback requires it, so whoever else holds the
 * state and code (a login-CSRF link, an intercepted redirect) cannot finish the flow.
 */
export async function oauthStart(
  deps: SubgraphDeps,
  provider: OAuthProvider,
  redirectUri: string,
  viewerUserId: string | null,
) {
  const { env } = deps;
  checkRedirectUri(env.OAUTH_REDIRECT_URIS, redirectUri);
  const client = providerClient(env, provider, redirectUri);
  if (!client) throw badInput(`Sign-in with ${provider} is not configured.`, { field: 'provider' });
  const codeVerifier = generateCodeVerifier();
  const flowSecret = generateToken();
  const { token: state, expiresAt } = await issueToken(
    deps.database.db,
    deps.clock,
    'oauth_state',
    viewerUserId,
    {
      provider,
      redirectUri,
      codeVerifier: deps.secretBox.encrypt(codeVerifier),
      flowSecretHash: sha256Hex(flowSecret),
    },
  );
  return { url: client.authorizationUrl(state, codeVerifier).toString(), state, flowSecret, expiresAt };
}

export type OAuthCallbackOutcome =
  | { kind: 'signedIn'; token: string; expiresAt: Date; user: UserRow; created: boolean }
  | { kind: 'twoFactorRequired'; challenge: string; expiresAt: Date }
  | { kind: 'linked'; connection: OAuthConnectionRow }
  | { kind: 'emailInUse' }
  | {
      kind: 'failed';
      reason: 'INVALID_STATE' | 'PROVIDER_ERROR' | 'ACCOUNT_LINKED_ELSEWHERE' | 'ACCOUNT_UNAVAILABLE';
    };

/** What a link stores of the provider's answer; tokens only encrypted. */
function linkFields(deps: SubgraphDeps, identity: ProviderIdentity) {
  return {
    emailFromProvider: identity.email,
    emailVerified: identity.email !== null && identity.emailVerified,
    accessTokenEncrypted: deps.secretBox.encrypt(identity.accessToken),
    refreshTokenEncrypted: identity.refreshToken ? deps.secretBox.encrypt(identity.refreshToken) : null,
    tokenExpiresAt: identity.expiresAt,
  };
}

/** A username nobody has yet, derived from the provider's name or email. */
function candidateUsername(identity: ProviderIdentity, provider: OAuthProvider, attempt: number) {
  const base = (identity.email?.split('@')[0] ?? identity.firstName ?? provider)
    .replace(/[^A-Za-z0-9._-]/g, '')
    .slice(0, 20);
  const stem = base.length >= 3 ? base : `${provider}_user`;
  return attempt === 0 ? stem : `${stem}_${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Finishes the authorization code flow, for the client that started it only: the flow secret
 * (from the flow cookie or the app) must match the state's, else the state is not spent and the
 * code never reaches the provider. The state decides the mode: started by a signed-in viewer it
 * links the provider to that viewer; started anonymously it signs in the user already linked to
 * this provider account, or links by a *verified* email to an account whose email is verified too,
 * or creates a new account. An email the provider did not verify never reaches an existing account
 * and never becomes a new account's: that account gets a placeholder address, so the address stays
 * free for whoever proves it.
 */
export async function oauthCallback(
  deps: SubgraphDeps,
  provider: OAuthProvider,
  code: string,
  state: string,
  flowSecret: string | null,
  viewerUserId: string | null,
  ip: string | null,
): Promise<OAuthCallbackOutcome> {
  const pending = await peekToken(deps.database.db, deps.clock, 'oauth_state', state);
  const expected = pending?.data.flowSecretHash;
  if (!flowSecretMatches(flowSecret, expected)) {
    return { kind: 'failed', reason: 'INVALID_STATE' };
  }
  const stored = await redeemToken(deps.database.db, deps.clock, 'oauth_state', state);
  if (!stored || stored.data.provider !== provider || (stored.userId ?? null) !== viewerUserId) {
    return { kind: 'failed', reason: 'INVALID_STATE' };
  }
  const client = providerClient(deps.env, provider, String(stored.data.redirectUri));
  if (!client) return { kind: 'failed', reason: 'PROVIDER_ERROR' };

  let identity: ProviderIdentity;
  try {
    identity = await client.exchange(code, deps.secretBox.decrypt(String(stored.data.codeVerifier)));
  } catch (error) {
    deps.log.warn(
      { err: error instanceof OAuth2RequestError ? { code: error.code } : error, provider },
      'oauth code exchange failed',
    );
    return { kind: 'failed', reason: 'PROVIDER_ERROR' };
  }

  const db = deps.database.db;
  const [existing] = await db
    .select({ connection: userOauthConnections, user: users })
    .from(userOauthConnections)
    .innerJoin(users, eq(users.id, userOauthConnections.userId))
    .where(
      and(
        eq(userOauthConnections.provider, provider),
        eq(userOauthConnections.providerUserId, identity.subject),
      ),
    )
    .limit(1);

  if (viewerUserId) {
    if (existing && existing.user.id !== viewerUserId)
      return { kind: 'failed', reason: 'ACCOUNT_LINKED_ELSEWHERE' };
    const connection = await upsertConnection(deps, viewerUserId, provider, identity);
    if (!connection) return { kind: 'failed', reason: 'ACCOUNT_LINKED_ELSEWHERE' };
    return { kind: 'linked', connection };
  }

  let user: UserRow | undefined = existing?.user;
  let created = false;
  if (user) {
    await db
      .update(userOauthConnections)
      .set({ ...linkFields(deps, identity), updatedAt: deps.clock.now() })
      .where(eq(userOauthConnections.id, existing!.connection.id));
  } else {
    const [byEmail] = identity.email
      ? await db.select().from(users).where(eq(users.email, identity.email)).limit(1)
      : [];
    if (byEmail) {
      // Both sides must vouch for the address before a provider account joins an existing one:
      // otherwise whoever registered (or controls the provider account for) someone else's
      // address would walk into that account. An unverified one is refused without a join.
      if (!identity.emailVerified || !byEmail.emailVerified || byEmail.deletedAt)
        return { kind: 'emailInUse' };
      const connection = await upsertConnection(deps, byEmail.id, provider, identity);
      if (!connection) return { kind: 'emailInUse' };
      user = byEmail;
    } else {
      const outcome = await createOAuthUser(deps, provider, identity);
      if (!outcome) return { kind: 'emailInUse' };
      user = outcome;
      created = true;
    }
  }

  if (user.deletedAt || !user.isActive) return { kind: 'failed', reason: 'ACCOUNT_UNAVAILABLE' };
  if (user.twoFactorEnabled) {
    const challenge = await startTwoFactorSignIn(deps, user.id);
    return { kind: 'twoFactorRequired', challenge: challenge.token, expiresAt: challenge.expiresAt };
  }
  const signedInUser = user;
  return db.transaction(async (tx) => {
    const session = await createSession(tx, deps.clock, signedInUser.id);
    await writeEvent(
      tx,
      outbox,
      'user.signed_in',
      { userId: signedInUser.id, ip, method: provider },
      deps.clock.now(),
    );
    return { kind: 'signedIn' as const, ...session, user: signedInUser, created };
  });
}

/** Links (or refreshes) a provider account on a user; null when that account belongs to someone else. */
async function upsertConnection(
  deps: SubgraphDeps,
  userId: string,
  provider: OAuthProvider,
  identity: ProviderIdentity,
): Promise<OAuthConnectionRow | null> {
  const now = deps.clock.now();
  try {
    const [row] = await deps.database.db
      .insert(userOauthConnections)
      .values({
        userId,
        provider,
        providerUserId: identity.subject,
        ...linkFields(deps, identity),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [userOauthConnections.userId, userOauthConnections.provider],
        set: { providerUserId: identity.subject, ...linkFields(deps, identity), updatedAt: now },
      })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'user_oauth_connections_provider_subject_key')) return null;
    throw error;
  }
}

async function createOAuthUser(
  deps: SubgraphDeps,
  provider: OAuthProvider,
  identity: ProviderIdentity,
): Promise<UserRow | null> {
  // Accounts need an email. The provider's counts only when it verified it: an unverified one
  // would hold the address against its owner (sign-up refused) and hand them an account the
  // provider link still opens. Otherwise a placeholder that can never receive mail; the link
  // keeps the reported email as emailFromProvider.
  const proven = identity.emailVerified ? identity.email : null;
  const email = proven ?? `${provider}.${identity.subject}@oauth.invalid`.toLowerCase();
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await deps.database.db.transaction(async (tx) => {
        const now = deps.clock.now();
        const [user] = await tx
          .insert(users)
          .values({
            email,
            username: candidateUsername(identity, provider, attempt),
            passwordHash: null,
            firstName: identity.firstName?.slice(0, 100) ?? null,
            lastName: identity.lastName?.slice(0, 100) ?? null,
            emailVerified: proven !== null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await tx.insert(userOauthConnections).values({
          userId: user!.id,
          provider,
          providerUserId: identity.subject,
          ...linkFields(deps, identity),
          createdAt: now,
          updatedAt: now,
        });
        await writeEvent(
          tx,
          outbox,
          'user.signed_up',
          { userId: user!.id, signedUpAt: now.toISOString() },
          now,
        );
        await writeProfileUpdated(tx, user!, now);
        return user!;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_username_lower_key')) continue;
      if (isUniqueViolation(error, 'users_email_key')) return null;
      throw error;
    }
  }
  throw new Error('could not find a free username');
}

export function linkedAccounts(deps: SubgraphDeps, userId: string) {
  return deps.database.db
    .select()
    .from(userOauthConnections)
    .where(eq(userOauthConnections.userId, userId))
    .orderBy(userOauthConnections.createdAt, userOauthConnections.provider);
}

export type UnlinkOutcome =
  | { kind: 'unlinked'; remaining: OAuthConnectionRow[] }
  | { kind: 'notLinked' }
  | { kind: 'lastMethod' };

/** Removes a provider unless it is the user's last way in (no password and no other provider). */
export async function unlinkProvider(
  deps: SubgraphDeps,
  userId: string,
  provider: OAuthProvider,
): Promise<UnlinkOutcome> {
  return deps.database.db.transaction(async (tx) => {
    // Lock the user row so two concurrent unlinks cannot each see "one other method left".
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    const [{ value: others } = { value: 0 }] = await tx
      .select({ value: count() })
      .from(userOauthConnections)
      .where(eq(userOauthConnections.userId, userId));
    const [target] = await tx
      .select()
      .from(userOauthConnections)
      .where(and(eq(userOauthConnections.userId, userId), eq(userOauthConnections.provider, provider)));
    if (!target) return { kind: 'notLinked' as const };
    if (!user?.passwordHash && others <= 1) return { kind: 'lastMethod' as const };
    await tx.delete(userOauthConnections).where(eq(userOauthConnections.id, target.id));
    const remaining = await tx
      .select()
      .from(userOauthConnections)
      .where(eq(userOauthConnections.userId, userId))
      .orderBy(userOauthConnections.createdAt, userOauthConnections.provider);
    return { kind: 'unlinked' as const, remaining };
  });
}
