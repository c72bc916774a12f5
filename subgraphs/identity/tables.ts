import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { outboxTable, processedEventsTable } from '../../kit/events/outbox.js';

export const identity = pgSchema('identity');

/** users as the seed has it, plus roles and country_code (DESIGN.md). */
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
    countryCode: char('country_code', { length: 2 }),
    emailVerified: boolean('email_verified').notNull().default(false),
    twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    roles: text('roles').array().notNull().default(sql`'{USER}'::text[]`),
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
    check('users_roles_known', sql`${t.roles} <@ ARRAY['USER','ADMIN']::text[]`),
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
export const processedEvents = processedEventsTable(identity);
