import type { BillingPeriod, SubscriptionStatus } from './tables.js';
import { addDays, addMonths, toDateString } from '../../kit/calendar-dates.js';

/**
 * The subscription lifecycle as pure functions over plain values: every change of a subscription
 * goes through `transition`, which refuses what the state does not allow. The database code only
 * loads, applies and stores.
 *
 *   (none) --start(trial)--> active+trial --renewalPaid--> active --renewalPaid--> active ...
 *   (none) --start(paid)---> pending --firstPaymentSucceeded--> active
 *   pending --firstPaymentFailed / expire--> expired
 *   active --cancel(now)--> canceled           active --cancel(atPeriodEnd)--> active, no renewal
 *   active | pending --refundedInFull (a payment of it refunded in full)--> canceled
 *   active --end (period over, not renewing)--> canceled (user canceled) | expired
 *   active --renewalFailed--> active (grace: retried daily) --expire (grace over)--> expired
 *
 * A period that has a completed payment is never rewritten: end dates only move forward, and a
 * canceled subscription keeps the dates it was paid for. canceled_at is set once, by the first
 * cancellation: canceling now after canceling at period end keeps it (a trigger on
 * billing.subscriptions refuses any change of it too). A declined first payment leaves the
 * subscription expired, never active, with its failed payment as the record of the attempt.
 */
export interface SubscriptionState {
  status: SubscriptionStatus;
  startDate: string;
  endDate: string | null;
  /** The next date the renewal worker acts on the subscription (charge, retry or end); null when over. */
  renewalDate: string | null;
  autoRenewal: boolean;
  isTrial: boolean;
  trialEndDate: string | null;
  canceledAt: Date | null;
}

export interface PlanTerms {
  billingPeriod: BillingPeriod;
  trialPeriodDays: number;
}

export type LifecycleEvent =
  | { kind: 'firstPaymentSucceeded' }
  | { kind: 'firstPaymentFailed' }
  | { kind: 'renewalPaid'; periodStart: string; periodEnd: string }
  | { kind: 'renewalFailed'; today: string }
  | { kind: 'cancel'; atPeriodEnd: boolean; now: Date }
  | { kind: 'refundedInFull'; now: Date }
  | { kind: 'setAutoRenewal'; enabled: boolean }
  | { kind: 'end' }
  | { kind: 'expire' };

export class IllegalTransition extends Error {
  constructor(
    readonly from: SubscriptionStatus,
    readonly event: LifecycleEvent['kind'],
    reason: string,
  ) {
    super(`Cannot ${event} a ${from} subscription: ${reason}`);
  }
}

export { addDays, addMonths, toDateString };

/** Adds one billing period to a date. */
export function addPeriod(date: string, period: BillingPeriod): string {
  return addMonths(date, period === 'monthly' ? 1 : period === 'quarterly' ? 3 : 12);
}

/** A new subscription: a trial when the plan has trial days, else pending until its first payment. */
export function startSubscription(plan: PlanTerms, today: string, autoRenewal = true): SubscriptionState {
  if (!Number.isInteger(plan.trialPeriodDays) || plan.trialPeriodDays < 0 || plan.trialPeriodDays > 90) {
    throw new RangeError('trial period must be 0..90 days');
  }
  if (plan.trialPeriodDays > 0) {
    const trialEnd = addDays(today, plan.trialPeriodDays);
    return {
      status: 'active',
      startDate: today,
      endDate: trialEnd,
      renewalDate: trialEnd,
      autoRenewal,
      isTrial: true,
      trialEndDate: trialEnd,
      canceledAt: null,
    };
  }
  const end = addPeriod(today, plan.billingPeriod);
  return {
    status: 'pending',
    startDate: today,
    endDate: end,
    // The worker looks at it daily until the first payment arrives or the grace period is over.
    renewalDate: today,
    autoRenewal,
    isTrial: false,
    trialEndDate: null,
    canceledAt: null,
  };
}

/** The period a renewal pays for: from the current end, one billing period long. */
export function nextPeriod(
  state: SubscriptionState,
  plan: PlanTerms,
): { periodStart: string; periodEnd: string } {
  if (!state.endDate) throw new IllegalTransition(state.status, 'renewalPaid', 'it has no period');
  return { periodStart: state.endDate, periodEnd: addPeriod(state.endDate, plan.billingPeriod) };
}

export function transition(state: SubscriptionState, event: LifecycleEvent): SubscriptionState {
  const refuse = (reason: string): never => {
    throw new IllegalTransition(state.status, event.kind, reason);
  };
  switch (event.kind) {
    case 'firstPaymentSucceeded':
      if (state.status !== 'pending') refuse('only a pending subscription waits for its first payment');
      return { ...state, status: 'active', renewalDate: state.endDate };
    case 'firstPaymentFailed':
      if (state.status !== 'pending') refuse('only a pending subscription waits for its first payment');
      return { ...state, status: 'expired', renewalDate: null };
    case 'renewalPaid': {
      if (state.status !== 'active') refuse('only an active subscription renews');
      if (!state.autoRenewal) refuse('auto-renewal is off');
      if (state.endDate !== event.periodStart) refuse('the payment is not for the next period');
      return {
        ...state,
        endDate: event.periodEnd,
        renewalDate: event.periodEnd,
        isTrial: false,
      };
    }
    case 'renewalFailed':
      if (state.status !== 'active') refuse('only an active subscription renews');
      // Retried the next day until the grace period is over; the paid period is left as it was.
      return { ...state, renewalDate: addDays(event.today, 1) };
    case 'cancel':
      if (state.status !== 'active' && state.status !== 'pending') refuse('it is already over');
      if (event.atPeriodEnd && state.status === 'active') {
        if (state.canceledAt) refuse('it is already canceled at the end of its period');
        // Nothing more is charged; the worker ends it on its end date.
        return { ...state, autoRenewal: false, renewalDate: state.endDate, canceledAt: event.now };
      }
      return {
        ...state,
        status: 'canceled',
        autoRenewal: false,
        renewalDate: null,
        // Canceling now what was canceled at period end keeps the first cancellation's time.
        canceledAt: state.canceledAt ?? event.now,
      };
    case 'refundedInFull':
      // The money went back, so the access it paid for ends now; the dates stay as recorded.
      if (state.status !== 'active' && state.status !== 'pending') refuse('it is already over');
      return {
        ...state,
        status: 'canceled',
        autoRenewal: false,
        renewalDate: null,
        canceledAt: state.canceledAt ?? event.now,
      };
    case 'setAutoRenewal':
      if (state.status !== 'active' && state.status !== 'pending') refuse('it is over');
      if (state.canceledAt) refuse('it is canceled; subscribe again instead');
      return { ...state, autoRenewal: event.enabled };
    case 'end':
      if (state.status !== 'active') refuse('only an active subscription ends');
      if (state.autoRenewal) refuse('it renews');
      return { ...state, status: state.canceledAt ? 'canceled' : 'expired', renewalDate: null };
    case 'expire':
      if (state.status !== 'active' && state.status !== 'pending') refuse('it is already over');
      return { ...state, status: 'expired', autoRenewal: false, renewalDate: null };
  }
}

export type RenewalDecision =
  | { action: 'none' }
  | { action: 'charge'; periodStart: string; periodEnd: string }
  | { action: 'end' }
  | { action: 'expire' };

/** What the renewal worker does with a subscription today. */
export function decideRenewal(
  state: SubscriptionState,
  plan: PlanTerms,
  today: string,
  /** Days an unpaid renewal keeps the subscription active (BILLING_GRACE_DAYS). */
  graceDays: number,
): RenewalDecision {
  if (state.status === 'pending') {
    return today >= addDays(state.startDate, graceDays) ? { action: 'expire' } : { action: 'none' };
  }
  if (state.status !== 'active' || !state.endDate) return { action: 'none' };
  if (!state.renewalDate || state.renewalDate > today) return { action: 'none' };
  if (!state.autoRenewal) return state.endDate <= today ? { action: 'end' } : { action: 'none' };
  if (today >= addDays(state.endDate, graceDays)) return { action: 'expire' };
  return { action: 'charge', ...nextPeriod(state, plan) };
}

/**
 * Whether the subscription gives access today (its plan's entitlements), decided from its dates
 * on every read, so access ends on time even before the renewal worker has recorded it: until the
 * end date when nothing will renew it (canceled at period end, auto-renewal off), plus the grace
 * days while a renewal is still being charged.
 */
export function grantsAccess(
  state: Pick<SubscriptionState, 'status' | 'endDate' | 'autoRenewal'>,
  today: string,
  /** Days an unpaid renewal keeps the subscription active (BILLING_GRACE_DAYS). */
  graceDays: number,
): boolean {
  if (state.status !== 'active') return false;
  if (!state.endDate) return true;
  return today < (state.autoRenewal ? addDays(state.endDate, graceDays) : state.endDate);
}
