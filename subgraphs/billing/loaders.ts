import { and, asc, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../kit/db.js';
import { byKey, groupByKey } from '../../kit/loaders.js';
import { pagesPerParent } from '../../kit/pages-per-parent.js';
import { anyOf, preparedQuery, rowsByKeys } from '../../kit/prepared.js';
import type { RequestContext } from '../../kit/subgraph.js';
import {
  type PaymentRow,
  payments,
  type PlanRow,
  type RefundRow,
  refunds,
  type SubscriptionRow,
  subscriptionPlans,
  subscriptions,
} from './tables.js';
import { isUuid } from '../../kit/ids.js';

/** A by-id loader over a table whose ids are uuids: an id that is none matches nothing. */
function byIdLoader<Row extends { id: string }>(name: string, table: PgTable & { id: PgColumn }) {
  const rowsOf = rowsByKeys<Row>({ name: `billing.${name}`, table, key: table.id });
  return (ctx: RequestContext, db: Executor) =>
    ctx.loaders.get<string, Row | null>(`billing.${name}`, async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await rowsOf(db, valid) : [];
      return byKey(ids, rows, (row) => row.id);
    });
}

export const planById = byIdLoader<PlanRow>('planById', subscriptionPlans);
export const subscriptionById = byIdLoader<SubscriptionRow>('subscriptionById', subscriptions);
export const paymentById = byIdLoader<PaymentRow>('paymentById', payments);
export const refundById = byIdLoader<RefundRow>('refundById', refunds);

/**
 * Each user's active subscription with its plan, in one statement: whoever reads a subscription
 * (activeSubscription, entitlements, a trainer's view of a client's plan) nearly always reads its
 * plan next, which was a second statement after the first came back.
 */
function activeSubscriptionsWithPlans(
  db: Executor,
  userIds: readonly string[],
): Promise<{ subscription: SubscriptionRow; plan: PlanRow | null }[]> {
  return preparedQuery<{ subscription: SubscriptionRow; plan: PlanRow | null }>(
    db,
    'billing.activeSubscriptionByUser',
    (on) =>
      on
        .select({ subscription: subscriptions, plan: subscriptionPlans })
        .from(subscriptions)
        .leftJoin(subscriptionPlans, eq(subscriptionPlans.id, subscriptions.planId))
        .where(and(anyOf(subscriptions.userId), eq(subscriptions.status, 'active'))),
  ).execute({ keys: [...userIds] });
}

/**
 * Each user's active subscription (at most one: a unique index allows one live subscription per
 * user); the plans read with them answer the request's planById.
 */
export function activeSubscriptionByUser(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, SubscriptionRow | null>(
    'billing.activeSubscriptionByUser',
    async (userIds) => {
      const rows = await activeSubscriptionsWithPlans(db, userIds);
      const plans = planById(ctx, db);
      for (const { plan } of rows) if (plan) plans.prime(plan.id, plan);
      return byKey(
        userIds,
        rows.map((row) => row.subscription),
        (row) => row.userId,
      );
    },
  );
}

const refundsOfPayments = rowsByKeys<RefundRow>({
  name: 'billing.refundsByPayment',
  table: refunds,
  key: refunds.paymentId,
  orderBy: [asc(refunds.createdAt), asc(refunds.id)],
});

export function refundsByPayment(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, RefundRow[]>('billing.refundsByPayment', async (paymentIds) => {
    const rows = await refundsOfPayments(db, paymentIds);
    return groupByKey(paymentIds, rows, (row) => row.paymentId);
  });
}

/** Each user's subscriptions, newest first, a page per user. */
export const subscriptionsByUser = (ctx: RequestContext, db: Executor) =>
  pagesPerParent<SubscriptionRow>(ctx, db, {
    name: 'billing.subscriptionsByUser',
    table: subscriptions,
    parent: subscriptions.userId,
    orderBy: [subscriptions.createdAt, subscriptions.id],
    direction: 'desc',
  });

/** Each subscription's payments, newest first, a page per subscription. */
export const paymentsBySubscription = (ctx: RequestContext, db: Executor) =>
  pagesPerParent<PaymentRow>(ctx, db, {
    name: 'billing.paymentsBySubscription',
    table: payments,
    parent: payments.subscriptionId,
    orderBy: [payments.createdAt, payments.id],
    direction: 'desc',
  });
