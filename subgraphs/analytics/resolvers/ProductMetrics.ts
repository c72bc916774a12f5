import type { RequestContext } from '../../../kit/subgraph.js';
import type { ProductMetricsResolvers } from '../generated/resolvers-types.js';
import { activeUsers, eventCounts, type MetricsRange, WINDOW_DAYS, weeklyRetention } from '../metrics.js';
import type { AnalyticsDeps } from '../deps.js';

/** The parent was admitted by Query.productMetrics (admins only); these fields compute over its range. */
export function productMetricsResolvers(
  deps: AnalyticsDeps,
): ProductMetricsResolvers<RequestContext, MetricsRange> {
  return {
    activeUsers: (range, { period }) => activeUsers(deps.database.db, range, WINDOW_DAYS[period]),
    eventCounts: (range, { eventTypes }) => eventCounts(deps.database.db, range, eventTypes),
    weeklyRetention: (range, { weeks }) => weeklyRetention(deps.database.db, range, weeks ?? 8),
  };
}
