import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
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
import { relationshipCopyTable } from '../../kit/relationships.js';
import type { NextAction } from './next-action.js';

export const billing = pgSchema('billing');

export const BILLING_PERIODS = ['monthly', 'quarterly', 'annual'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];
/**
 * The seed's statuses plus `pending` (a paid plan waiting for its first payment): the seed's
 * flow "becomes active when the payment succeeds" needs a state before that.
 */
export const SUBSCRIPTION_STATUSES = ['pending', 'active', 'canceled', 'expired'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export const PAYMENT_STATUSES = ['pending', 'completed', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/**
 * The seed's gateways plus `test`: the in-process development gateway (test-gateway.ts), never
 * enabled in production.
 */
export const PAYMENT_GATEWAYS = ['stripe', 'yandex_kassa', 'sberbank', 'webmoney', 'test'] as const;
export type PaymentGatewayName = (typeof PAYMENT_GATEWAYS)[number];
/** `manual`: the gateway has no refund call (WebMoney); an admin returns the money by hand. */
export const REFUND_STATUSES = ['pending', 'succeeded', 'failed', 'manual'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** subscription_plans as the seed has it, plus the plan's currency (payments need one). */
export const subscriptionPlans = billing.table(
  'subscription_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    description: text('description'),
    priceCents: integer('price_cents').notNull(),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    billingPeriod: varchar('billing_period', { length: 16 }).$type<BillingPeriod>().notNull(),
    trialPeriodDays: integer('trial_period_days').notNull().default(0),
    features: jsonb('features').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    maxCourses: integer('max_courses'),
    maxTrainers: integer('max_trainers'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('subscription_plans_billing_period_check', sql`${t.billingPeriod} IN (${inList(BILLING_PERIODS)})`),
    check('subscription_plans_trial_period_days_check', sql`${t.trialPeriodDays} BETWEEN 0 AND 90`),
    check('subscription_plans_price_cents_check', sql`${t.priceCents} > 0`),
    check('subscription_plans_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('subscription_plans_features_array', sql`jsonb_typeof(${t.features}) = 'array'`),
    check('subscription_plans_max_courses_check', sql`${t.maxCourses} IS NULL OR ${t.maxCourses} >= 0`),
    check('subscription_plans_max_trainers_check', sql`${t.maxTrainers} IS NULL OR ${t.maxTrainers} >= 0`),
  ],
);
export type PlanRow = typeof subscriptionPlans.$inferSelect;

/** subscriptions as the seed has it plus the method renewals charge; user_id's foreign key to identity's users is in a SQL migration. */
export const subscriptions = billing.table(
  'subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => subscriptionPlans.id, { onDelete: 'restrict' }),
    status: varchar('status', { length: 16 }).$type<SubscriptionStatus>().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    // The end of the current period (exclusive): access lasts until this date.
    endDate: date('end_date', { mode: 'string' }),
    // When the next charge is due; null when nothing will be charged again.
    renewalDate: date('renewal_date', { mode: 'string' }),
    autoRenewal: boolean('auto_renewal').notNull().default(true),
    // Where renewals are charged: the gateway and its saved payment method (never card data).
    paymentGateway: varchar('payment_gateway', { length: 16 }).$type<PaymentGatewayName>().notNull(),
    paymentMethod: varchar('payment_method', { length: 255 }).notNull(),
    // The gateway's customer the method is saved on (Stripe cus_...), needed to charge renewals off-session.
    gatewayCustomerId: varchar('gateway_customer_id', { length: 255 }),
    isTrial: boolean('is_trial').notNull().default(false),
    trialEndDate: date('trial_end_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
  },
  (t) => [
    index('subscriptions_user_id_status_idx').on(t.userId, t.status),
    index('subscriptions_renewal_date_idx').on(t.renewalDate),
    index('subscriptions_created_at_idx').on(t.createdAt.desc()),
    check('subscriptions_status_check', sql`${t.status} IN (${inList(SUBSCRIPTION_STATUSES)})`),
    check('subscriptions_trial_end_check', sql`NOT ${t.isTrial} OR ${t.trialEndDate} IS NOT NULL`),
    check('subscriptions_payment_gateway_check', sql`${t.paymentGateway} IN (${inList(PAYMENT_GATEWAYS)})`),
    check('subscriptions_dates_check', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);
export type SubscriptionRow = typeof subscriptions.$inferSelect;

/**
 * payments as the seed has it, plus the period a payment pays for (so a renewal is charged once
 * per period) and the gateway's reference to the saved payment method (never card data).
 */
export const payments = billing.table(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    amountCents: integer('amount_cents').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: varchar('status', { length: 16 }).$type<PaymentStatus>().notNull(),
    // The gateway's id of the saved method (pm_..., a YooKassa payment_method_id).
    paymentMethod: varchar('payment_method', { length: 255 }),
    paymentGateway: varchar('payment_gateway', { length: 16 }).$type<PaymentGatewayName>().notNull(),
    paymentIntentId: varchar('payment_intent_id', { length: 255 }),
    cardLast4: varchar('card_last_4', { length: 4 }),
    idempotencyKey: varchar('idempotency_key', { length: 255 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    payerName: varchar('payer_name', { length: 255 }),
    payerCountry: varchar('payer_country', { length: 2 }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    failureReason: varchar('failure_reason', { length: 255 }),
    // What the payer must do before the gateway settles a pending payment (3-D Secure, a bank's
    // page); null once settled or when nothing is asked (gateways.ts, NextAction).
    nextAction: jsonb('next_action').$type<NextAction>(),
  },
  (t) => [
    uniqueIndex('payments_idempotency_key_key').on(t.idempotencyKey),
    uniqueIndex('payments_gateway_intent_key').on(t.paymentGateway, t.paymentIntentId),
    index('payments_subscription_id_status_idx').on(t.subscriptionId, t.status),
    index('payments_payment_gateway_idx').on(t.paymentGateway),
    index('payments_created_at_idx').on(t.createdAt.desc()),
    check('payments_amount_cents_check', sql`${t.amountCents} > 0`),
    check('payments_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('payments_status_check', sql`${t.status} IN (${inList(PAYMENT_STATUSES)})`),
    check('payments_payment_gateway_check', sql`${t.paymentGateway} IN (${inList(PAYMENT_GATEWAYS)})`),
    check('payments_card_last_4_check', sql`${t.cardLast4} IS NULL OR ${t.cardLast4} ~ '^[0-9]{4}$'`),
    check('payments_payer_country_check', sql`${t.payerCountry} IS NULL OR ${t.payerCountry} ~ '^[A-Z]{2}$'`),
  ],
);
export type PaymentRow = typeof payments.$inferSelect;

/** refunds as the seed has it, plus the gateway's refund id. */
export const refunds = billing.table(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    amountCents: integer('amount_cents').notNull(),
    reason: varchar('reason', { length: 500 }),
    status: varchar('status', { length: 16 }).$type<RefundStatus>().notNull(),
    gatewayRefundId: varchar('gateway_refund_id', { length: 255 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    index('refunds_payment_id_idx').on(t.paymentId),
    uniqueIndex('refunds_gateway_refund_id_key').on(t.gatewayRefundId),
    check('refunds_amount_cents_check', sql`${t.amountCents} > 0`),
    check('refunds_status_check', sql`${t.status} IN (${inList(REFUND_STATUSES)})`),
  ],
);
export type RefundRow = typeof refunds.$inferSelect;

/** Gateway webhook events already applied: a replayed delivery changes nothing. */
export const webhookEvents = billing.table(
  'webhook_events',
  {
    gateway: varchar('gateway', { length: 16 }).$type<PaymentGatewayName>().notNull(),
    eventId: varchar('event_id', { length: 255 }).notNull(),
    type: varchar('type', { length: 100 }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.gateway, t.eventId] })],
);

/**
 * This subgraph's copy of training.trainer_clients, which it cannot read: who coaches whom, kept
 * from training's coaching.started / coaching.ended events (subgraphs/billing/coaching.ts) and checked
 * before a trainer reads a client's plan. Ended rows stay, so a late start cannot revive them.
 */
export const coachingRelationships = relationshipCopyTable(billing, 'coaching_relationships', {
  grantee: 'trainer_id',
  granteeUser: 'trainer_user_id',
  owner: 'user_id',
});

export const outbox = outboxTable(billing);
/** Which replica ran each period of the scheduled workers (kit/periodic-claims.ts). */
export const periodicRuns = periodicRunsTable(billing);
export const processedEvents = processedEventsTable(billing);
