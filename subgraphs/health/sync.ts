import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import type { SecretBox } from '../../kit/crypto.js';
import type { Database } from '../../kit/db.js';
import type { Logger } from '../../kit/log.js';
import { ingestSamples, MAX_SAMPLES_PER_CALL, type SampleInput } from './ingest.js';
import {
  GrantRejected,
  ProviderUnavailable,
  type PulledProvider,
  RateLimited,
  retryAfterSeconds,
} from './providers/common.js';
import type { WearableAdapters } from './providers/index.js';
import {
  type HealthIntegrationRow,
  healthIntegrations,
  providerNotifications,
  tokenRevocations,
} from './tables.js';

/** Refresh a little before expiry, so a token never dies mid-sync. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** A pass pulls at most this much of a backfill, so a long history never holds a claim for long. */
const BACKFILL_CHUNK_MS = 3 * 86_400_000;
/** Backoff after failures in a row: a minute, doubling, at most six hours. */
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * 3600_000;
/** Handled notification ids are kept this long; providers redeliver within hours. */
const NOTIFICATION_RETENTION_MS = 7 * 86_400_000;
/** Stored names of the providers the worker pulls from; any other queued revocation is dropped. */
const PULLED_STORED: readonly string[] = ['google_health', 'garmin'];
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
  adapters: WearableAdapters;
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
 * Pulls Google Health and Garmin data for every active integration that is due (backfills first,
 * in chunks; then by interval or when a notification asked), and revokes queued
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
    await this.deps.database.db
      .delete(providerNotifications)
      .where(
        lt(
          providerNotifications.receivedAt,
          new Date(this.deps.clock.now().getTime() - NOTIFICATION_RETENTION_MS),
        ),
      );
    const providers = Object.keys(this.deps.adapters) as PulledProvider[];
    if (providers.length === 0) return report;
    const now = this.deps.clock.now();
    const due = await this.deps.database.db
      .select({ id: healthIntegrations.id })
      .from(healthIntegrations)
      .where(and(inArray(healthIntegrations.provider, providers), this.dueAndUnclaimed(now)))
      .orderBy(sql`${healthIntegrations.lastSyncAt} ASC NULLS FIRST`)
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
            .set({ isActive: false, inactiveReason: 'access_revoked', syncRequestedAt: null })
            .where(eq(healthIntegrations.id, integration.id));
          this.deps.log.warn(
            { integrationId: integration.id },
            'provider refused the grant; integration deactivated',
          );
        } else {
          report.failed += 1;
          await this.recordFailure(integration, error, now);
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

  /**
   * Active; backfilling, asked for by a notification, or not synced within the interval; not told
   * to wait (rate limit, backoff); and not held by a live claim of another worker.
   */
  private dueAndUnclaimed(now: Date) {
    const dueBefore = new Date(now.getTime() - this.intervalMs);
    return and(
      eq(healthIntegrations.isActive, true),
      or(
        isNull(healthIntegrations.lastSyncAt),
        lt(healthIntegrations.lastSyncAt, dueBefore),
        isNotNull(healthIntegrations.backfillUntil),
        isNotNull(healthIntegrations.syncRequestedAt),
      ),
      or(isNull(healthIntegrations.retryAfter), lte(healthIntegrations.retryAfter, now)),
      or(isNull(healthIntegrations.syncClaimedUntil), lte(healthIntegrations.syncClaimedUntil, now)),
    );
  }

  /**
   * A failed pass: a code the client can show (never the provider's answer), and a wait before
   * the next try: the provider's Retry-After on 429, else a backoff doubling with each failure.
   */
  private async recordFailure(integration: HealthIntegrationRow, error: unknown, now: Date) {
    const failures = integration.consecutiveFailures + 1;
    const backoff = Math.min(BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 20), BACKOFF_MAX_MS);
    const waitMs =
      error instanceof RateLimited
        ? Math.max(retryAfterSeconds(error.retryAfter, now.getTime()) * 1000, BACKOFF_BASE_MS)
        : backoff;
    const code =
      error instanceof RateLimited
        ? 'rate_limited'
        : error instanceof ProviderUnavailable
          ? 'provider_unavailable'
          : 'provider_error';
    await this.deps.database.db
      .update(healthIntegrations)
      .set({
        consecutiveFailures: failures,
        retryAfter: new Date(now.getTime() + waitMs),
        lastErrorCode: code,
        lastErrorAt: now,
      })
      .where(eq(healthIntegrations.id, integration.id));
    this.deps.log.warn(
      {
        err: error instanceof Error ? { name: error.name, message: error.message } : error,
        integrationId: integration.id,
        code,
      },
      'health sync failed; will retry',
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
    const adapter = this.deps.adapters[integration.provider as PulledProvider]!;
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
      // Providers rotate refresh tokens on use (Garmin's are single-use): store them at once.
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

    // The window of this pass, and how the backfill moves with it.
    let from: Date;
    let until = now;
    let backfill: Partial<HealthIntegrationRow> = {};
    if (integration.backfillUntil && integration.backfillFrom) {
      const reached = integration.backfilledUntil ?? integration.backfillFrom;
      if (adapter.requestBackfill) {
        // Garmin sends the history itself, as new uploads announced by ping or push; the pass
        // asks for it once and pulls what was uploaded since the connection.
        await adapter.requestBackfill(accessToken, reached, integration.backfillUntil);
        from = new Date(integration.backfillUntil.getTime() - 86_400_000);
        backfill = { backfilledUntil: integration.backfillUntil, backfillUntil: null };
      } else {
        from = reached;
        until = new Date(
          Math.min(reached.getTime() + BACKFILL_CHUNK_MS, integration.backfillUntil.getTime()),
        );
        const done = until.getTime() >= integration.backfillUntil.getTime();
        backfill = { backfilledUntil: until, backfillUntil: done ? null : integration.backfillUntil };
        if (done) until = now; // the last chunk runs on to now
      }
    } else {
      // Providers revise recent data (late uploads, a day's totals): a day of overlap.
      const last = integration.lastSyncAt ?? integration.createdAt;
      from = new Date(last.getTime() - 86_400_000);
    }

    const samples = await adapter.fetchSamples(accessToken, from, until, now);
    let accepted = 0;
    await db.transaction(async (tx) => {
      for (let i = 0; i < samples.length; i += MAX_SAMPLES_PER_CALL) {
        const chunk: SampleInput[] = samples.slice(i, i + MAX_SAMPLES_PER_CALL);
        const outcome = await ingestSamples(tx, this.deps.clock, integration.userId, chunk);
        if (outcome.errors.length > 0) {
          // A provider's bad sample fails the whole sync (rolled back): it is a bug to look at,
          // not user input. The count only: a message may quote a sample's value.
          throw new Error(`provider sent ${outcome.errors.length} invalid samples`);
        }
        accepted += outcome.accepted;
      }
      await tx
        .update(healthIntegrations)
        .set({
          ...backfill,
          lastSyncAt: now,
          retryAfter: null,
          consecutiveFailures: 0,
          lastErrorCode: null,
          lastErrorAt: null,
        })
        .where(eq(healthIntegrations.id, integration.id));
      // A notification that came in during the pass asks for another one.
      await tx
        .update(healthIntegrations)
        .set({ syncRequestedAt: null })
        .where(and(eq(healthIntegrations.id, integration.id), lte(healthIntegrations.syncRequestedAt, now)));
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
      const adapter = this.deps.adapters[row.provider as PulledProvider];
      if (!adapter) {
        // A provider we do not pull (or the retired Fitbit Web API) has nothing to call; a pulled
        // one not configured here waits for a process that has it.
        if (!PULLED_STORED.includes(row.provider)) {
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
