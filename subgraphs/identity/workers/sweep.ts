import { type Across, PeriodicTask } from '../../../kit/periodic.js';
import type { SubgraphDeps } from '../../../kit/subgraph.js';
import { deleteExpiredSessions } from '../sessions.js';
import { deleteExpiredTokens } from '../tokens.js';

/** Deletes expired sessions and one-time tokens now and then, so neither table grows without end. */
export class IdentitySweeper extends PeriodicTask<{ sessions: number; tokens: number }> {
  /** `across`: the subgraph's period claims, so one replica sweeps each period. */
  constructor(deps: SubgraphDeps, across: Across, intervalMs = 10 * 60 * 1000) {
    super({ name: 'identity.sweep', intervalMs, across, log: deps.log, work: () => deleteExpired(deps) });
  }

  /** Sweeps now; returns how many sessions and one-time tokens were deleted. */
  sweep(): Promise<{ sessions: number; tokens: number }> {
    return this.runNow();
  }
}

async function deleteExpired(deps: SubgraphDeps) {
  const sessions = await deleteExpiredSessions(deps.database.db, deps.clock);
  const tokens = await deleteExpiredTokens(deps.database.db, deps.clock);
  return { sessions, tokens };
}
