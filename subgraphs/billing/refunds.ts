import { and, eq, inArray, sql } from 'drizzle-orm';
import { badInput, conflict, notFound } from '../../kit/errors.js';
import type { Executor } from '../../kit/db.js';
import { writeToOutbox } from '../../kit/events/outbox.js';
import type { BillingDeps } from './deps.js';
import { GatewayUnavailable, type RefundOutcome } from './gateways.js';
import { lockPayment } from './payments.js';
import { outbox, type PaymentRow, payments, type RefundRow, refunds, subscriptions } from './tables.js';
import { isUuid } from '../../kit/ids.js';

export type RefundResult =
  | { kind: 'issued'; refund: RefundRow; payment: PaymentRow }
  | { kind: 'exceeds'; refundableCents: number };

/** Cents already refunded or on their way back; failed refunds do not count. */
export async function refundedCents(tx: Executor, paymentId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${refunds.amountCents}), 0)` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), inArray(refunds.status, ['pending', 'succeeded'])));
  return Number(row?.total ?? 0);
}

/**
 * An admin's refund. The payment row is locked while the remaining amount is checked and the
 * refund recorded, so concurrent refunds queue on it and their sum never passes the payment;
 * the gateway is called after that commit with the refund's id as idempotency key.
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
  const recorded = await deps.database.db.transaction(async (tx) => {
    const payment = await lockPayment(tx, { id: input.paymentId });
    if (!payment) throw notFound('Payment');
    if (payment.status !== 'completed') {
      throw conflict('Only a completed payment can be refunded.', { status: payment.status.toUpperCase() });
    }
    const refundable = payment.amountCents - (await refundedCents(tx, payment.id));
    if (input.amountCents > refundable) return { kind: 'exceeds' as const, refundableCents: refundable };
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
    return { kind: 'recorded' as const, refund: refund!, payment };
  });
  if (recorded.kind === 'exceeds') return recorded;

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
  return { kind: 'issued', refund: settled ?? refund, payment: current! };
}

/**
 * Applies a gateway's word on a refund (call answer or webhook), in any order, any number of
 * times: a settled refund stays settled; the payment becomes refunded when refunds cover it.
 */
export async function applyRefundOutcome(
  tx: Executor,
  deps: Pick<BillingDeps, 'clock'>,
  outcome: RefundOutcome,
  paymentId: string,
): Promise<RefundRow | null> {
  const payment = await lockPayment(tx, { id: paymentId });
  if (!payment) return null;
  const byOurId = outcome.ourId && isUuid(outcome.ourId) ? outcome.ourId : null;
  const [refund] = await tx
    .select()
    .from(refunds)
    .where(
      and(
        eq(refunds.paymentId, paymentId),
        byOurId ? eq(refunds.id, byOurId) : eq(refunds.gatewayRefundId, outcome.refundId),
      ),
    )
    .for('update');
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
  if (outcome.status === 'succeeded') {
    const [succeeded] = await tx
      .select({ total: sql<string>`coalesce(sum(${refunds.amountCents}), 0)` })
      .from(refunds)
      .where(and(eq(refunds.paymentId, paymentId), eq(refunds.status, 'succeeded')));
    const fully = Number(succeeded?.total ?? 0) >= payment.amountCents;
    if (fully && payment.status === 'completed') {
      await tx.update(payments).set({ status: 'refunded' }).where(eq(payments.id, paymentId));
    }
    const [subscription] = await tx
      .select({ userId: subscriptions.userId })
      .from(subscriptions)
      .where(eq(subscriptions.id, payment.subscriptionId));
    await writeToOutbox(
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
  }
  return row!;
}
