import type { BackgroundTask, SubgraphDeps } from '../../kit/subgraph.js';
import { deleteExpiredSessions } from './sessions.js';
import { deleteExpiredTokens } from './tokens.js';

/** Deletes expired sessions and one-time tokens now and then, so neither table grows without end. */
export class IdentitySweeper implements BackgroundTask {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: SubgraphDeps,
    private readonly intervalMs = 10 * 60 * 1000,
  ) {}

  start() {
    this.timer = setInterval(() => {
      this.sweep().catch((error) => this.deps.log.warn({ err: error }, 'identity sweep failed; will retry'));
    }, this.intervalMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async sweep() {
    const db = this.deps.database.db;
    const sessions = await deleteExpiredSessions(db, this.deps.clock);
    const tokens = await deleteExpiredTokens(db, this.deps.clock);
    return { sessions, tokens };
  }
}
