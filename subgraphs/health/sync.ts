import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import type { SecretBox } from '../../kit/crypto.js';
import type { Database } from '../../kit/db.js';
import type { Logger } from '../../kit/log.js';
import { ingestSamples, MAX_SAMPLES_PER_CALL, type SampleInput } from './ingest.js';
import { GrantRejected, type PullAdapter } from './providers/common.js';
import { type HealthIntegrationRow, healthIntegrations, tokenRevocations } from './tables.js';

/** Refresh a little before expiry, so a token never dies mid-sync. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** First sync of a new connection reaches this far back. */
const FIRST_SYNC_DAYS = 7;
/**
 * How long a worker may hold an integration it is syncing. A worker that dies mid-sync leaves its
 * claim behind; another takes the integration over when the claim expires.
 */
const SYNC_CLAIM_MS = 15 * 60 * 1000;
/** A revocation that keeps failing is dropped eventually: the ciphertext should not live forever. */
const MAX_REVOCATION_ATTEMPTS = 10;

export interface SyncDeps {
  database: Database;
  secretBox: SecretBox;
  clock: Clock;
  log: Logger;
  adapters: Partial<Record<'fitbit' | 'garmin', PullAdapter>>;
}

export interface SyncReport {
  synced: number;
  samples: number;
  accepted: number;
  deactivated: number;
  failed: number;
  revoked: number;
}

/**
 * Pulls fitbit and garmin data for every active integration that is due, and revokes queued
 * tokens. Any number of worker processes may run it: each integration is claimed (one UPDATE)
 * before it is synced, so two workers never refresh the same single-use refresh token, which
 * would make the provider revoke the grant. Stored samples are idempotent, so a repeated or
 * overlapping window only costs requests.
 */
export class HealthSyncWorker {
  constructor(
    private readonly deps: SyncDeps,
    /** How long after its last sync an integration is due again (HEALTH_SYNC_INTERVAL_SECONDS). */
    private readonly intervalMs: number,
  ) {}

  async runOnce(): Promise<SyncReport> {
    const report: SyncReport = { synced: 0, samples: 0, accepted: 0, deactivated: 0, failed: 0, revoked: 0 };
    report.revoked = await this.processRevocations();
    const providers = Object.keys(this.deps.adapters) as ('fitbit' | 'garmin')[];
    if (providers.length === 0) return report;
    const now = this.deps.clock.now();
    const due = await this.deps.database.db
      .select({ id: healthIntegrations.id })
      .from(healthIntegrations)
      .where(and(inArray(healthIntegrations.provider, providers), this.dueAndUnclaimed(now)))
      .orderBy(asc(healthIntegrations.lastSyncAt))
      .limit(500);
    for (const { id } of due) {
      const integration = await this.claim(id, now);
      if (!integration) continue; // another worker took it, or synced it since the list was read
      try {
        const outcome = await this.syncOne(integration);
        report.synced += 1;
        report.samples += outcome.samples;
        report.accepted += outcome.accepted;
      } catch (error) {
        if (error instanceof GrantRejected) {
          report.deactivated += 1;
          await this.deps.database.db
            .update(healthIntegrations)
            .set({ isActive: false })
            .where(eq(healthIntegrations.id, integration.id));
          this.deps.log.warn(
            { integrationId: integration.id },
            'provider refused the grant; integration deactivated',
          );
        } else {
          report.failed += 1;
          this.deps.log.warn({ err: error, integrationId: integration.id }, 'health sync failed; will retry');
        }
      } finally {
        await this.deps.database.db
          .update(healthIntegrations)
          .set({ syncClaimedUntil: null })
          .where(eq(healthIntegrations.id, integration.id));
      }
    }
    return report;
  }

  /** Active, not synced within the interval, and not held by a live claim of another worker. */
  private dueAndUnclaimed(now: Date) {
    const dueBefore = new Date(now.getTime() - this.intervalMs);
    return and(
      eq(healthIntegrations.isActive, true),
      or(isNull(healthIntegrations.lastSyncAt), lt(healthIntegrations.lastSyncAt, dueBefore)),
      or(isNull(healthIntegrations.syncClaimedUntil), lte(healthIntegrations.syncClaimedUntil, now)),
    );
  }

  /**
   * Claims one integration for this worker; returns its current row (tokens another worker may
   * have rotated included), or nothing when it is no longer due or another worker holds it.
   */
  private async claim(id: string, now: Date): Promise<HealthIntegrationRow | undefined> {
    const [claimed] = await this.deps.database.db
      .update(healthIntegrations)
      .set({ syncClaimedUntil: new Date(now.getTime() + SYNC_CLAIM_MS) })
      .where(and(eq(healthIntegrations.id, id), this.dueAndUnclaimed(now)))
      .returning();
    return claimed;
  }

  private async syncOne(integration: HealthIntegrationRow): Promise<{ samples: number; accepted: number }> {
    const adapter = this.deps.adapters[integration.provider as 'fitbit' | 'garmin']!;
    const { db } = this.deps.database;
    const now = this.deps.clock.now();
    if (!integration.accessTokenEncrypted || !integration.refreshTokenEncrypted)
      throw new GrantRejected('no tokens');
    let accessToken = this.deps.secretBox.decrypt(integration.accessTokenEncrypted);
    const expiresAt = integration.tokenExpiresAt?.getTime() ?? 0;
    if (expiresAt - REFRESH_MARGIN_MS <= now.getTime()) {
      const tokens = await adapter.refresh(
        this.deps.secretBox.decrypt(integration.refreshTokenEncrypted),
        now,
      );
      // Providers rotate refresh tokens on use (Fitbit's are single-use): store them at once.
      await db
        .update(healthIntegrations)
        .set({
          accessTokenEncrypted: this.deps.secretBox.encrypt(tokens.accessToken),
          refreshTokenEncrypted: this.deps.secretBox.encrypt(tokens.refreshToken),
          tokenExpiresAt: tokens.expiresAt,
        })
        .where(eq(healthIntegrations.id, integration.id));
      accessToken = tokens.accessToken;
    }
    const since = integration.lastSyncAt
      ? new Date(integration.lastSyncAt.getTime() - 86_400_000)
      : new Date(now.getTime() - FIRST_SYNC_DAYS * 86_400_000);
    const samples = await adapter.fetchSamples(accessToken, since, now);
    let accepted = 0;
    await db.transaction(async (tx) => {
      for (let i = 0; i < samples.length; i += MAX_SAMPLES_PER_CALL) {
        const chunk: SampleInput[] = samples.slice(i, i + MAX_SAMPLES_PER_CALL);
        const outcome = await ingestSamples(tx, this.deps.clock, integration.userId, chunk);
        if (outcome.errors.length > 0) {
          // A provider's bad sample fails the whole sync (rolled back): it is a bug to look at, not user input.
          throw new Error(`provider sent invalid samples: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
        }
        accepted += outcome.accepted;
      }
      await tx
        .update(healthIntegrations)
        .set({ lastSyncAt: now })
        .where(eq(healthIntegrations.id, integration.id));
    });
    return { samples: samples.length, accepted };
  }

  /** Revokes tokens of disconnected or erased integrations at their provider, then forgets them. */
  async processRevocations(): Promise<number> {
    const { db } = this.deps.database;
    const queued = await db
      .select()
      .from(tokenRevocations)
      .orderBy(asc(tokenRevocations.createdAt))
      .limit(100);
    let revoked = 0;
    for (const row of queued) {
      const adapter = this.deps.adapters[row.provider as 'fitbit' | 'garmin'];
      if (!adapter) {
        // A provider we do not pull (or one not configured here) has nothing to call.
        if (row.provider !== 'fitbit' && row.provider !== 'garmin') {
          await db.delete(tokenRevocations).where(eq(tokenRevocations.id, row.id));
        }
        continue;
      }
      try {
        await adapter.revoke({
          accessToken: row.accessTokenEncrypted
            ? this.deps.secretBox.decrypt(row.accessTokenEncrypted)
            : null,
          refreshToken: row.refreshTokenEncrypted
            ? this.deps.secretBox.decrypt(row.refreshTokenEncrypted)
            : null,
        });
        await db.delete(tokenRevocations).where(eq(tokenRevocations.id, row.id));
        revoked += 1;
      } catch (error) {
        // A token the provider already refuses is as good as revoked.
        if (error instanceof GrantRejected || row.attempts + 1 >= MAX_REVOCATION_ATTEMPTS) {
          await db.delete(tokenRevocations).where(eq(tokenRevocations.id, row.id));
          if (error instanceof GrantRejected) revoked += 1;
        } else {
          await db
            .update(tokenRevocations)
            .set({ attempts: row.attempts + 1 })
            .where(eq(tokenRevocations.id, row.id));
        }
        this.deps.log.warn({ err: error, provider: row.provider }, 'token revocation failed');
      }
    }
    return revoked;
  }
}
