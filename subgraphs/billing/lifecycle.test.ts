import { describe, expect, it } from 'vitest';
import {
  addMonths,
  decideRenewal,
  grantsAccess,
  IllegalTransition,
  type PlanTerms,
  startSubscription,
  transition,
} from './lifecycle.js';

const monthly: PlanTerms = { billingPeriod: 'monthly', trialPeriodDays: 0 };
const trial14: PlanTerms = { billingPeriod: 'monthly', trialPeriodDays: 14 };

describe('subscription lifecycle', () => {
  it('starts a trial when the plan has trial days', () => {
    const s = startSubscription(trial14, '2026-01-01');
    expect(s).toMatchObject({
      status: 'active',
      isTrial: true,
      trialEndDate: '2026-01-15',
      endDate: '2026-01-15',
      renewalDate: '2026-01-15',
    });
  });

  it('refuses trial days outside 0..90', () => {
    expect(() => startSubscription({ billingPeriod: 'monthly', trialPeriodDays: 91 }, '2026-01-01')).toThrow(
      RangeError,
    );
    expect(() => startSubscription({ billingPeriod: 'monthly', trialPeriodDays: -1 }, '2026-01-01')).toThrow(
      RangeError,
    );
  });

  it('a paid plan is pending until its first payment, then active for one period', () => {
    const s = startSubscription(monthly, '2026-01-31');
    expect(s).toMatchObject({ status: 'pending', endDate: '2026-02-28', renewalDate: '2026-01-31' });
    const active = transition(s, { kind: 'firstPaymentSucceeded' });
    expect(active).toMatchObject({ status: 'active', renewalDate: '2026-02-28' });
    expect(() => transition(active, { kind: 'firstPaymentSucceeded' })).toThrow(IllegalTransition);
    expect(transition(s, { kind: 'firstPaymentFailed' }).status).toBe('expired');
  });

  it('converts a trial on the first renewal and extends period by period', () => {
    let s = startSubscription(trial14, '2026-01-01');
    const decision = decideRenewal(s, trial14, '2026-01-15', 3);
    expect(decision).toEqual({ action: 'charge', periodStart: '2026-01-15', periodEnd: '2026-02-15' });
    if (decision.action !== 'charge') throw new Error('unreachable');
    s = transition(s, { kind: 'renewalPaid', ...decision });
    expect(s).toMatchObject({ isTrial: false, endDate: '2026-02-15', renewalDate: '2026-02-15' });
    // A payment for a period that is not the next one is refused: periods are never rewritten.
    expect(() =>
      transition(s, { kind: 'renewalPaid', periodStart: '2026-01-15', periodEnd: '2026-02-15' }),
    ).toThrow(IllegalTransition);
    expect(decideRenewal(s, trial14, '2026-02-14', 3)).toEqual({ action: 'none' });
  });

  it('retries an unpaid renewal daily and expires it after the grace period', () => {
    let s = transition(startSubscription(monthly, '2026-01-01'), { kind: 'firstPaymentSucceeded' });
    expect(decideRenewal(s, monthly, '2026-02-01', 3).action).toBe('charge');
    s = transition(s, { kind: 'renewalFailed', today: '2026-02-01' });
    expect(s).toMatchObject({ status: 'active', endDate: '2026-02-01', renewalDate: '2026-02-02' });
    expect(decideRenewal(s, monthly, '2026-02-01', 3).action).toBe('none');
    expect(decideRenewal(s, monthly, '2026-02-02', 3).action).toBe('charge');
    expect(grantsAccess(s, '2026-02-03', 3)).toBe(true);
    expect(decideRenewal(s, monthly, '2026-02-04', 3).action).toBe('expire');
    expect(grantsAccess(s, '2026-02-04', 3)).toBe(false);
    expect(transition(s, { kind: 'expire' }).status).toBe('expired');
  });

  it('cancels at period end without charging again, or at once', () => {
    const now = new Date('2026-01-10T10:00:00Z');
    const active = transition(startSubscription(monthly, '2026-01-01'), { kind: 'firstPaymentSucceeded' });
    const atEnd = transition(active, { kind: 'cancel', atPeriodEnd: true, now });
    expect(atEnd).toMatchObject({
      status: 'active',
      autoRenewal: false,
      canceledAt: now,
      endDate: '2026-02-01',
    });
    expect(decideRenewal(atEnd, monthly, '2026-01-31', 3)).toEqual({ action: 'none' });
    expect(decideRenewal(atEnd, monthly, '2026-02-01', 3)).toEqual({ action: 'end' });
    expect(transition(atEnd, { kind: 'end' }).status).toBe('canceled');
    expect(() => transition(atEnd, { kind: 'setAutoRenewal', enabled: true })).toThrow(IllegalTransition);

    const now2 = transition(active, { kind: 'cancel', atPeriodEnd: false, now });
    // The paid period stays as it was recorded.
    expect(now2).toMatchObject({ status: 'canceled', endDate: '2026-02-01', renewalDate: null });
    expect(() => transition(now2, { kind: 'cancel', atPeriodEnd: false, now })).toThrow(IllegalTransition);
    expect(() => transition(now2, { kind: 'firstPaymentSucceeded' })).toThrow(IllegalTransition);
    expect(decideRenewal(now2, monthly, '2026-03-01', 3)).toEqual({ action: 'none' });

    // Canceled at period end, then at once: canceledAt stays the first cancellation's.
    const later = new Date('2026-01-20T10:00:00Z');
    const thenNow = transition(atEnd, { kind: 'cancel', atPeriodEnd: false, now: later });
    expect(thenNow).toMatchObject({ status: 'canceled', canceledAt: now, renewalDate: null });
  });

  it('gives access until the end date when nothing renews it; the grace days only while a renewal is retried', () => {
    const active = transition(startSubscription(monthly, '2026-01-01'), { kind: 'firstPaymentSucceeded' });
    expect(grantsAccess(active, '2026-01-31', 3)).toBe(true);
    // Renewing: a renewal not yet charged keeps access for the grace days.
    expect(grantsAccess(active, '2026-02-03', 3)).toBe(true);
    expect(grantsAccess(active, '2026-02-04', 3)).toBe(false);
    // Canceled at period end, or auto-renewal off: nothing will be charged, so access ends on the
    // end date, whether or not the renewal worker has ended it yet.
    const atEnd = transition(active, { kind: 'cancel', atPeriodEnd: true, now: new Date('2026-01-10') });
    expect(grantsAccess(atEnd, '2026-01-31', 3)).toBe(true);
    expect(grantsAccess(atEnd, '2026-02-01', 3)).toBe(false);
    const off = transition(active, { kind: 'setAutoRenewal', enabled: false });
    expect(grantsAccess(off, '2026-02-01', 3)).toBe(false);
    // A trial canceled at once: no access from that moment.
    const trial = startSubscription(trial14, '2026-01-01');
    const canceledTrial = transition(trial, {
      kind: 'cancel',
      atPeriodEnd: false,
      now: new Date('2026-01-02'),
    });
    expect(grantsAccess(canceledTrial, '2026-01-02', 3)).toBe(false);
  });

  it('a full refund ends a live subscription at once; an ended one stays as it is', () => {
    const now = new Date('2026-01-10T10:00:00Z');
    const active = transition(startSubscription(monthly, '2026-01-01'), { kind: 'firstPaymentSucceeded' });
    const refunded = transition(active, { kind: 'refundedInFull', now });
    expect(refunded).toMatchObject({
      status: 'canceled',
      autoRenewal: false,
      renewalDate: null,
      canceledAt: now,
      endDate: '2026-02-01',
    });
    expect(grantsAccess(refunded, '2026-01-10', 3)).toBe(false);
    // Already canceled at period end: ends now, keeping the first cancel's time.
    const earlier = new Date('2026-01-05T10:00:00Z');
    const atEnd = transition(active, { kind: 'cancel', atPeriodEnd: true, now: earlier });
    expect(transition(atEnd, { kind: 'refundedInFull', now })).toMatchObject({
      status: 'canceled',
      canceledAt: earlier,
    });
    expect(() => transition(refunded, { kind: 'refundedInFull', now })).toThrow(IllegalTransition);
    expect(() => transition(transition(active, { kind: 'expire' }), { kind: 'refundedInFull', now })).toThrow(
      IllegalTransition,
    );
  });

  it('expires at period end when auto-renewal is off', () => {
    const active = transition(startSubscription(monthly, '2026-01-01'), { kind: 'firstPaymentSucceeded' });
    const off = transition(active, { kind: 'setAutoRenewal', enabled: false });
    expect(decideRenewal(off, monthly, '2026-02-01', 3)).toEqual({ action: 'end' });
    expect(transition(off, { kind: 'end' }).status).toBe('expired');
    expect(() => transition(active, { kind: 'end' })).toThrow(IllegalTransition);
  });

  it('expires a pending subscription whose first payment never came', () => {
    const s = startSubscription(monthly, '2026-01-01');
    expect(decideRenewal(s, monthly, '2026-01-02', 3).action).toBe('none');
    expect(decideRenewal(s, monthly, '2026-01-04', 3).action).toBe('expire');
  });

  it('adds months with clamping', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
  });
});
