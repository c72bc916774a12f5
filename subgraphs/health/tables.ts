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
  },
  (t) => [
    uniqueIndex('health_integrations_user_provider_key').on(t.userId, t.provider),
    index('health_integrations_sync_idx').on(t.provider, t.isActive, t.lastSyncAt),
    check(
      'health_integrations_provider_known',
      sql`${t.provider} IN ('apple_health','google_fit','garmin','fitbit')`,
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
 * This subgraph's copy of training.trainer_clients, which it cannot read: who coaches whom, kept
 * from training's coaching.started / coaching.ended events (subgraphs/health/coaching.ts) and checked
 * before a trainer reads a client's health summary. Ended rows stay, so a late start cannot revive them.
 */
export const coachingRelationships = relationshipCopyTable(health, 'coaching_relationships', {
  grantee: 'trainer_id',
  granteeUser: 'trainer_user_id',
  owner: 'user_id',
});

export const outbox = outboxTable(health);
export const processedEvents = processedEventsTable(health);
/** Identity's users' time zones (kit/time-zones.ts): series in local days default to them. */
export const userTimeZones = userTimeZonesTable(health);
