import { and, asc, eq, gt, inArray, lte, or } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { writeEvent } from '../../kit/events/outbox.js';
import type { BillingDeps } from './deps.js';
import { GatewayUnavailable } from './gateways.js';
import { decideRenewal, toDateString, transition } from './lifecycle.js';
import { saveState, stateOf } from './state.js';
import { chargePayment } from './subscriptions.js';
import { outbox, type PaymentRow, payments, subscriptionPlans, subscriptions } from './tables.js';

export interface RenewalReport {
  charged: number;
  failed: number;
  pending: number;
  ended: number;
  expired: number;
}

const BATCH = 100;

/**
 * One pass of the renewal worker: every subscription whose renewal_date has come (found through
 * the renewal_date index) is charged for its next period, ended, or expired. A period is charged
 * at most once: its payment is recorded under a key made of the subscription, the period and the
 * attempt before the gateway is called, and a pending one is re-sent with the same key. Safe to
 * run on several processes at once (rows are locked with SKIP LOCKED) and any number of times.
 */
export async function runRenewals(deps: BillingDeps): Promise<RenewalReport> {
  const report: RenewalReport = { charged: 0, failed: 0, pending: 0, ended: 0, expired: 0 };
  const now = deps.clock.now();
  const today = toDateString(now);
  let after: { renewalDate: string; id: string } | null = null;
  for (;;) {
    const due: { id: string; renewalDate: string | null }[] = await deps.database.db
      .select({ id: subscriptions.id, renewalDate: subscriptions.renewalDate })
      .from(subscriptions)
      .where(
        and(
          lte(subscriptions.renewalDate, today),
          inArray(subscriptions.status, ['pending', 'active']),
          after
            ? or(
                gt(subscriptions.renewalDate, after.renewalDate),
                and(eq(subscriptions.renewalDate, after.renewalDate), gt(subscriptions.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(subscriptions.renewalDate), asc(subscriptions.id))
      .limit(BATCH);
    for (const { id } of due) {
      const toCharge = await deps.database.db.transaction((tx) => step(tx, deps, id, today, now, report));
      if (!toCharge) continue;
      try {
        const settled = await chargePayment(deps, toCharge, true);
        if (settled.status === 'completed') report.charged++;
        else if (settled.status === 'failed') report.failed++;
        else report.pending++;
      } catch (error) {
        if (!(error instanceof GatewayUnavailable)) throw error;
        report.pending++;
        deps.log.warn({ err: error, paymentId: toCharge.id }, 'renewal charge not sent; retried next run');
      }
    }
    const last = due[due.length - 1];
    if (due.length < BATCH || !last?.renewalDate) break;
    after = { renewalDate: last.renewalDate, id: last.id };
  }
  return report;
}

/** Decides for one locked subscription; returns the payment to send when it is a charge. */
async function step(
  tx: Executor,
  deps: BillingDeps,
  id: string,
  today: string,
  now: Date,
  report: RenewalReport,
): Promise<PaymentRow | null> {
  const [row] = await tx
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.id, id),
        lte(subscriptions.renewalDate, today),
        inArray(subscriptions.status, ['pending', 'active']),
      ),
    )
    .for('update', { skipLocked: true });
  if (!row) return null;
  const [plan] = await tx.select().from(subscriptionPlans).where(eq(subscriptionPlans.id, row.planId));
  const state = stateOf(row);
  const decision = decideRenewal(state, plan!, today, deps.graceDays);
  const event = { subscriptionId: row.id, userId: row.userId, planId: row.planId };
  switch (decision.action) {
    case 'none': {
      if (state.status !== 'pending') return null;
      // A first payment the gateway never answered (timeout) is re-sent with its own key, which
      // the gateway deduplicates; one it answered "processing" gets the same intent back.
      const [first] = await tx
        .select()
        .from(payments)
        .where(
          and(
            eq(payments.subscriptionId, row.id),
            eq(payments.periodStart, row.startDate),
            eq(payments.status, 'pending'),
          ),
        )
        .limit(1);
      // One waiting for the payer's confirmation step is theirs to finish (or expire), not resent.
      return first && !first.nextAction ? first : null;
    }
    case 'end': {
      const next = await saveState(tx, row.id, transition(state, { kind: 'end' }));
      // A canceled period ends canceled, any other expires (lifecycle.ts, `end`).
      await writeEvent(
        tx,
        outbox,
        next.status === 'canceled' ? 'subscription.canceled' : 'subscription.expired',
        { ...event, reason: 'period_ended' },
        now,
      );
      report.ended++;
      return null;
    }
    case 'expire': {
      await saveState(tx, row.id, transition(state, { kind: 'expire' }));
      if (state.status === 'pending') {
        // Never confirmed within the grace days: its first payment fails with it. Should the
        // gateway still settle it later, the money is recorded for an admin to refund
        // (payments.ts) and the subscription stays expired.
        await tx
          .update(payments)
          .set({
            status: 'failed',
            failureReason: 'not confirmed in time',
            processedAt: now,
            nextAction: null,
          })
          .where(
            and(
              eq(payments.subscriptionId, row.id),
              eq(payments.periodStart, row.startDate),
              eq(payments.status, 'pending'),
            ),
          );
      }
      await writeEvent(
        tx,
        outbox,
        'subscription.expired',
        { ...event, reason: state.status === 'pending' ? 'never_paid' : 'renewal_unpaid' },
        now,
      );
      report.expired++;
      return null;
    }
    case 'charge': {
      const forPeriod = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.subscriptionId, row.id), eq(payments.periodStart, decision.periodStart)));
      const completed = forPeriod.find((p) => p.status === 'completed' || p.status === 'refunded');
      if (completed) {
        // Never charge a period twice; a paid period that did not extend the subscription is a bug to look at.
        deps.log.error({ subscriptionId: row.id, paymentId: completed.id }, 'period already paid');
        return null;
      }
      const pending = forPeriod.find((p) => p.status === 'pending');
      if (pending) return pending;
      const attempt = forPeriod.filter((p) => p.status === 'failed').length + 1;
      const [payment] = await tx
        .insert(payments)
        .values({
          subscriptionId: row.id,
          amountCents: plan!.priceCents,
          currency: plan!.currency,
          status: 'pending',
          paymentMethod: row.paymentMethod,
          paymentGateway: row.paymentGateway,
          idempotencyKey: `renewal:${row.id}:${decision.periodStart}:${attempt}`,
          createdAt: now,
          periodStart: decision.periodStart,
          periodEnd: decision.periodEnd,
        })
        .returning();
      return payment!;
    }
  }
}
