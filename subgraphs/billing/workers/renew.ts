import { PeriodicTask } from '../../../kit/periodic.js';
import type { BillingDeps } from '../deps.js';
import { type RenewalReport, runRenewals } from '../renewals.js';

/** Runs the renewal pass on an interval in the billing process (never, when the interval is 0). */
export class RenewalWorker extends PeriodicTask<RenewalReport> {
  constructor(deps: BillingDeps, intervalMs: number) {
    super({ name: 'billing.renew', intervalMs, log: deps.log, work: () => runRenewals(deps) });
  }

  /** One pass now; passes never overlap in one process. */
  runOnce(): Promise<RenewalReport> {
    return this.runNow();
  }
}
