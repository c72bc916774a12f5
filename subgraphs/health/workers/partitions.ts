import type { Clock } from '../../../kit/clock.js';
import type { Database } from '../../../kit/db.js';
import type { Logger } from '../../../kit/log.js';
import { type Across, PeriodicTask } from '../../../kit/periodic.js';
import { ensureMetricPartitions } from '../partitions.js';

const DAY_MS = 86_400_000;

/**
 * Runs the partition maintenance on every start of the subgraph (before it serves, in every
 * replica) and then once a day across the replicas (`across`: the subgraph's period claims).
 */
export function partitionMaintenance(
  database: Database,
  clock: Clock,
  log: Logger,
  across: Across,
): PeriodicTask<void> {
  return new PeriodicTask({
    name: 'health.partitions',
    intervalMs: DAY_MS,
    across,
    firstRun: 'on-start',
    log,
    work: async () => {
      const created = await ensureMetricPartitions(database, clock.now());
      if (created > 0) log.info({ created }, 'health_metrics partitions created');
    },
  });
}
