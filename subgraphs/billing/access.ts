import { isOwnerOrAdmin } from '../../kit/authz.js';
import type { RequestContext } from '../../kit/subgraph.js';
import type { BillingDeps } from './deps.js';
import { activeSubscriptionByUser, paymentById, planById, subscriptionById } from './loaders.js';
import { grantsAccess, toDateString } from './lifecycle.js';
import type { PaymentRow, PlanRow, RefundRow, SubscriptionRow } from './tables.js';

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

/** Who reads a user's billing fields (subscriptions, entitlements): the user and admins. */
export const readsBillingOf = (ctx: RequestContext, userId: string) => isOwnerOrAdmin(ctx, userId);

/**
 * The user's subscription that gives access today (grace days included), or null: what
 * User.activeSubscription, User.entitlements and TrainerClient.activePlan answer from.
 */
export async function accessGrantingSubscription(
  deps: BillingDeps,
  ctx: RequestContext,
  userId: string,
): Promise<SubscriptionRow | null> {
  const row = await activeSubscriptionByUser(ctx, deps.database.db).load(userId);
  return row && grantsAccess(row, toDateString(deps.clock.now()), deps.graceDays) ? row : null;
}

/** The plan of that subscription, or null without one. */
export async function accessGrantingPlan(
  deps: BillingDeps,
  ctx: RequestContext,
  userId: string,
): Promise<PlanRow | null> {
  const subscription = await accessGrantingSubscription(deps, ctx, userId);
  return subscription ? planById(ctx, deps.database.db).load(subscription.planId) : null;
}

/** The features the user is entitled to now, sorted; empty without an access-granting subscription. */
export async function entitlementsOf(deps: BillingDeps, ctx: RequestContext, userId: string) {
  const plan = await accessGrantingPlan(deps, ctx, userId);
  return plan ? [...plan.features].sort() : [];
}
