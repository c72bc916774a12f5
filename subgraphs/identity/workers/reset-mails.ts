import { PeriodicTask } from '../../../kit/periodic.js';
import type { SubgraphDeps } from '../../../kit/subgraph.js';
import { mailPendingResets } from '../email-flows.js';
import type { Mailer } from '../mailer.js';

/** Sends the mails of queued password reset requests, every second by default. */
export class PasswordResetMailer extends PeriodicTask<number> {
  constructor(deps: SubgraphDeps, mailer: Mailer, intervalMs = 1000) {
    super({
      name: 'identity.reset-mails',
      intervalMs,
      // Every replica drains the queue: each request row is taken with FOR UPDATE SKIP LOCKED.
      across: 'every-replica',
      log: deps.log,
      work: () => mailPendingResets(deps, mailer),
    });
  }

  /** Handles every queued request now; returns how many. */
  flush(): Promise<number> {
    return this.runNow();
  }
}
