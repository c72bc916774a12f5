import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { type Executor, withinTransaction } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';
import { type MetricTypeName, type SourceName, storedType } from './metric-types.js';
import { lockUserRollup, recomputeMixedHours } from './rollup.js';
import {
  DEFAULT_SOURCE_PRIORITY,
  effectiveOrder,
  type SourcePriority,
  storedOrder,
} from './source-priority.js';
import { sourcePriorities } from './tables.js';

/**
 * Sets (or, with an empty list, resets to the default) a user's order for one type. The stored
 * order is the effective one, so readers need no default merging.
 */
export async function setSourcePriority(
  db: Executor,
  clock: Clock,
  userId: string,
  metricType: MetricTypeName,
  sources: readonly SourceName[],
): Promise<SourcePriority> {
  const stored = storedType(metricType);
  if (new Set(sources).size !== sources.length) {
    throw badInput('Name each source once.', { field: 'sources' });
  }
  const now = clock.now();
  const order = sources.length === 0 ? null : effectiveOrder(metricType, sources);
  await withinTransaction(db, async (tx) => {
    await lockUserRollup(tx, userId);
    if (order === null) {
      await tx
        .delete(sourcePriorities)
        .where(and(eq(sourcePriorities.userId, userId), eq(sourcePriorities.metricType, stored)));
    } else {
      await tx
        .insert(sourcePriorities)
        .values({ userId, metricType: stored, sources: storedOrder(order), updatedAt: now })
        .onConflictDoUpdate({
          target: [sourcePriorities.userId, sourcePriorities.metricType],
          set: { sources: storedOrder(order), updatedAt: now },
        });
    }
    // The rollup stores merged values: hours where sources compete merge anew under this order.
    await recomputeMixedHours(tx, userId, stored);
  });
  return order === null
    ? { metricType, sources: [...DEFAULT_SOURCE_PRIORITY[metricType]], isDefault: true }
    : { metricType, sources: order, isDefault: false };
}
