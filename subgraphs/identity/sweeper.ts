import { PeriodicTask } from '../../kit/periodic.js';
import type { BackgroundTask, SubgraphDeps } from '../../kit/subgraph.js';
import { deleteExpiredSessions } from './sessions.js';
import { deleteExpiredTokens } from './tokens.js';

/** Deletes expired sessions and one-time tokens now and then, so neither table grows without end. */
export class IdentitySweeper implements BackgroundTask {
  private readonly task: PeriodicTask<{ sessions: number; tokens: number }>;

  constructor(
    private readonly deps: SubgraphDeps,
    intervalMs = 10 * 60 * 1000,
  ) {
    this.task = new PeriodicTask({
      name: 'identity sweep',
      intervalMs,
      log: deps.log,
      work: () => this.deleteExpired(),
    });
  }

  start(): Promise<void> {
    return this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** Sweeps now; returns how many sessions and one-time tokens were deleted. */
  sweep(): Promise<{ sessions: number; tokens: number }> {
    return this.task.runNow();
  }

  private async deleteExpired() {
    const db = this.deps.database.db;
    const sessions = await deleteExpiredSessions(db, this.deps.clock);
    const tokens = await deleteExpiredTokens(db, this.deps.clock);
    return { sessions, tokens };
  }
}
