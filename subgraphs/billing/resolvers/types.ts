import { requireFieldAccess } from '../../../kit/authz.js';
import { fromStored } from '../../../kit/stored-enums.js';
import { pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { visiblePayment, visibleRefund, visibleSubscription } from '../access.js';
import type { BillingDeps } from '../deps.js';
import type {
  PaymentNextActionResolvers,
  PaymentResolvers,
  RefundResolvers,
  SubscriptionPlanResolvers,
  UserSubscriptionResolvers,
} from '../generated/resolvers-types.js';
import {
  paymentById,
  paymentsBySubscription,
  planById,
  refundById,
  refundsByPayment,
  subscriptionById,
} from '../loaders.js';
import { refundedCentsOf } from '../refunds.js';
import type { NextAction } from '../gateways.js';
import type { PaymentRow, PlanRow, RefundRow, SubscriptionRow } from '../tables.js';

// The SDL spells enum values in upper case, the database in lower case (kit/stored-enums.ts).
const upper = (value: string) => fromStored<never>(value);

export function subscriptionPlanResolvers(
  deps: BillingDeps,
): SubscriptionPlanResolvers<RequestContext, PlanRow> {
  return {
    __resolveReference: (reference, ctx) => planById(ctx, deps.database.db).load(reference.id),
    billingPeriod: (plan) => upper(plan.billingPeriod),
    features: (plan) => plan.features,
  };
}

export function userSubscriptionResolvers(
  deps: BillingDeps,
): UserSubscriptionResolvers<RequestContext, SubscriptionRow> {
  const db = deps.database.db;
  return {
    __resolveReference: async (reference, ctx) =>
      visibleSubscription(deps, ctx, await subscriptionById(ctx, db).load(reference.id)),
    user: (subscription) => ({ id: subscription.userId }),
    plan: async (subscription, _args, ctx) => (await planById(ctx, db).load(subscription.planId))!,
    status: (subscription) => upper(subscription.status),
    paymentGateway: (subscription) => upper(subscription.paymentGateway),
    // A subscription is reachable only by who may see it; were it reached otherwise, the refusal
    // nulls it (this field is non-null), which is still better than a made-up empty page.
    payments: async (subscription, args, ctx) => {
      requireFieldAccess(
        ctx,
        (await visibleSubscription(deps, ctx, subscription)) !== null,
        'Only the subscriber and admins see its payments.',
      );
      return paymentsBySubscription(ctx, db).load({
        parent: subscription.id,
        limit: pageSize(args.first),
        after: args.after ?? null,
      });
    },
  };
}

export function paymentResolvers(deps: BillingDeps): PaymentResolvers<RequestContext, PaymentRow> {
  const db = deps.database.db;
  return {
    __resolveReference: async (reference, ctx) =>
      visiblePayment(deps, ctx, await paymentById(ctx, db).load(reference.id)),
    subscription: async (payment, _args, ctx) =>
      (await subscriptionById(ctx, db).load(payment.subscriptionId))!,
    status: (payment) => upper(payment.status),
    paymentGateway: (payment) => upper(payment.paymentGateway),
    nextAction: (payment) => (payment.status === 'pending' ? payment.nextAction : null),
    refunds: (payment, _args, ctx) => refundsByPayment(ctx, db).load(payment.id),
    refundedCents: async (payment, _args, ctx) =>
      refundedCentsOf(await refundsByPayment(ctx, db).load(payment.id)),
  };
}

export function refundResolvers(deps: BillingDeps): RefundResolvers<RequestContext, RefundRow> {
  const db = deps.database.db;
  return {
    __resolveReference: async (reference, ctx) =>
      visibleRefund(deps, ctx, await refundById(ctx, db).load(reference.id)),
    payment: async (refund, _args, ctx) => (await paymentById(ctx, db).load(refund.paymentId))!,
    status: (refund) => upper(refund.status),
  };
}

/** The gateway's NextAction as the SDL spells it. */
export function paymentNextActionResolvers(): PaymentNextActionResolvers<RequestContext, NextAction> {
  return {
    type: (action) =>
      upper(
        action.type === 'client_secret'
          ? 'CLIENT_SECRET'
          : action.type === 'redirect'
            ? 'REDIRECT'
            : 'CONFIRM_TEST_PAYMENT',
      ),
    clientSecret: (action) => (action.type === 'client_secret' ? action.clientSecret : null),
    redirectUrl: (action) => (action.type === 'redirect' ? action.url : null),
  };
}
