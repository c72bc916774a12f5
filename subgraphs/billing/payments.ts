import { and, eq, or } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import type { Executor } from '../../kit/db.js';
import { writeEvent } from '../../kit/events/outbox.js';
import type { Logger } from '../../kit/log.js';
import type { NextAction, PaymentOutcome } from './gateways.js';
import { IllegalTransition, toDateString, transition } from './lifecycle.js';
import { lockSubscription, saveState, stateOf } from './state.js';
import { outbox, type PaymentGatewayName, type PaymentRow, payments, subscriptions } from './tables.js';
import { isUuid } from '../../kit/ids.js';

/** jsonb hands keys back in its own order, so actions are compared field by field. */
function sameAction(a: NextAction | null, b: NextAction | null): boolean {
  if (!a || !b) return a === b;
  const entries = (action: NextAction) => JSON.stringify(Object.entries(action).sort());
  return entries(a) === entries(b);
}

/** Finds a payment by our id, or by the gateway's id for it, and locks it. */
export async function lockPayment(
  tx: Executor,
  where: { id?: string | null; gateway?: PaymentGatewayName; intentId?: string | null },
): Promise<PaymentRow | null> {
  const byId = where.id && isUuid(where.id) ? eq(payments.id, where.id) : undefined;
  const byIntent =
    where.gateway && where.intentId
      ? and(eq(payments.paymentGateway, where.gateway), eq(payments.paymentIntentId, where.intentId))
      : undefined;
  const condition = byId && byIntent ? or(byId, byIntent) : (byId ?? byIntent);
  if (!condition) return null;
  const [row] = await tx.select().from(payments).where(condition).for('update').limit(1);
  return row ?? null;
}

/**
 * Applies what a gateway said about a payment, from the charge call or from a webhook, in any
 * order and any number of times: a settled payment is never moved back (a late "failed" after
 * "completed" changes nothing), and the subscription moves only through legal transitions.
 */
export async function applyPaymentOutcome(
  tx: Executor,
  deps: { clock: Clock; log: Logger },
  payment: PaymentRow,
  outcome: PaymentOutcome,
): Promise<PaymentRow> {
  const now = deps.clock.now();
  const details = {
    cardLast4: outcome.cardLast4 ?? payment.cardLast4,
    payerName: outcome.payerName ?? payment.payerName,
    payerCountry: outcome.payerCountry ?? payment.payerCountry,
    paymentIntentId: payment.paymentIntentId ?? outcome.intentId,
  };
  if (payment.status === 'completed' || payment.status === 'refunded') return payment;
  if (outcome.status === 'pending' || (outcome.status === 'failed' && payment.status === 'failed')) {
    // A pending payment keeps the step the payer must take until the gateway settles it.
    const nextAction =
      outcome.status === 'pending' ? (outcome.nextAction ?? payment.nextAction) : payment.nextAction;
    if (details.paymentIntentId === payment.paymentIntentId && sameAction(nextAction, payment.nextAction)) {
      return payment;
    }
    const [row] = await tx
      .update(payments)
      .set({ ...details, nextAction })
      .where(eq(payments.id, payment.id))
      .returning();
    return row!;
  }

  const completed = outcome.status === 'completed';
  const [updated] = await tx
    .update(payments)
    .set({
      ...details,
      status: completed ? 'completed' : 'failed',
      processedAt: now,
      nextAction: null,
      failureReason: completed ? null : (outcome.failureReason ?? 'declined').slice(0, 255),
    })
    .where(eq(payments.id, payment.id))
    .returning();

  const subscription = await lockSubscription(tx, payment.subscriptionId);
  if (!subscription) return updated!;
  if (completed && outcome.customerId && !subscription.gatewayCustomerId) {
    // Where the gateway saves the method only with a paid payment (Sberbank's card binding),
    // renewals are charged through what it saved.
    await tx
      .update(subscriptions)
      .set({ gatewayCustomerId: outcome.customerId })
      .where(eq(subscriptions.id, subscription.id));
  }
  const common = {
    paymentId: payment.id,
    subscriptionId: subscription.id,
    userId: subscription.userId,
    amountCents: payment.amountCents,
    currency: payment.currency,
    gateway: payment.paymentGateway,
  };
  await writeEvent(
    tx,
    outbox,
    completed ? 'payment.completed' : 'payment.failed',
    completed ? common : { ...common, reason: updated!.failureReason },
    now,
  );

  const state = stateOf(subscription);
  const isFirst = state.status === 'pending' && payment.periodStart === state.startDate;
  const isRenewal = state.status === 'active' && payment.periodStart === state.endDate;
  try {
    if (isFirst) {
      const next = transition(state, { kind: completed ? 'firstPaymentSucceeded' : 'firstPaymentFailed' });
      await saveState(tx, subscription.id, next);
      await writeEvent(
        tx,
        outbox,
        completed ? 'subscription.activated' : 'subscription.expired',
        { subscriptionId: subscription.id, userId: subscription.userId, planId: subscription.planId },
        now,
      );
    } else if (isRenewal && completed && state.autoRenewal) {
      const next = transition(state, {
        kind: 'renewalPaid',
        periodStart: payment.periodStart,
        periodEnd: payment.periodEnd,
      });
      await saveState(tx, subscription.id, next);
      await writeEvent(
        tx,
        outbox,
        'subscription.renewed',
        {
          subscriptionId: subscription.id,
          userId: subscription.userId,
          paymentId: payment.id,
          periodStart: payment.periodStart,
          periodEnd: payment.periodEnd,
          convertedFromTrial: state.isTrial,
        },
        now,
      );
    } else if (isRenewal && !completed) {
      await saveState(
        tx,
        subscription.id,
        transition(state, { kind: 'renewalFailed', today: toDateString(now) }),
      );
    } else if (completed) {
      // Money arrived for a subscription that has moved on (canceled, expired, account deleted):
      // it stays recorded for an admin to refund; the subscription is not revived.
      deps.log.warn(
        { paymentId: payment.id, status: state.status },
        'payment completed for an ended subscription',
      );
    }
  } catch (error) {
    if (!(error instanceof IllegalTransition)) throw error;
    deps.log.warn({ paymentId: payment.id, err: error }, 'payment outcome not applied to subscription');
  }
  return updated!;
}
