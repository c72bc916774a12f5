import { runSubgraphProcess } from '../../kit/subgraph-main.js';
import { billingDeps, createSubgraph } from './server.js';
import { RenewalWorker } from './workers/renew.js';

/**
 * The billing process: `serve` (default), or `renew` (`npm run billing:renew`): one pass of the
 * renewal worker (charge due renewals, end canceled and expired subscriptions) for a cron job or
 * by hand. Safe beside the serving processes' own passes: each period is charged at most once.
 */
await runSubgraphProcess('billing', (deps) => createSubgraph(deps), {
  renew: async (runtime) => ({
    report: await new RenewalWorker(billingDeps(runtime), 0, 'every-replica').runOnce(),
  }),
});
