import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';
import { checkRedirectUri, codeChallengeS256, redeemFlow, startFlow } from '../../kit/oauth-flows.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { PROVIDERS, type ProviderName } from './metric-types.js';
import { GrantRejected, type PulledProvider } from './providers/common.js';
import type { WearableAdapters } from './providers/index.js';
import { type HealthIntegrationRow, healthIntegrations, oauthFlows, tokenRevocations } from './tables.js';

/** Providers the server pulls from with OAuth2 tokens, connected through startHealthIntegration. */
export const PULLED: readonly ProviderName[] = ['GARMIN', 'GOOGLE_HEALTH'];
/** Providers whose data the mobile apps send; connecting them takes no tokens. */
export const ON_DEVICE: readonly ProviderName[] = ['APPLE_HEALTH', 'GOOGLE_FIT'];

/** Connects a provider whose data the app sends (Apple Health, Google Fit / Health Connect). */
export async function connectIntegration(
  db: Executor,
  userId: string,
  provider: ProviderName,
): Promise<HealthIntegrationRow> {
  if (PULLED.includes(provider)) {
    throw badInput(`${provider} is connected through startHealthIntegration.`, { field: 'input.provider' });
  }
  if (!ON_DEVICE.includes(provider)) {
    throw badInput(`${provider} can no longer be connected.`, { field: 'input.provider' });
  }
  const [row] = await db
    .insert(healthIntegrations)
    .values({ userId, provider: PROVIDERS[provider], isActive: true })
    .onConflictDoUpdate({
      target: [healthIntegrations.userId, healthIntegrations.provider],
      set: { isActive: true, inactiveReason: null },
    })
    .returning();
  return row!;
}

function pulledAdapter(adapters: WearableAdapters, provider: ProviderName) {
  if (!PULLED.includes(provider)) {
    throw badInput(`${provider} is not connected through the server; the app sends its data.`, {
      field: 'provider',
    });
  }
  const adapter = adapters[PROVIDERS[provider] as PulledProvider];
  if (!adapter) throw badInput(`${provider} is not configured on this deployment.`, { field: 'provider' });
  return adapter;
}

/**
 * Starts connecting a pulled provider for the signed-in user: the provider's consent page, with
 * state and PKCE kept here and the flow bound to this client and viewer (kit/oauth-flows.ts).
 */
export async function startConnect(
  deps: SubgraphDeps,
  adapters: WearableAdapters,
  userId: string,
  provider: ProviderName,
  redirectUri: string,
) {
  const adapter = pulledAdapter(adapters, provider);
  checkRedirectUri(deps.env.OAUTH_REDIRECT_URIS, redirectUri);
  const flow = await startFlow(deps.database.db, oauthFlows, deps.clock, deps.secretBox, {
    userId,
    provider: PROVIDERS[provider],
    redirectUri,
  });
  return {
    authorizationUrl: adapter.authorizationUrl({
      state: flow.state,
      codeChallenge: codeChallengeS256(flow.codeVerifier),
      redirectUri,
    }),
    state: flow.state,
    flowSecret: flow.flowSecret,
    expiresAt: flow.expiresAt,
  };
}

export type CompleteOutcome =
  | { kind: 'connected'; integration: HealthIntegrationRow }
  | { kind: 'failed'; reason: 'INVALID_STATE' | 'PROVIDER_ERROR' };

/**
 * Finishes connecting, for the client and viewer that started the flow only: the code is
 * redeemed here (tokens never reach the client), the tokens are stored encrypted, and a backfill
 * of HEALTH_BACKFILL_DAYS days is queued for the sync worker. Replaced tokens are revoked.
 */
export async function completeConnect(
  deps: SubgraphDeps,
  adapters: WearableAdapters,
  userId: string,
  provider: ProviderName,
  code: string,
  state: string,
  flowSecret: string | null,
): Promise<CompleteOutcome> {
  const adapter = pulledAdapter(adapters, provider);
  const flow = await redeemFlow(deps.database.db, oauthFlows, deps.clock, deps.secretBox, {
    state,
    flowSecret,
    provider: PROVIDERS[provider],
    userId,
  });
  if (!flow) return { kind: 'failed', reason: 'INVALID_STATE' };
  const now = deps.clock.now();
  let tokens: Awaited<ReturnType<typeof adapter.exchangeCode>>;
  let providerUserId: string | null;
  try {
    tokens = await adapter.exchangeCode(code, flow.codeVerifier, flow.redirectUri, now);
  } catch (error) {
    // Only the kind of failure is logged: provider bodies may echo the code or tokens.
    deps.log.warn(
      { provider, failure: error instanceof GrantRejected ? 'grant_rejected' : (error as Error).name },
      'wearable code exchange failed',
    );
    return { kind: 'failed', reason: 'PROVIDER_ERROR' };
  }
  try {
    providerUserId = await adapter.providerUserId(tokens.accessToken);
  } catch (error) {
    // Without it notifications cannot find the integration, but the interval sync still runs.
    deps.log.warn({ provider, failure: (error as Error).name }, 'wearable user id lookup failed');
    providerUserId = null;
  }
  const backfillFrom = new Date(now.getTime() - deps.env.HEALTH_BACKFILL_DAYS * 86_400_000);
  const values = {
    userId,
    provider: PROVIDERS[provider],
    accessTokenEncrypted: deps.secretBox.encrypt(tokens.accessToken),
    refreshTokenEncrypted: deps.secretBox.encrypt(tokens.refreshToken),
    tokenExpiresAt: tokens.expiresAt,
    isActive: true,
    inactiveReason: null,
    providerUserId,
    backfillFrom,
    backfilledUntil: backfillFrom,
    backfillUntil: now,
    lastSyncAt: null,
    syncRequestedAt: null,
    retryAfter: null,
    consecutiveFailures: 0,
    lastErrorCode: null,
    lastErrorAt: null,
  };
  const integration = await deps.database.db.transaction(async (tx) => {
    // The replaced tokens are revoked too, so a reconnect leaves no stray grant behind.
    const [previous] = await tx
      .select()
      .from(healthIntegrations)
      .where(and(eq(healthIntegrations.userId, userId), eq(healthIntegrations.provider, values.provider)))
      .for('update');
    if (previous) await queueRevocation(tx, previous);
    const { userId: _user, provider: _provider, ...changes } = values;
    const [row] = await tx
      .insert(healthIntegrations)
      .values({ ...values, createdAt: now })
      .onConflictDoUpdate({ target: [healthIntegrations.userId, healthIntegrations.provider], set: changes })
      .returning();
    return row!;
  });
  return { kind: 'connected', integration };
}

async function queueRevocation(db: Executor, integration: HealthIntegrationRow): Promise<void> {
  if (!integration.accessTokenEncrypted && !integration.refreshTokenEncrypted) return;
  await db.insert(tokenRevocations).values({
    provider: integration.provider,
    accessTokenEncrypted: integration.accessTokenEncrypted,
    refreshTokenEncrypted: integration.refreshTokenEncrypted,
  });
}

/** Removes integrations and queues their tokens for revocation at the provider (the sync worker does it). */
export async function removeIntegrations(
  db: Executor,
  userId: string,
  provider?: ProviderName,
): Promise<number> {
  const condition = provider
    ? and(eq(healthIntegrations.userId, userId), eq(healthIntegrations.provider, PROVIDERS[provider]))
    : eq(healthIntegrations.userId, userId);
  const removed = await db.delete(healthIntegrations).where(condition).returning();
  for (const integration of removed) await queueRevocation(db, integration);
  return removed.length;
}

export async function disconnectIntegration(db: Executor, userId: string, provider: ProviderName) {
  return db.transaction(async (tx) => (await removeIntegrations(tx, userId, provider)) > 0);
}
