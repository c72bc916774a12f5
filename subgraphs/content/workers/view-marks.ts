import { type Across, PeriodicTask } from '../../../kit/periodic.js';
import type { SubgraphDeps } from '../../../kit/subgraph.js';
import { deleteOldViewMarks } from '../view-marks.js';

/** Sweeps view marks of earlier days every hour, so they never pile up. */
export class ViewMarkSweeper extends PeriodicTask<number> {
  /** `across`: the subgraph's period claims, so one replica sweeps each period. */
  constructor(deps: SubgraphDeps, across: Across, intervalMs = 60 * 60 * 1000) {
    super({
      name: 'content.view-marks',
      intervalMs,
      across,
      log: deps.log,
      work: () => deleteOldViewMarks(deps),
    });
  }

  /** Sweeps now; returns how many marks were deleted. */
  sweep(): Promise<number> {
    return this.runNow();
  }
}
