import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  date,
  index,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { outboxTable, processedEventsTable } from '../../kit/events/outbox.js';
import { periodicRunsTable } from '../../kit/periodic-claims.js';
import { rateLimitTable } from '../../kit/rate-limit.js';

export const identity = pgSchema('identity');

/**
 * users as the data model has it, plus roles (user, admin: what the gateway signs into the viewer,
 * as USER, ADMIN) and country_code (the model's index list names it; its column list lacks it),
 * an upper-case ISO 3166-1 alpha-2 code as payments.payer_country has it.
 */
export const users = identity.table(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored lower-cased; uniqueness is case-insensitive by construction.
    email: varchar('email', { length: 320 }).notNull(),
    username: varchar('username', { length: 64 }).notNull(),
    // Null for accounts that only sign in through an OAuth provider.
    passwordHash: varchar('password_hash', { length: 255 }),
    firstName: varchar('first_name', { length: 100 }),
    lastName: varchar('last_name', { length: 100 }),
    dateOfBirth: date('date_of_birth'),
    gender: varchar('gender', { length: 32 }),
    countryCode: varchar('country_code', { length: 2 }),
    // IANA, as Intl canonicalizes it; the user's days (habits, streaks, health days) follow it.
    timeZone: varchar('time_zone', { length: 64 }).notNull().default('UTC'),
    emailVerified: boolean('email_verified').notNull().default(false),
    twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    roles: text('roles').array().notNull().default(sql`'{user}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_username_lower_key').on(sql`lower(${t.username})`),
    index('users_country_code_idx').on(t.countryCode),
    index('users_created_at_idx').on(t.createdAt),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_roles_known', sql`${t.roles} <@ ARRAY['user','admin']::text[]`),
    check('users_country_code_iso', sql`${t.countryCode} IS NULL OR ${t.countryCode} ~ '^[A-Z]{2}$'`),
  ],
);
export type UserRow = typeof users.$inferSelect;

/** Sessions by the SHA-256 of their token: a leaked table gives no usable token. */
export const sessions = identity.table(
  'sessions',
  {
    id: char('id', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);
export type SessionRow = typeof sessions.$inferSelect;

export const outbox = outboxTable(identity);
/** Which replica ran each period of the scheduled workers (kit/periodic-claims.ts). */
export const periodicRuns = periodicRunsTable(identity);
export const processedEvents = processedEventsTable(identity);
export const rateLimits = rateLimitTable(identity);

/** The seed's user_oauth_connections: one connection per provider per user; tokens only encrypted. */
export const userOauthConnections = identity.table(
  'user_oauth_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: varchar('provider', { length: 16 }).notNull(),
    providerUserId: varchar('provider_user_id', { length: 255 }).notNull(),
    emailFromProvider: varchar('email_from_provider', { length: 320 }),
    // The provider asserted it verified emailFromProvider (Google, Apple). Only such a link, for
    // the account's own address, outlives the owner proving that address (address-proof.ts).
    emailVerified: boolean('email_verified').notNull().default(false),
    // SecretBox output: "<keyId>.<iv>.<tag>.<ciphertext>", so keys can rotate.
    accessTokenEncrypted: varchar('access_token_encrypted', { length: 8192 }),
    refreshTokenEncrypted: varchar('refresh_token_encrypted', { length: 8192 }),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('user_oauth_connections_user_provider_key').on(t.userId, t.provider),
    // One provider account signs in to exactly one user.
    uniqueIndex('user_oauth_connections_provider_subject_key').on(t.provider, t.providerUserId),
    check('user_oauth_connections_provider_known', sql`${t.provider} in ('google','apple','yandex','vk')`),
  ],
);
export type OAuthConnectionRow = typeof userOauthConnections.$inferSelect;

/**
 * Short-lived, single-use secrets: OAuth state (+ PKCE verifier), pending two-factor sign-ins,
 * email verification and password reset tokens. Only the SHA-256 of the token is the key, so a
 * leaked table redeems nothing; redemption is DELETE ... RETURNING, so a token works once.
 */
export const oneTimeTokens = identity.table(
  'one_time_tokens',
  {
    id: char('id', { length: 64 }).primaryKey(),
    purpose: varchar('purpose', { length: 32 }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    // Purpose-specific data; secrets inside (a PKCE verifier) are SecretBox-encrypted.
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('one_time_tokens_user_purpose_idx').on(t.userId, t.purpose),
    index('one_time_tokens_expires_at_idx').on(t.expiresAt),
    check(
      'one_time_tokens_purpose_known',
      sql`${t.purpose} in ('oauth_state','two_factor','email_verification','password_reset')`,
    ),
  ],
);
export type OneTimeTokenRow = typeof oneTimeTokens.$inferSelect;

/** A user's TOTP secret (encrypted) and the last time step used, so a code works once. */
export const twoFactorCredentials = identity.table('two_factor_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEncrypted: varchar('secret_encrypted', { length: 512 }).notNull(),
  // Null until the user confirmed enrollment with a first code.
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type TwoFactorCredentialRow = typeof twoFactorCredentials.$inferSelect;

/** One-time recovery codes, stored as SHA-256 (they are random, 50+ bits; no slow hash needed). */
export const recoveryCodes = identity.table(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: char('code_hash', { length: 64 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recovery_codes_user_code_key').on(t.userId, t.codeHash)],
);

/** Where mail goes when no SMTP server is configured: developers and tests read it here. */
export const devMailbox = identity.table(
  'dev_mailbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: varchar('to', { length: 320 }).notNull(),
    subject: varchar('subject', { length: 255 }).notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dev_mailbox_to_idx').on(t.to, t.createdAt)],
);

/** Admin actions on accounts, kept beside the log line so an audit survives log rotation. */
export const auditLog = identity.table(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // No foreign keys: the trail outlives both accounts.
    actorId: uuid('actor_id').notNull(),
    action: varchar('action', { length: 64 }).notNull(),
    targetId: uuid('target_id').notNull(),
    reason: varchar('reason', { length: 500 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_target_idx').on(t.targetId, t.createdAt)],
);

/**
 * Password reset requests waiting for the reset mailer. The request itself only adds a row here,
 * whether or not the address has an account, so its answer and its timing are the same for every
 * address; the mailer looks the account up, issues the token and sends the mail afterwards.
 */
export const passwordResetRequests = identity.table('password_reset_requests', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  email: varchar('email', { length: 320 }).notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
});
