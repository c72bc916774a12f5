import type { Clock } from '../../../kit/clock.js';
import type { Database } from '../../../kit/db.js';
import type { Logger } from '../../../kit/log.js';
import { PeriodicTask } from '../../../kit/periodic.js';
import { ensureMetricPartitions } from '../partitions.js';

const DAY_MS = 86_400_000;

/** Runs the partition maintenance on every start of the subgraph (before it serves) and once a day after. */
export function partitionMaintenance(database: Database, clock: Clock, log: Logger): PeriodicTask<void> {
  return new PeriodicTask({
    name: 'health.partitions',
    intervalMs: DAY_MS,
    firstRun: 'on-start',
    log,
    work: async () => {
      const created = await ensureMetricPartitions(database, clock.now());
      if (created > 0) log.info({ created }, 'health_metrics partitions created');
    },
  });
}
