import { and, eq, inArray } from 'drizzle-orm';
import type { UserErasure } from '../../kit/events/consumer.js';
import { writeEvent } from '../../kit/events/outbox.js';
import { coaching } from './coaching.js';
import type { BillingDeps } from './deps.js';
import { IllegalTransition, transition } from './lifecycle.js';
import { saveState, stateOf } from './state.js';
import { outbox, payments, subscriptions } from './tables.js';

/**
 * user.deleted: every live subscription of the user is canceled at once and never charged again
 * (the renewal worker only looks at pending and active ones); payments and refunds stay as
 * financial records, without the payer's name; the user's coaching relationships end in billing's
 * copy (training's coaching.ended events for them follow; this does not wait for them). Runs once
 * per event (kit/events/consumer.ts) and changes nothing when repeated.
 */
export const eraseUser: UserErasure<BillingDeps> = async (tx, { userId, deletedAt }, deps) => {
  const now = deps.clock.now();
  const live = await tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), inArray(subscriptions.status, ['pending', 'active'])))
    .for('update');
  for (const row of live) {
    let state = stateOf(row);
    try {
      state = transition(state, { kind: 'cancel', atPeriodEnd: false, now });
    } catch (error) {
      if (!(error instanceof IllegalTransition)) throw error;
      continue;
    }
    await saveState(tx, row.id, state);
    await writeEvent(
      tx,
      outbox,
      'subscription.canceled',
      { subscriptionId: row.id, userId, atPeriodEnd: false, reason: 'account_deleted' },
      now,
    );
  }
  const all = tx.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.userId, userId));
  await tx.update(payments).set({ payerName: null }).where(inArray(payments.subscriptionId, all));
  await coaching.endAllOf(tx, userId, new Date(deletedAt));
};
