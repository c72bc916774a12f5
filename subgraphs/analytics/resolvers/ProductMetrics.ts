import { lagTolerant } from '../../../kit/db.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { ProductMetricsResolvers } from '../generated/resolvers-types.js';
import { activeUsers, eventCounts, type MetricsRange, WINDOW_DAYS, weeklyRetention } from '../metrics.js';
import type { AnalyticsDeps } from '../deps.js';

/** The parent was admitted by Query.productMetrics (admins only); these fields compute over its range. */
export function productMetricsResolvers(
  deps: AnalyticsDeps,
): ProductMetricsResolvers<RequestContext, MetricsRange> {
  return {
    // Product metrics are reports over past days: a replica's lag changes nothing a reader needs.
    activeUsers: (range, { period }, ctx) =>
      activeUsers(lagTolerant(ctx, deps.database), range, WINDOW_DAYS[period]),
    eventCounts: (range, { eventTypes }, ctx) =>
      eventCounts(lagTolerant(ctx, deps.database), range, eventTypes),
    weeklyRetention: (range, { weeks }, ctx) =>
      weeklyRetention(lagTolerant(ctx, deps.database), range, weeks ?? 8),
  };
}
