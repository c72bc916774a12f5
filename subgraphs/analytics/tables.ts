import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  inet,
  integer,
  jsonb,
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
import { rateLimitTable } from '../../kit/rate-limit.js';

export const analytics = pgSchema('analytics');

/**
 * analytics_events as the seed has it. Partitioned by month on created_at (the migration adds
 * PARTITION BY, the monthly partitions, the default partition and the append-only trigger), so the
 * primary key carries the partition key. user_id is a foreign key to the users of identity (in SQL).
 * anonymous_id is set only when the user is deleted: a random id per deleted user that keeps
 * distinct-user aggregates (active users, retention) exact without pointing at a person.
 */
export const analyticsEvents = analytics.table(
  'analytics_events',
  {
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id'),
    anonymousId: uuid('anonymous_id'),
    eventType: varchar('event_type', { length: 64 }).notNull(),
    eventData: jsonb('event_data').$type<Record<string, unknown>>().notNull().default({}),
    source: varchar('source', { length: 16 }).notNull(),
    deviceInfo: jsonb('device_info').$type<Record<string, unknown>>(),
    // Stored as the network only (/24 or /48); the CHECK refuses anything else.
    ipAddress: inet('ip_address'),
    clientEventId: uuid('client_event_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'analytics_events_pkey', columns: [t.id, t.createdAt] }),
    index('analytics_events_user_type_created_idx').on(t.userId, t.eventType, t.createdAt),
    index('analytics_events_event_type_idx').on(t.eventType),
    index('analytics_events_created_at_idx').on(t.createdAt),
    check('analytics_events_source_known', sql`${t.source} IN ('web', 'ios', 'android', 'server')`),
    check(
      'analytics_events_ip_anonymized',
      sql`${t.ipAddress} IS NULL OR (${t.ipAddress} = network(${t.ipAddress}) AND masklen(${t.ipAddress}) = CASE family(${t.ipAddress}) WHEN 4 THEN 24 ELSE 48 END)`,
    ),
    check('analytics_events_event_type_format', sql`${t.eventType} ~ '^[a-z][a-z0-9_]{0,63}$'`),
  ],
);
export type AnalyticsEventRow = typeof analyticsEvents.$inferSelect;

/**
 * Client event ids already stored, so a retried batch is stored once. A unique index on the
 * partitioned table would have to include created_at, which a retry does not repeat.
 */
export const ingestedClientEvents = analytics.table(
  'ingested_client_events',
  {
    // The user's id, or 'anonymous' for events sent without a session.
    scope: text('scope').notNull(),
    clientEventId: uuid('client_event_id').notNull(),
    eventId: uuid('event_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.clientEventId] }),
    index('ingested_client_events_received_at_idx').on(t.receivedAt),
  ],
);

/** cohorts as the seed has it, plus computed_at (when membership and user_count were last computed). */
export const cohorts = analytics.table(
  'cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    definitionJson: jsonb('definition_json').$type<Record<string, unknown>>().notNull(),
    userCount: integer('user_count').notNull().default(0),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cohorts_name_lower_key').on(sql`lower(${t.name})`),
    check('cohorts_user_count_nonnegative', sql`${t.userCount} >= 0`),
  ],
);
export type CohortRow = typeof cohorts.$inferSelect;

/** Who is in a cohort as of its computed_at. user_id is a foreign key to the users of identity (in SQL). */
export const cohortMemberships = analytics.table(
  'cohort_memberships',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.userId] }),
    index('cohort_memberships_user_id_idx').on(t.userId),
  ],
);

/**
 * The user properties cohort rules ask about, kept from identity's events (user.signed_up,
 * user.profile_updated) and dropped on user.deleted.
 */
export const userProfiles = analytics.table(
  'user_profiles',
  {
    userId: uuid('user_id').primaryKey(),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull(),
    dateOfBirth: date('date_of_birth'),
    gender: varchar('gender', { length: 32 }),
    countryCode: varchar('country_code', { length: 2 }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('user_profiles_signed_up_at_idx').on(t.signedUpAt),
    index('user_profiles_country_code_idx').on(t.countryCode),
    check('user_profiles_country_code_iso', sql`${t.countryCode} IS NULL OR ${t.countryCode} ~ '^[A-Z]{2}$'`),
  ],
);
export type UserProfileRow = typeof userProfiles.$inferSelect;

/**
 * Users whose user.deleted was applied, so a server-side event about them that arrives late (a
 * slow consumer elsewhere, a redelivery) is stored without their id instead of re-identifying them.
 */
export const deletedUsers = analytics.table('deleted_users', {
  userId: uuid('user_id').primaryKey(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull(),
});

export const outbox = outboxTable(analytics);
/** Which replica ran each period of the scheduled workers (kit/periodic-claims.ts). */
export const periodicRuns = periodicRunsTable(analytics);
export const processedEvents = processedEventsTable(analytics);
export const rateLimits = rateLimitTable(analytics);
