import { eq } from 'drizzle-orm';
import { badInput, forbidden, notFound } from '../../kit/errors.js';
import type { Viewer } from '../../kit/identity-header.js';
import { isUuid } from '../../kit/ids.js';
import type { BillingDeps } from './deps.js';
import { GatewayUnavailable } from './gateways.js';
import { applyPaymentOutcome, lockPayment } from './payments.js';
import {
  type PaymentGatewayName,
  PAYMENT_GATEWAYS,
  type PaymentRow,
  payments,
  subscriptions,
} from './tables.js';
import { TestGateway } from './test-gateway.js';
import { applyNotification } from './webhooks.js';

/** The gateways that take payments now, in the seed's order, with their currencies. */
export function availableGateways(
  deps: BillingDeps,
): { gateway: PaymentGatewayName; currencies: string[] }[] {
  return PAYMENT_GATEWAYS.flatMap((name) => {
    const gateway = deps.gateways[name];
    return gateway ? [{ gateway: name, currencies: [...gateway.currencies] }] : [];
  });
}

/**
 * A pending payment with the gateway's current word applied (the payer is back from a
 * confirmation step, the notification may not have arrived): the same idempotent outcome path as
 * notifications, in a transaction. A gateway that cannot be reached leaves it as it is.
 */
export async function refreshPayment(deps: BillingDeps, payment: PaymentRow): Promise<PaymentRow> {
  const gateway = deps.gateways[payment.paymentGateway];
  if (payment.status !== 'pending' || !gateway || !payment.paymentIntentId) return payment;
  let outcome: Awaited<ReturnType<typeof gateway.retrieve>>;
  try {
    outcome = await gateway.retrieve(payment.paymentIntentId);
  } catch (error) {
    if (!(error instanceof GatewayUnavailable)) throw error;
    deps.log.warn({ err: error, paymentId: payment.id }, 'gateway unavailable; payment state not refreshed');
    return payment;
  }
  if (!outcome || outcome.intentId !== payment.paymentIntentId) return payment;
  return deps.database.db.transaction(async (tx) => {
    const locked = await lockPayment(tx, { id: payment.id });
    return applyPaymentOutcome(tx, deps, locked!, outcome);
  });
}

/** The development gateway's confirmation step, answered by the payer (or an admin). */
export async function confirmTestPayment(
  deps: BillingDeps,
  viewer: Viewer,
  paymentId: string,
  succeed: boolean,
): Promise<PaymentRow> {
  if (!isUuid(paymentId)) throw notFound('Payment');
  const [found] = await deps.database.db
    .select({ payment: payments, userId: subscriptions.userId })
    .from(payments)
    .innerJoin(subscriptions, eq(subscriptions.id, payments.subscriptionId))
    .where(eq(payments.id, paymentId));
  if (!found) throw notFound('Payment');
  if (found.userId !== viewer.userId && !viewer.roles.includes('ADMIN')) throw forbidden();
  const { payment } = found;
  const gateway = deps.gateways.test;
  if (
    !(gateway instanceof TestGateway) ||
    payment.paymentGateway !== 'test' ||
    payment.status !== 'pending' ||
    payment.nextAction?.type !== 'confirm_test' ||
    !payment.paymentIntentId
  ) {
    throw badInput('This payment is not a TEST payment waiting for confirmation.', { field: 'paymentId' });
  }
  await applyNotification(deps, 'test', gateway.confirm(payment.paymentIntentId, succeed));
  const [current] = await deps.database.db.select().from(payments).where(eq(payments.id, paymentId));
  return current!;
}
