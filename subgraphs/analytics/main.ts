import { runSubgraphProcess } from '../../kit/subgraph-main.js';
import { refreshStaleCohorts } from './cohorts.js';
import { maintainEvents } from './maintenance.js';
import { createSubgraph } from './server.js';

/**
 * The analytics process: `serve` (default), or `refresh-cohorts` (`npm run
 * analytics:refresh-cohorts`): recomputes every cohort now and runs partition maintenance, for a
 * scheduler (cron, a Kubernetes CronJob) when the subgraph's own refresh is not enough.
 */
await runSubgraphProcess('analytics', createSubgraph, {
  'refresh-cohorts': async (runtime) => {
    const now = runtime.clock.now();
    const partitions = await maintainEvents(runtime.database, now);
    const refreshed = await refreshStaleCohorts(
      runtime.database.db,
      runtime.clock,
      new Date(now.getTime() + 1),
    );
    return { report: { refreshed, partitions } };
  },
});
