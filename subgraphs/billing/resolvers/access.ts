import { isOwnerOrAdmin } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { BillingDeps } from '../deps.js';
import { paymentById, subscriptionById } from '../loaders.js';
import type { PaymentRow, RefundRow, SubscriptionRow } from '../tables.js';

/** Billing records are the subscriber's and admins'; everyone else gets null. */
export async function visibleSubscription(
  _deps: BillingDeps,
  ctx: RequestContext,
  row: SubscriptionRow | null,
): Promise<SubscriptionRow | null> {
  return row && isOwnerOrAdmin(ctx, row.userId) ? row : null;
}

export async function visiblePayment(
  deps: BillingDeps,
  ctx: RequestContext,
  row: PaymentRow | null,
): Promise<PaymentRow | null> {
  if (!row || !ctx.viewer) return null;
  const subscription = await subscriptionById(ctx, deps.database.db).load(row.subscriptionId);
  return subscription && isOwnerOrAdmin(ctx, subscription.userId) ? row : null;
}

export async function visibleRefund(
  deps: BillingDeps,
  ctx: RequestContext,
  row: RefundRow | null,
): Promise<RefundRow | null> {
  if (!row || !ctx.viewer) return null;
  const payment = await visiblePayment(
    deps,
    ctx,
    await paymentById(ctx, deps.database.db).load(row.paymentId),
  );
  return payment ? row : null;
}
