import { fromStored, toStored } from '../../../kit/stored-enums.js';
import { requireAdmin, requireViewer } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { BillingDeps } from '../deps.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { confirmTestPayment } from '../confirmations.js';
import { createPlan, updatePlan } from '../plans.js';
import { refundPayment } from '../refunds.js';
import { cancelSubscription, setAutoRenewal, subscribe } from '../subscriptions.js';
import type { BillingPeriod, PaymentGatewayName } from '../tables.js';

const lower = <T extends string>(value: string) => toStored(value) as T;
const upper = (value: string) => fromStored<never>(value);

export function mutationResolvers(deps: BillingDeps): MutationResolvers<RequestContext> {
  return {
    subscribe: async (_parent, { planId, paymentMethod, idempotencyKey }, ctx) => {
      const viewer = requireViewer(ctx);
      const outcome = await subscribe(deps, viewer.userId, {
        planId,
        gateway: lower<PaymentGatewayName>(paymentMethod.gateway),
        paymentMethod: paymentMethod.token,
        idempotencyKey,
      });
      switch (outcome.kind) {
        case 'started':
          return {
            __typename: 'SubscriptionStarted',
            subscription: outcome.subscription,
            payment: outcome.payment,
          };
        case 'actionRequired':
          return {
            __typename: 'PaymentActionRequired',
            message: 'The payment needs a confirmation step by the payer; see nextAction.',
            subscription: outcome.subscription,
            payment: outcome.payment,
            nextAction: outcome.nextAction,
          };
        case 'currencyNotSupported':
          return {
            __typename: 'CurrencyNotSupported',
            message: `${outcome.gateway.toUpperCase()} does not take payments in ${outcome.currency}.`,
            gateway: upper(outcome.gateway),
            currency: outcome.currency,
            supportedCurrencies: outcome.supported,
          };
        case 'declined':
          return {
            __typename: 'PaymentDeclined',
            message: `The payment was declined${outcome.payment.failureReason ? `: ${outcome.payment.failureReason}` : ''}.`,
            payment: outcome.payment,
          };
        case 'alreadySubscribed':
          return {
            __typename: 'AlreadySubscribed',
            message: 'You already have a subscription; cancel it or let it end first.',
            subscription: outcome.subscription,
          };
        case 'planUnavailable':
          return {
            __typename: 'PlanUnavailable',
            message: 'This plan does not exist or is closed to new subscriptions.',
          };
      }
    },

    confirmTestPayment: (_parent, { paymentId, succeed }, ctx) =>
      confirmTestPayment(deps, requireViewer(ctx), paymentId, succeed ?? true),

    cancelSubscription: (_parent, { id, atPeriodEnd }, ctx) =>
      cancelSubscription(deps, requireViewer(ctx), id, atPeriodEnd ?? true),

    setAutoRenewal: (_parent, { id, enabled }, ctx) => setAutoRenewal(deps, requireViewer(ctx), id, enabled),

    refundPayment: async (_parent, { paymentId, amountCents, reason }, ctx) => {
      requireAdmin(ctx);
      const result = await refundPayment(deps, { paymentId, amountCents, reason: reason ?? null });
      if (result.kind === 'exceeds') {
        return {
          __typename: 'RefundExceedsPayment',
          message: `At most ${result.refundableCents} cents of this payment can still be refunded.`,
          refundableCents: result.refundableCents,
        };
      }
      if (result.kind === 'manual') {
        return {
          __typename: 'RefundRecordedAsManual',
          message: `${result.payment.paymentGateway.toUpperCase()} has no refund call: return ${result.refund.amountCents} cents (${result.payment.currency}) to the payer by hand.`,
          refund: result.refund,
          payment: result.payment,
        };
      }
      return { __typename: 'RefundIssued', refund: result.refund, payment: result.payment };
    },

    createSubscriptionPlan: (_parent, { input }, ctx) => {
      requireAdmin(ctx);
      return createPlan(deps, {
        ...input,
        billingPeriod: lower<BillingPeriod>(input.billingPeriod),
        trialPeriodDays: input.trialPeriodDays ?? 0,
        features: input.features ?? [],
      });
    },

    updateSubscriptionPlan: (_parent, { id, input }, ctx) => {
      requireAdmin(ctx);
      return updatePlan(deps, id, input);
    },
  };
}
