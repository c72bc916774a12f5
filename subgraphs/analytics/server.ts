import { readFileSync } from 'node:fs';
import { eventConsumer } from '../../kit/events/consumer.js';
import { OutboxRelay } from '../../kit/events/outbox.js';
import { RateLimitSweeper } from '../../kit/rate-limit.js';
import { defineSubgraph, type Subgraph } from '../../kit/subgraph.js';
import { PeriodClaims } from '../../kit/periodic-claims.js';
import type { AnalyticsDeps } from './deps.js';
import { analyticsHandlers } from './consumers.js';
import { cohortResolvers } from './resolvers/Cohort.js';
import { mutationResolvers } from './resolvers/Mutation.js';
import { productMetricsResolvers } from './resolvers/ProductMetrics.js';
import { queryResolvers } from './resolvers/Query.js';
import { outbox, periodicRuns, processedEvents, rateLimits } from './tables.js';
import { cohortRefreshSchedule } from './workers/cohorts.js';
import { partitionMaintenance } from './workers/partitions.js';

export type { AnalyticsDeps } from './deps.js';

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/** Product events, cohorts and product metrics. */
export function createSubgraph(deps: AnalyticsDeps): Subgraph {
  const claims = new PeriodClaims(deps.database, periodicRuns);
  return defineSubgraph(deps, {
    name: 'analytics',
    typeDefs,
    resolvers: {
      Query: queryResolvers(deps),
      Mutation: mutationResolvers(deps),
      Cohort: cohortResolvers(deps),
      ProductMetrics: productMetricsResolvers(deps),
    },
    background: [
      new OutboxRelay(deps.database, outbox, deps.bus, 'analytics', deps.log),
      eventConsumer({
        group: 'analytics',
        database: deps.database,
        bus: deps.bus,
        processedEvents,
        handlers: analyticsHandlers(deps),
        log: deps.log,
      }),
      new RateLimitSweeper(deps.database, rateLimits, claims, deps.log),
    ],
    workers: [
      partitionMaintenance(deps.database, deps.clock, deps.log, claims),
      cohortRefreshSchedule(deps.database, deps.clock, deps.log, claims),
    ],
  });
}
