import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import type { SecretBox } from '../../kit/crypto.js';
import type { Executor } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';
import { checkTokenExpiry } from './date-bounds.js';
import { PROVIDERS, type ProviderName } from './metric-types.js';
import { type HealthIntegrationRow, healthIntegrations, tokenRevocations } from './tables.js';

/** Providers the server pulls from with OAuth2 tokens; the others push through the mobile app. */
export const PULLED: readonly ProviderName[] = ['GARMIN', 'FITBIT'];

export interface ConnectInput {
  provider: ProviderName;
  accessToken?: string | null;
  refreshToken?: string | null;
  tokenExpiresAt?: Date | null;
}

/** Connects (or reconnects with new tokens); tokens are stored only as AES-256-GCM ciphertexts. */
export async function connectIntegration(
  db: Executor,
  clock: Clock,
  secretBox: SecretBox,
  userId: string,
  input: ConnectInput,
): Promise<HealthIntegrationRow> {
  const pulled = PULLED.includes(input.provider);
  for (const field of ['accessToken', 'refreshToken'] as const) {
    const value = input[field];
    if (pulled && !value) throw badInput(`${input.provider} needs ${field}.`, { field });
    if (!pulled && value) throw badInput(`${input.provider} takes no tokens.`, { field });
    if (value && value.length > 4096) throw badInput(`${field} is too long.`, { field });
  }
  checkTokenExpiry(input.tokenExpiresAt, clock.now());
  const values = {
    userId,
    provider: PROVIDERS[input.provider],
    accessTokenEncrypted: input.accessToken ? secretBox.encrypt(input.accessToken) : null,
    refreshTokenEncrypted: input.refreshToken ? secretBox.encrypt(input.refreshToken) : null,
    tokenExpiresAt: input.tokenExpiresAt ?? null,
    isActive: true,
  };
  return db.transaction(async (tx) => {
    // The replaced tokens are revoked too, so a reconnect leaves no stray grant behind.
    const [previous] = await tx
      .select()
      .from(healthIntegrations)
      .where(and(eq(healthIntegrations.userId, userId), eq(healthIntegrations.provider, values.provider)))
      .for('update');
    if (previous) await queueRevocation(tx, previous);
    const [row] = await tx
      .insert(healthIntegrations)
      .values(values)
      .onConflictDoUpdate({
        target: [healthIntegrations.userId, healthIntegrations.provider],
        set: {
          accessTokenEncrypted: values.accessTokenEncrypted,
          refreshTokenEncrypted: values.refreshTokenEncrypted,
          tokenExpiresAt: values.tokenExpiresAt,
          isActive: true,
        },
      })
      .returning();
    return row!;
  });
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
