import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../kit/db.js';
import { byKey, groupByKey } from '../../kit/loaders.js';
import { pagesPerParent } from '../../kit/pages-per-parent.js';
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

function byIdLoader<Row extends { id: string }>(
  ctx: RequestContext,
  db: Executor,
  name: string,
  table: PgTable & { id: PgColumn },
) {
  return ctx.loaders.get<string, Row | null>(`billing.${name}`, async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length
      ? ((await db
          .select()
          .from(table as any)
          .where(inArray(table.id, valid))) as Row[])
      : [];
    return byKey(ids, rows, (row) => row.id);
  });
}

export const planById = (ctx: RequestContext, db: Executor) =>
  byIdLoader<PlanRow>(ctx, db, 'planById', subscriptionPlans);
export const subscriptionById = (ctx: RequestContext, db: Executor) =>
  byIdLoader<SubscriptionRow>(ctx, db, 'subscriptionById', subscriptions);
export const paymentById = (ctx: RequestContext, db: Executor) =>
  byIdLoader<PaymentRow>(ctx, db, 'paymentById', payments);
export const refundById = (ctx: RequestContext, db: Executor) =>
  byIdLoader<RefundRow>(ctx, db, 'refundById', refunds);

/** Each user's active subscription (at most one: a unique index allows one live subscription per user). */
export function activeSubscriptionByUser(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, SubscriptionRow | null>(
    'billing.activeSubscriptionByUser',
    async (userIds) => {
      const rows = await db
        .select()
        .from(subscriptions)
        .where(and(inArray(subscriptions.userId, [...userIds]), eq(subscriptions.status, 'active')));
      return byKey(userIds, rows, (row) => row.userId);
    },
  );
}

export function refundsByPayment(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, RefundRow[]>('billing.refundsByPayment', async (paymentIds) => {
    const rows = await db
      .select()
      .from(refunds)
      .where(inArray(refunds.paymentId, [...paymentIds]))
      .orderBy(asc(refunds.createdAt), asc(refunds.id));
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
