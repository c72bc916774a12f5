import type { Clock } from '../../../kit/clock.js';
import type { Database } from '../../../kit/db.js';
import type { Logger } from '../../../kit/log.js';
import { type Across, PeriodicTask } from '../../../kit/periodic.js';
import { maintainEvents } from '../maintenance.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Partition maintenance: once on start in every replica (so the current month always has its
 * partition), then daily across the replicas (`across`: the subgraph's period claims).
 */
export function partitionMaintenance(
  database: Database,
  clock: Clock,
  log: Logger,
  across: Across,
): PeriodicTask<number> {
  return new PeriodicTask({
    name: 'analytics.partitions',
    intervalMs: DAY_MS,
    across,
    firstRun: 'on-start',
    log,
    work: () => maintainEvents(database, clock.now()),
  });
}
