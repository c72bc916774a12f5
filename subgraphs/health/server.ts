import { readFileSync } from 'node:fs';
import { eventConsumer } from '../../kit/events/consumer.js';
import { OutboxRelay } from '../../kit/events/outbox.js';
import { defineSubgraph, type Subgraph } from '../../kit/subgraph.js';
import { applyTimeZoneEvent } from '../../kit/time-zones.js';
import { PeriodClaims } from '../../kit/periodic-claims.js';
import type { HealthDeps } from './deps.js';
import { coaching } from './coaching.js';
import { eraseUser } from './gdpr.js';
import {
  healthGoalResolvers,
  healthIntegrationResolvers,
  healthMetricResolvers,
} from './resolvers/entities.js';
import { mutationResolvers } from './resolvers/Mutation.js';
import { trainerClientResolvers } from './resolvers/TrainerClient.js';
import { userResolvers } from './resolvers/User.js';
import { healthMetricsRecordedResolvers, subscriptionResolvers } from './resolvers/Subscription.js';
import { outbox, periodicRuns, processedEvents, userTimeZones } from './tables.js';
import { partitionMaintenance } from './workers/partitions.js';
import { sourceNameOf } from './metric-types.js';
import type { DeviceSyncStateRow } from './tables.js';
import { wearableAdapters } from './providers/index.js';
import { garminWebhookRoute, googleHealthWebhookRoute } from './webhooks.js';

export type { HealthDeps } from './deps.js';

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/** Health: time-series samples in monthly partitions, goals, and wearable integrations. */
export function createSubgraph(deps: HealthDeps): Subgraph {
  const adapters = wearableAdapters(deps.env);
  const garminRoute = garminWebhookRoute(deps);
  return defineSubgraph(deps, {
    name: 'health',
    typeDefs,
    resolvers: {
      Mutation: mutationResolvers(deps, adapters),
      Subscription: subscriptionResolvers(deps),
      HealthMetricsRecorded: healthMetricsRecordedResolvers(),
      User: userResolvers(deps),
      TrainerClient: trainerClientResolvers(deps),
      HealthMetric: healthMetricResolvers(deps),
      HealthGoal: healthGoalResolvers(deps),
      HealthIntegration: healthIntegrationResolvers(deps),
      DeviceHealthSyncState: {
        source: (row: DeviceSyncStateRow) => sourceNameOf(row.source) as 'APPLE_HEALTH' | 'HEALTH_CONNECT',
      },
      // A refused sample's code is its own ErrorCode (BAD_USER_INPUT or CONFLICT), not its type's name.
      DeviceHealthSampleError: { code: (problem: { code: string }) => problem.code },
    },
    routes: [googleHealthWebhookRoute(deps), ...(garminRoute ? [garminRoute] : [])],
    background: [
      new OutboxRelay(deps.database, outbox, deps.bus, 'health', deps.log),
      eventConsumer({
        group: 'health',
        database: deps.database,
        bus: deps.bus,
        processedEvents,
        log: deps.log,
        handlers: {
          'user.deleted': (tx, event) => eraseUser(tx, event.payload, deps),
          'user.profile_updated': (tx, event) =>
            applyTimeZoneEvent(tx, userTimeZones, event.payload, event.occurredAt),
          ...coaching.handlers(),
        },
      }),
    ],
    workers: [
      partitionMaintenance(
        deps.database,
        deps.clock,
        deps.log,
        new PeriodClaims(deps.database, periodicRuns),
      ),
    ],
  });
}
