import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { outboxTable, processedEventsTable } from '../../kit/events/outbox.js';
import { periodicRunsTable } from '../../kit/periodic-claims.js';
import { oauthFlowsTable } from '../../kit/oauth-flows.js';
import { userTimeZonesTable } from '../../kit/time-zones.js';
import { relationshipCopyTable } from '../../kit/relationships.js';

export const health = pgSchema('health');

/**
 * health_metrics as the seed has it. The table is partitioned by month on recorded_date (see the
 * hand-written migration), so the primary key carries the partition key. Rows are immutable: a
 * trigger refuses UPDATE, and deletion happens only through GDPR erasure.
 */
export const healthMetrics = health.table(
  'health_metrics',
  {
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    metricType: varchar('metric_type', { length: 32 }).notNull(),
    value: numeric('value', { precision: 10, scale: 2 }).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    source: varchar('source', { length: 32 }).notNull(),
    sourceDevice: varchar('source_device', { length: 100 }),
    recordedAt: timestamp('recorded_date', { withTimezone: true }).notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.recordedAt] }),
    index('health_metrics_user_type_recorded_idx').on(t.userId, t.metricType, t.recordedAt.desc()),
    index('health_metrics_source_synced_idx').on(t.source, t.syncedAt),
    // A re-sent sample is a no-op: device re-syncs stay idempotent.
    uniqueIndex('health_metrics_sample_key').on(t.userId, t.metricType, t.source, t.recordedAt),
    check(
      'health_metrics_type_unit',
      sql`(${t.metricType}, ${t.unit}) IN (('steps','count'),('heart_rate','bpm'),('calories','kcal'),('distance','m'),('active_minutes','min'),('weight','kg'),('sleep','min'))`,
    ),
    check('health_metrics_value_nonnegative', sql`${t.value} >= 0`),
  ],
);
export type HealthMetricRow = typeof healthMetrics.$inferSelect;

/**
 * The hourly rollup of health_metrics (rollup.ts): per user, stored metric type and UTC hour, the
 * aggregates of the samples that count once sources are merged, and every source present. Kept
 * in the writers' transactions, rebuilt from the samples by `npm run health:rollup`. Partitioned
 * by month on hour_start like the samples (hand-written migration); the primary key carries the
 * aggregates so a series reads the index alone.
 */
export const metricHours = health.table(
  'health_metric_hours',
  {
    userId: uuid('user_id').notNull(),
    metricType: varchar('metric_type', { length: 32 }).notNull(),
    hourStart: timestamp('hour_start', { withTimezone: true }).notNull(),
    sampleCount: integer('sample_count').notNull(),
    valueSum: numeric('value_sum').notNull(),
    valueMin: numeric('value_min', { precision: 10, scale: 2 }).notNull(),
    valueMax: numeric('value_max', { precision: 10, scale: 2 }).notNull(),
    sources: varchar('sources', { length: 32 }).array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.metricType, t.hourStart] }),
    check('health_metric_hours_count_positive', sql`${t.sampleCount} > 0`),
  ],
);

/**
 * health_goals as the seed has it, except target_value: numeric(12, 2) instead of INT, so a
 * weight goal can be 72.5 kg (docs/architecture.md, "Deviations from the data model").
 */
export const healthGoals = health.table(
  'health_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    metricType: varchar('metric_type', { length: 32 }).notNull(),
    targetValue: numeric('target_value', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('health_goals_user_active_idx').on(t.userId, t.isActive, t.createdAt),
    check('health_goals_target_positive', sql`${t.targetValue} > 0`),
    check('health_goals_period', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);
export type HealthGoalRow = typeof healthGoals.$inferSelect;

/** health_integrations as the seed has it; tokens are AES-256-GCM ciphertexts (kit SecretBox). */
export const healthIntegrations = health.table(
  'health_integrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    provider: varchar('provider', { length: 32 }).notNull(),
    accessTokenEncrypted: text('access_token_encrypted'),
    refreshTokenEncrypted: text('refresh_token_encrypted'),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    isActive: boolean('is_active').notNull().default(true),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
    /** Set by the sync worker that is pulling this integration now; other workers skip it until then. */
    syncClaimedUntil: timestamp('sync_claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Why is_active is false (the user must reconnect); null while active. */
    inactiveReason: varchar('inactive_reason', { length: 32 }),
    /** The provider's id of the user (Google healthUserId, Garmin userId): routes its notifications. */
    providerUserId: varchar('provider_user_id', { length: 128 }),
    /** The history the first sync pulls reaches back to this instant. */
    backfillFrom: timestamp('backfill_from', { withTimezone: true }),
    /** How far the backfill has come (from backfill_from towards backfill_until). */
    backfilledUntil: timestamp('backfilled_until', { withTimezone: true }),
    /** Where the backfill ends: the moment of the connection; null once it is done. */
    backfillUntil: timestamp('backfill_until', { withTimezone: true }),
    /** A notification asked for a pull: due at once, whatever the interval. */
    syncRequestedAt: timestamp('sync_requested_at', { withTimezone: true }),
    /** Not due before this instant: the provider asked to wait (429 Retry-After) or it keeps failing. */
    retryAfter: timestamp('retry_after', { withTimezone: true }),
    /** Failed passes in a row; the backoff grows with it and a successful pass resets it. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    /** The last pass's failure as a code the client can show; null after a successful pass. */
    lastErrorCode: varchar('last_error_code', { length: 32 }),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('health_integrations_user_provider_key').on(t.userId, t.provider),
    index('health_integrations_sync_idx').on(t.provider, t.isActive, t.lastSyncAt),
    index('health_integrations_provider_user_idx').on(t.provider, t.providerUserId),
    check(
      'health_integrations_provider_known',
      sql`${t.provider} IN ('apple_health','google_fit','garmin','fitbit','google_health')`,
    ),
    check(
      'health_integrations_inactive_reason_known',
      sql`${t.inactiveReason} IS NULL OR ${t.inactiveReason} IN ('provider_retired','access_revoked','deregistered','permissions_changed')`,
    ),
    check(
      'health_integrations_last_error_known',
      sql`${t.lastErrorCode} IS NULL OR ${t.lastErrorCode} IN ('rate_limited','provider_unavailable','provider_error')`,
    ),
  ],
);
export type HealthIntegrationRow = typeof healthIntegrations.$inferSelect;

/**
 * Provider tokens waiting to be revoked at the provider after a disconnect or an account
 * deletion. The integration row is gone at once; the sync worker revokes and then deletes these.
 */
export const tokenRevocations = health.table('token_revocations', {
  id: uuid('id').primaryKey().defaultRandom(),
  provider: varchar('provider', { length: 32 }).notNull(),
  accessTokenEncrypted: text('access_token_encrypted'),
  refreshTokenEncrypted: text('refresh_token_encrypted'),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type TokenRevocationRow = typeof tokenRevocations.$inferSelect;

/**
 * Wearable connections under way (startHealthIntegration -> completeHealthIntegration): the
 * OAuth state, PKCE verifier and flow binding of kit/oauth-flows.ts, for ten minutes.
 */
export const oauthFlows = oauthFlowsTable(health, 'oauth_flows');

/**
 * Provider notifications already handled (Google Health API webhooks, Garmin pings and pushes):
 * a redelivery finds its id here and changes nothing. Kept a week, longer than any retry.
 */
export const providerNotifications = health.table(
  'provider_notifications',
  {
    id: varchar('id', { length: 200 }).primaryKey(),
    provider: varchar('provider', { length: 32 }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('provider_notifications_received_idx').on(t.receivedAt)],
);

/**
 * This subgraph's copy of training.trainer_clients, which it cannot read: who coaches whom, kept
 * from training's coaching.started / coaching.ended events (subgraphs/health/coaching.ts) and checked
 * before a trainer reads a client's health summary. Ended rows stay, so a late start cannot revive them.
 */
export const coachingRelationships = relationshipCopyTable(health, 'coaching_relationships', {
  grantee: 'trainer_id',
  granteeUser: 'trainer_user_id',
  owner: 'user_id',
});

/**
 * On-device sources (HealthKit, Health Connect): which stored sample each source record id became.
 * The record id is the idempotency key of syncDeviceHealthData; it cannot be a unique key of the
 * partitioned health_metrics (whose unique keys must carry recorded_date), so it lives here, one
 * row per (user, source, record id), next to the content it was first stored with.
 */
export const deviceSamples = health.table(
  'device_samples',
  {
    userId: uuid('user_id').notNull(),
    source: varchar('source', { length: 32 }).notNull(),
    sourceRecordId: varchar('source_record_id', { length: 128 }).notNull(),
    metricId: uuid('metric_id').notNull(),
    metricType: varchar('metric_type', { length: 32 }).notNull(),
    value: numeric('value', { precision: 10, scale: 2 }).notNull(),
    recordedAt: timestamp('recorded_date', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.source, t.sourceRecordId] }),
    index('device_samples_metric_idx').on(t.metricId),
  ],
);

/**
 * Samples an on-device source deleted, by source record id. health_metrics rows stay as they are
 * (they are immutable); every reader leaves out the sample a retraction names (metric_id; null
 * when the record id was never received, which keeps it from being stored later).
 */
export const metricRetractions = health.table(
  'health_metric_retractions',
  {
    userId: uuid('user_id').notNull(),
    source: varchar('source', { length: 32 }).notNull(),
    sourceRecordId: varchar('source_record_id', { length: 128 }).notNull(),
    metricId: uuid('metric_id'),
    recordedAt: timestamp('recorded_date', { withTimezone: true }),
    retractedAt: timestamp('retracted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.source, t.sourceRecordId] }),
    index('health_metric_retractions_metric_idx').on(t.metricId),
  ],
);

/**
 * Per user and on-device source, the anchor the app last committed with syncDeviceHealthData
 * (opaque to the API); it moves in the transaction that stores the batch.
 */
export const deviceSyncState = health.table(
  'device_sync_state',
  {
    userId: uuid('user_id').notNull(),
    source: varchar('source', { length: 32 }).notNull(),
    anchor: text('anchor').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.source] })],
);
export type DeviceSyncStateRow = typeof deviceSyncState.$inferSelect;

/** A user's own order of sources for one metric type (source-priority.ts); the default without a row. */
export const sourcePriorities = health.table(
  'source_priorities',
  {
    userId: uuid('user_id').notNull(),
    metricType: varchar('metric_type', { length: 32 }).notNull(),
    sources: varchar('sources', { length: 32 }).array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.metricType] })],
);

export const outbox = outboxTable(health);
/** Which replica ran each period of the scheduled workers (kit/periodic-claims.ts). */
export const periodicRuns = periodicRunsTable(health);
export const processedEvents = processedEventsTable(health);
/** Identity's users' time zones (kit/time-zones.ts): series in local days default to them. */
export const userTimeZones = userTimeZonesTable(health);
