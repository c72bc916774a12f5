import { eq } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import type { SubscriptionState } from './lifecycle.js';
import { type SubscriptionRow, subscriptions } from './tables.js';

/** The lifecycle's view of a row. */
export function stateOf(row: SubscriptionRow): SubscriptionState {
  return {
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    renewalDate: row.renewalDate,
    autoRenewal: row.autoRenewal,
    isTrial: row.isTrial,
    trialEndDate: row.trialEndDate,
    canceledAt: row.canceledAt,
  };
}

/** Stores a state the lifecycle produced; the row's other columns never change. */
export async function saveState(
  tx: Executor,
  id: string,
  state: SubscriptionState,
): Promise<SubscriptionRow> {
  const [row] = await tx
    .update(subscriptions)
    .set({
      status: state.status,
      endDate: state.endDate,
      renewalDate: state.renewalDate,
      autoRenewal: state.autoRenewal,
      isTrial: state.isTrial,
      trialEndDate: state.trialEndDate,
      canceledAt: state.canceledAt,
    })
    .where(eq(subscriptions.id, id))
    .returning();
  return row!;
}

export async function lockSubscription(tx: Executor, id: string): Promise<SubscriptionRow | null> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, id)).for('update');
  return row ?? null;
}
