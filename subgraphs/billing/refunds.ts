import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, isCheckViolation } from '../../kit/db.js';
import { badInput, conflict, invalidTransition, notFound } from '../../kit/errors.js';
import { writeEvent } from '../../kit/events/outbox.js';
import { isUuid } from '../../kit/ids.js';
import type { BillingDeps } from './deps.js';
import { GatewayUnavailable, type RefundOutcome } from './gateways.js';
import { IllegalTransition, transition } from './lifecycle.js';
import { lockPayment } from './payments.js';
import { lockSubscription, saveState, stateOf } from './state.js';
import { outbox, type PaymentRow, payments, type RefundRow, refunds } from './tables.js';

export type RefundResult =
  | { kind: 'issued'; refund: RefundRow; payment: PaymentRow }
  | { kind: 'manual'; refund: RefundRow; payment: PaymentRow }
  | { kind: 'exceeds'; refundableCents: number };

/**
 * How many refunds refundPayment records for one payment (failed ones included): what keeps
 * Payment.refunds a short list rather than a connection. Checked under the payment's row lock.
 */
export const MAX_REFUNDS_PER_PAYMENT = 20;

/**
 * The database's rule (a trigger on refunds, drizzle/billing/0003): the refunds of a payment that
 * did not fail never add up to more than the payment, whoever writes them.
 */
const REFUNDS_WITHIN_PAYMENT = 'refunds_within_payment';
export const isRefundBeyondPayment = (error: unknown) => isCheckViolation(error, REFUNDS_WITHIN_PAYMENT);

/** Cents already refunded or on their way back (by hand too); failed refunds do not count. */
export async function refundedCents(tx: Executor, paymentId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${refunds.amountCents}), 0)` })
    .from(refunds)
    .where(
      and(eq(refunds.paymentId, paymentId), inArray(refunds.status, ['pending', 'succeeded', 'manual'])),
    );
  return Number(row?.total ?? 0);
}

/** The same sum over a payment's loaded refunds (Payment.refundedCents). */
export const refundedCentsOf = (rows: readonly RefundRow[]): number =>
  rows.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amountCents, 0);

/**
 * An admin's refund. The refund is recorded before the gateway is called (with the refund's id
 * as idempotency key), under the payment's row lock; the database refuses it when it would take
 * the payment's refunds past its amount, so concurrent refunds never do, and that refusal is
 * answered as RefundExceedsPayment.
 */
export async function refundPayment(
  deps: BillingDeps,
  input: { paymentId: string; amountCents: number; reason: string | null },
): Promise<RefundResult> {
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) {
    throw badInput('amountCents must be a positive whole number of cents.', { field: 'amountCents' });
  }
  if (input.reason && input.reason.length > 500) {
    throw badInput('reason is at most 500 characters.', { field: 'reason' });
  }
  const now = deps.clock.now();
  let recorded: { refund: RefundRow; payment: PaymentRow };
  try {
    recorded = await deps.database.db.transaction(async (tx) => {
      const payment = await lockPayment(tx, { id: input.paymentId });
      if (!payment) throw notFound('Payment');
      if (payment.status !== 'completed') {
        throw invalidTransition('Only a completed payment can be refunded.', payment.status, 'REFUNDED');
      }
      const [recorded] = await tx
        .select({ n: count() })
        .from(refunds)
        .where(eq(refunds.paymentId, payment.id));
      if ((recorded?.n ?? 0) >= MAX_REFUNDS_PER_PAYMENT) {
        throw conflict(
          `A payment takes at most ${MAX_REFUNDS_PER_PAYMENT} refunds; refund the rest in one.`,
          { field: 'paymentId', max: MAX_REFUNDS_PER_PAYMENT },
        );
      }
      const [refund] = await tx
        .insert(refunds)
        .values({
          paymentId: payment.id,
          amountCents: input.amountCents,
          reason: input.reason,
          status: 'pending',
          createdAt: now,
        })
        .returning();
      return { refund: refund!, payment };
    });
  } catch (error) {
    if (!isRefundBeyondPayment(error)) throw error;
    const [payment] = await deps.database.db.select().from(payments).where(eq(payments.id, input.paymentId));
    const refundable = payment
      ? payment.amountCents - (await refundedCents(deps.database.db, payment.id))
      : 0;
    return { kind: 'exceeds', refundableCents: Math.max(0, refundable) };
  }

  const { refund, payment } = recorded;
  const gateway = deps.gateways[payment.paymentGateway];
  let outcome: RefundOutcome | null = null;
  if (gateway && payment.paymentIntentId) {
    try {
      outcome = await gateway.refund({
        intentId: payment.paymentIntentId,
        amountCents: refund.amountCents,
        currency: payment.currency,
        idempotencyKey: `refund:${refund.id}`,
        reason: refund.reason,
        refundId: refund.id,
      });
    } catch (error) {
      if (!(error instanceof GatewayUnavailable)) throw error;
      deps.log.warn(
        { err: error, refundId: refund.id },
        'refund not confirmed by the gateway; stays pending',
      );
    }
  } else {
    outcome = { status: 'failed', refundId: `unavailable_${refund.id}` };
  }
  const settled = outcome
    ? await deps.database.db.transaction((tx) =>
        applyRefundOutcome(tx, deps, { ...outcome, ourId: refund.id }, payment.id),
      )
    : refund;
  const [current] = await deps.database.db.select().from(payments).where(eq(payments.id, payment.id));
  const final = settled ?? refund;
  return { kind: final.status === 'manual' ? 'manual' : 'issued', refund: final, payment: current! };
}

/** What a refund made at the gateway by hand (its dashboard) is recorded with. */
const GATEWAY_REFUND_REASON = 'Refunded at the payment gateway';

/**
 * A refund the gateway reports that billing did not ask for (made in the gateway's dashboard):
 * recorded, so the money stays accounted for and the same rules apply to it. When it would take
 * the payment's refunds past its amount (our own pending refund that the gateway will refuse), it
 * is left out and logged; the refusal happens in a savepoint so the webhook's work stands.
 */
async function recordGatewayRefund(
  tx: Executor,
  deps: Pick<BillingDeps, 'clock' | 'log'>,
  payment: PaymentRow,
  outcome: RefundOutcome,
): Promise<RefundRow | null> {
  if (outcome.ourId || outcome.status === 'failed') return null;
  if (!outcome.amountCents || outcome.currency !== payment.currency) return null;
  if (!Number.isInteger(outcome.amountCents) || outcome.amountCents <= 0) return null;
  try {
    return await tx.transaction(async (savepoint) => {
      const [row] = await savepoint
        .insert(refunds)
        .values({
          paymentId: payment.id,
          amountCents: outcome.amountCents!,
          reason: GATEWAY_REFUND_REASON,
          status: 'pending',
          gatewayRefundId: outcome.refundId,
          createdAt: deps.clock.now(),
        })
        .returning();
      return row!;
    });
  } catch (error) {
    if (!isRefundBeyondPayment(error)) throw error;
    deps.log.error(
      { paymentId: payment.id, gatewayRefundId: outcome.refundId },
      'gateway refund not recorded: it would exceed the payment',
    );
    return null;
  }
}

/**
 * A payment refunded in full ends the subscription it paid for at once (canceled, no renewal):
 * the access was paid with that money. A subscription already over stays as it is.
 */
async function endRefundedSubscription(tx: Executor, payment: PaymentRow, now: Date): Promise<void> {
  const subscription = await lockSubscription(tx, payment.subscriptionId);
  if (!subscription) return;
  let next: ReturnType<typeof transition>;
  try {
    next = transition(stateOf(subscription), { kind: 'refundedInFull', now });
  } catch (error) {
    if (error instanceof IllegalTransition) return;
    throw error;
  }
  const saved = await saveState(tx, subscription.id, next);
  await writeEvent(
    tx,
    outbox,
    'subscription.canceled',
    {
      subscriptionId: subscription.id,
      userId: subscription.userId,
      atPeriodEnd: false,
      endDate: saved.endDate,
      reason: 'refunded',
      paymentId: payment.id,
    },
    now,
  );
}

/**
 * Applies a gateway's word on a refund (call answer or webhook), in any order, any number of
 * times: a settled refund stays settled. When the succeeded refunds cover the payment, it
 * becomes refunded and its subscription ends; a partial refund changes neither. The same rule
 * holds for refunds made at the gateway by hand, which are recorded here when first reported.
 */
export async function applyRefundOutcome(
  tx: Executor,
  deps: Pick<BillingDeps, 'clock' | 'log'>,
  outcome: RefundOutcome,
  paymentId: string,
): Promise<RefundRow | null> {
  const payment = await lockPayment(tx, { id: paymentId });
  if (!payment) return null;
  const byOurId = outcome.ourId && isUuid(outcome.ourId) ? outcome.ourId : null;
  const [found] = await tx
    .select()
    .from(refunds)
    .where(
      and(
        eq(refunds.paymentId, paymentId),
        byOurId ? eq(refunds.id, byOurId) : eq(refunds.gatewayRefundId, outcome.refundId),
      ),
    )
    .for('update');
  const refund = found ?? (await recordGatewayRefund(tx, deps, payment, outcome));
  if (!refund) return null;
  if (refund.status !== 'pending' || outcome.status === 'pending') {
    if (refund.gatewayRefundId || outcome.refundId.startsWith('unavailable_')) return refund;
    const [row] = await tx
      .update(refunds)
      .set({ gatewayRefundId: outcome.refundId })
      .where(eq(refunds.id, refund.id))
      .returning();
    return row!;
  }
  const now = deps.clock.now();
  const [row] = await tx
    .update(refunds)
    .set({
      status: outcome.status,
      gatewayRefundId: refund.gatewayRefundId ?? outcome.refundId,
      processedAt: now,
    })
    .where(eq(refunds.id, refund.id))
    .returning();
  // A manual refund is the admin's word that the money goes back by hand: it counts as returned.
  if (outcome.status === 'succeeded' || outcome.status === 'manual') {
    const [succeeded] = await tx
      .select({ total: sql<string>`coalesce(sum(${refunds.amountCents}), 0)` })
      .from(refunds)
      .where(and(eq(refunds.paymentId, paymentId), inArray(refunds.status, ['succeeded', 'manual'])));
    const fully = Number(succeeded?.total ?? 0) >= payment.amountCents;
    if (fully && payment.status === 'completed') {
      await tx.update(payments).set({ status: 'refunded' }).where(eq(payments.id, paymentId));
    }
    const subscription = await lockSubscription(tx, payment.subscriptionId);
    await writeEvent(
      tx,
      outbox,
      'payment.refunded',
      {
        paymentId,
        refundId: refund.id,
        userId: subscription?.userId ?? null,
        amountCents: refund.amountCents,
        currency: payment.currency,
        fullyRefunded: fully,
      },
      now,
    );
    if (fully) await endRefundedSubscription(tx, payment, now);
  }
  return row!;
}
