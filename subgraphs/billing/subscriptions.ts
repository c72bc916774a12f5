import { and, eq, inArray, isNull } from 'drizzle-orm';
import { isUniqueViolation } from '../../kit/db.js';
import { badInput, forbidden, notFound, serviceUnavailable, invalidTransition } from '../../kit/errors.js';
import { writeEvent } from '../../kit/events/outbox.js';
import type { Viewer } from '../../kit/identity-header.js';
import type { BillingDeps } from './deps.js';
import { GatewayUnavailable, MethodRejected, type NextAction, type PaymentGateway } from './gateways.js';
import { IllegalTransition, startSubscription, toDateString, transition } from './lifecycle.js';
import { applyPaymentOutcome, lockPayment } from './payments.js';
import { lockSubscription, saveState, stateOf } from './state.js';
import {
  outbox,
  type PaymentGatewayName,
  type PaymentRow,
  payments,
  subscriptionPlans,
  type SubscriptionRow,
  subscriptions,
} from './tables.js';
import { isUuid } from '../../kit/ids.js';

export type SubscribeOutcome =
  | { kind: 'started'; subscription: SubscriptionRow; payment: PaymentRow | null }
  | { kind: 'actionRequired'; subscription: SubscriptionRow; payment: PaymentRow; nextAction: NextAction }
  | { kind: 'currencyNotSupported'; gateway: PaymentGatewayName; currency: string; supported: string[] }
  | { kind: 'declined'; payment: PaymentRow }
  | { kind: 'alreadySubscribed'; subscription: SubscriptionRow }
  | { kind: 'planUnavailable' };

export function gatewayFor(deps: BillingDeps, name: PaymentGatewayName): PaymentGateway {
  const gateway = deps.gateways[name];
  if (!gateway)
    throw badInput(`Payments through ${name} are not available.`, { field: 'paymentMethod.gateway' });
  return gateway;
}

async function liveSubscription(deps: BillingDeps, userId: string): Promise<SubscriptionRow | null> {
  const [row] = await deps.database.db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), inArray(subscriptions.status, ['pending', 'active'])))
    .limit(1);
  return row ?? null;
}

async function subscriptionOf(deps: BillingDeps, id: string): Promise<SubscriptionRow> {
  const [row] = await deps.database.db.select().from(subscriptions).where(eq(subscriptions.id, id));
  return row!;
}

/** Where a gateway's page sends the payer back: the app's return page, naming the payment. */
export function returnUrlFor(deps: BillingDeps, paymentId: string): string {
  const url = new URL(deps.returnUrl);
  url.searchParams.set('payment', paymentId);
  return url.toString();
}

/** Sends a pending payment to its gateway (again, with the same key, when retried) and applies the answer. */
export async function chargePayment(
  deps: BillingDeps,
  payment: PaymentRow,
  offSession: boolean,
): Promise<PaymentRow> {
  const gateway = gatewayFor(deps, payment.paymentGateway);
  const [subscription] = await deps.database.db
    .select({ customer: subscriptions.gatewayCustomerId })
    .from(subscriptions)
    .where(eq(subscriptions.id, payment.subscriptionId));
  const outcome = await gateway.charge({
    amountCents: payment.amountCents,
    currency: payment.currency,
    paymentMethod: payment.paymentMethod ?? '',
    idempotencyKey: payment.idempotencyKey,
    description: `Subscription ${payment.subscriptionId} ${payment.periodStart}..${payment.periodEnd}`,
    metadata: { paymentId: payment.id, subscriptionId: payment.subscriptionId },
    offSession,
    customer: subscription?.customer ?? null,
    returnUrl: returnUrlFor(deps, payment.id),
  });
  return deps.database.db.transaction(async (tx) => {
    if (outcome.customerId && !subscription?.customer) {
      await tx
        .update(subscriptions)
        .set({ gatewayCustomerId: outcome.customerId })
        .where(and(eq(subscriptions.id, payment.subscriptionId), isNull(subscriptions.gatewayCustomerId)));
    }
    const locked = await lockPayment(tx, { id: payment.id });
    return applyPaymentOutcome(tx, deps, locked!, outcome);
  });
}

async function outcomeOfPayment(deps: BillingDeps, payment: PaymentRow): Promise<SubscribeOutcome> {
  let current = payment;
  if (current.status === 'pending') {
    try {
      current = await chargePayment(deps, current, false);
    } catch (error) {
      if (!(error instanceof GatewayUnavailable)) throw error;
      deps.log.warn({ err: error, paymentId: payment.id }, 'gateway unavailable; payment stays pending');
    }
  }
  if (current.status === 'failed') return { kind: 'declined', payment: current };
  const subscription = await subscriptionOf(deps, current.subscriptionId);
  if (current.status === 'pending' && current.nextAction) {
    return { kind: 'actionRequired', subscription, payment: current, nextAction: current.nextAction };
  }
  return {
    kind: 'started',
    subscription,
    payment: current,
  };
}

/**
 * Subscribes a user: a trial when the plan has trial days, otherwise a pending subscription and
 * its first payment, charged outside the transaction that recorded it. The client's key makes a
 * retry return the first attempt's outcome instead of charging again.
 */
export async function subscribe(
  deps: BillingDeps,
  userId: string,
  input: {
    planId: string;
    gateway: PaymentGatewayName;
    paymentMethod: string;
    idempotencyKey?: string | null;
  },
): Promise<SubscribeOutcome> {
  gatewayFor(deps, input.gateway);
  if (!/^[\w-]{1,255}$/.test(input.paymentMethod)) {
    throw badInput('The payment method token is not valid.', { field: 'paymentMethod.token' });
  }
  if (input.idempotencyKey !== undefined && input.idempotencyKey !== null) {
    if (!/^[\w:.-]{1,100}$/.test(input.idempotencyKey)) {
      throw badInput('idempotencyKey must be 1..100 letters, digits, "_", "-", ":" or ".".', {
        field: 'idempotencyKey',
      });
    }
  }
  const paymentKey = input.idempotencyKey ? `subscribe:${userId}:${input.idempotencyKey}` : null;
  if (paymentKey) {
    const [existing] = await deps.database.db
      .select()
      .from(payments)
      .where(eq(payments.idempotencyKey, paymentKey));
    if (existing) return outcomeOfPayment(deps, existing);
  }
  if (!isUuid(input.planId)) return { kind: 'planUnavailable' };
  const [plan] = await deps.database.db
    .select()
    .from(subscriptionPlans)
    .where(eq(subscriptionPlans.id, input.planId));
  if (!plan?.isActive) return { kind: 'planUnavailable' };
  const supported = gatewayFor(deps, input.gateway).currencies;
  if (!supported.includes(plan.currency)) {
    return {
      kind: 'currencyNotSupported',
      gateway: input.gateway,
      currency: plan.currency,
      supported: [...supported],
    };
  }

  const now = deps.clock.now();
  const state = startSubscription(plan, toDateString(now));
  // A trial charges nothing now, so its method is saved with the gateway for the conversion.
  let customer: string | null = null;
  if (state.isTrial) {
    const live = await liveSubscription(deps, userId);
    if (live) return { kind: 'alreadySubscribed', subscription: live };
    try {
      customer = await gatewayFor(deps, input.gateway).saveMethod(
        input.paymentMethod,
        { userId, planId: plan.id },
        `trial:${userId}:${input.idempotencyKey ?? now.getTime()}`,
      );
    } catch (error) {
      if (error instanceof MethodRejected) {
        throw badInput('The gateway refused this payment method.', { field: 'paymentMethod.token' });
      }
      if (error instanceof GatewayUnavailable) {
        throw serviceUnavailable('Payments cannot be set up right now; try again shortly.');
      }
      throw error;
    }
  }
  let created: { subscription: SubscriptionRow; payment: PaymentRow | null };
  try {
    created = await deps.database.db.transaction(async (tx) => {
      const [subscription] = await tx
        .insert(subscriptions)
        .values({
          userId,
          planId: plan.id,
          ...state,
          paymentGateway: input.gateway,
          paymentMethod: input.paymentMethod,
          gatewayCustomerId: customer,
          createdAt: now,
        })
        .returning();
      let payment: PaymentRow | null = null;
      if (state.status === 'pending') {
        const [inserted] = await tx
          .insert(payments)
          .values({
            subscriptionId: subscription!.id,
            amountCents: plan.priceCents,
            currency: plan.currency,
            status: 'pending',
            paymentMethod: input.paymentMethod,
            paymentGateway: input.gateway,
            idempotencyKey: paymentKey ?? `subscribe:${subscription!.id}`,
            createdAt: now,
            periodStart: state.startDate,
            periodEnd: state.endDate!,
          })
          .returning();
        payment = inserted!;
      }
      await writeEvent(
        tx,
        outbox,
        'subscription.started',
        {
          subscriptionId: subscription!.id,
          userId,
          planId: plan.id,
          status: state.status,
          isTrial: state.isTrial,
          trialEndDate: state.trialEndDate,
        },
        now,
      );
      return { subscription: subscription!, payment };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'payments_idempotency_key_key') && paymentKey) {
      const [existing] = await deps.database.db
        .select()
        .from(payments)
        .where(eq(payments.idempotencyKey, paymentKey));
      if (existing) return outcomeOfPayment(deps, existing);
    }
    if (isUniqueViolation(error, 'subscriptions_one_live_per_user')) {
      const live = await liveSubscription(deps, userId);
      if (live) return { kind: 'alreadySubscribed', subscription: live };
    }
    throw error;
  }
  if (!created.payment) return { kind: 'started', subscription: created.subscription, payment: null };
  return outcomeOfPayment(deps, created.payment);
}

/** Loads a subscription the viewer may change: their own, or any for admins. */
async function ownSubscription(deps: BillingDeps, viewer: Viewer, id: string) {
  if (!isUuid(id)) throw notFound('Subscription');
  const [row] = await deps.database.db.select().from(subscriptions).where(eq(subscriptions.id, id));
  if (!row) throw notFound('Subscription');
  if (row.userId !== viewer.userId && !viewer.roles.includes('ADMIN')) throw forbidden();
  return row;
}

function illegal(error: unknown): never {
  if (error instanceof IllegalTransition) {
    throw invalidTransition(error.message, error.from, error.event);
  }
  throw error;
}

export async function cancelSubscription(
  deps: BillingDeps,
  viewer: Viewer,
  id: string,
  atPeriodEnd: boolean,
): Promise<SubscriptionRow> {
  await ownSubscription(deps, viewer, id);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const row = (await lockSubscription(tx, id))!;
    let next: ReturnType<typeof transition>;
    try {
      next = transition(stateOf(row), { kind: 'cancel', atPeriodEnd, now });
    } catch (error) {
      illegal(error);
    }
    const saved = await saveState(tx, id, next);
    await writeEvent(
      tx,
      outbox,
      'subscription.canceled',
      {
        subscriptionId: id,
        userId: row.userId,
        atPeriodEnd: saved.status !== 'canceled',
        endDate: saved.endDate,
      },
      now,
    );
    return saved;
  });
}

export async function setAutoRenewal(
  deps: BillingDeps,
  viewer: Viewer,
  id: string,
  enabled: boolean,
): Promise<SubscriptionRow> {
  await ownSubscription(deps, viewer, id);
  return deps.database.db.transaction(async (tx) => {
    const row = (await lockSubscription(tx, id))!;
    try {
      return await saveState(tx, id, transition(stateOf(row), { kind: 'setAutoRenewal', enabled }));
    } catch (error) {
      illegal(error);
    }
  });
}
