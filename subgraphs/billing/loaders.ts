import { and, asc, desc, eq, getTableColumns, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../kit/db.js';
import { byKey, compositeKey, groupByKey } from '../../kit/loaders.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../kit/pagination.js';
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

/**
 * A page of a parent's children, newest first, for many parents in one query: the rows are
 * numbered per parent (row_number() over the parent) and each parent keeps limit + 1.
 */
function pagedChildren<Row extends { id: string; createdAt: Date }>(
  ctx: RequestContext,
  db: Executor,
  name: string,
  table: PgTable & { id: PgColumn; createdAt: PgColumn },
  parent: PgColumn,
  parentOf: (row: Row) => string,
  args: { first?: number | null; after?: string | null },
) {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
  const key = compositeKey({ limit, after: args.after ?? null });
  return ctx.loaders.get<string, Page<Row>>(`billing.${name}:${key}`, async (parentIds) => {
    const conditions: SQL[] = [inArray(parent, [...parentIds])];
    if (cursor) {
      conditions.push(
        sql`(${table.createdAt}, ${table.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`,
      );
    }
    const rn =
      sql<number>`row_number() over (partition by ${parent} order by ${table.createdAt} desc, ${table.id} desc)`.as(
        'rn',
      );
    const ranked = db
      .select({ ...getTableColumns(table as any), rn })
      .from(table as any)
      .where(and(...conditions))
      .as('ranked');
    const rows = (await db
      .select()
      .from(ranked)
      .where(lte((ranked as any).rn, limit + 1))
      .orderBy(desc((ranked as any).createdAt), desc((ranked as any).id))) as unknown as Row[];
    return groupByKey(parentIds, rows, parentOf).map((list) =>
      toPage(list, limit, (row) => [new Date(row.createdAt).toISOString(), row.id]),
    );
  });
}

export const subscriptionsByUser = (
  ctx: RequestContext,
  db: Executor,
  args: { first?: number | null; after?: string | null },
) =>
  pagedChildren<SubscriptionRow>(
    ctx,
    db,
    'subscriptionsByUser',
    subscriptions,
    subscriptions.userId,
    (r) => r.userId,
    args,
  );

export const paymentsBySubscription = (
  ctx: RequestContext,
  db: Executor,
  args: { first?: number | null; after?: string | null },
) =>
  pagedChildren<PaymentRow>(
    ctx,
    db,
    'paymentsBySubscription',
    payments,
    payments.subscriptionId,
    (r) => r.subscriptionId,
    args,
  );
