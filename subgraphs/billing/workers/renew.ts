import { type Across, PeriodicTask } from '../../../kit/periodic.js';
import type { BillingDeps } from '../deps.js';
import { type RenewalReport, runRenewals } from '../renewals.js';

/**
 * Runs the renewal pass on an interval in the billing process (never, when the interval is 0);
 * `across`: the subgraph's period claims, so one replica runs each period's pass.
 */
export class RenewalWorker extends PeriodicTask<RenewalReport> {
  constructor(deps: BillingDeps, intervalMs: number, across: Across) {
    super({ name: 'billing.renew', intervalMs, across, log: deps.log, work: () => runRenewals(deps) });
  }

  /** One pass now; passes never overlap in one process. */
  runOnce(): Promise<RenewalReport> {
    return this.runNow();
  }
}
