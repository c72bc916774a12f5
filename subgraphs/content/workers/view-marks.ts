import { PeriodicTask } from '../../../kit/periodic.js';
import type { SubgraphDeps } from '../../../kit/subgraph.js';
import { deleteOldViewMarks } from '../view-marks.js';

/** Sweeps view marks of earlier days every hour, so they never pile up. */
export class ViewMarkSweeper extends PeriodicTask<number> {
  constructor(deps: SubgraphDeps, intervalMs = 60 * 60 * 1000) {
    super({
      name: 'content.view-marks',
      intervalMs,
      log: deps.log,
      work: () => deleteOldViewMarks(deps),
    });
  }

  /** Sweeps now; returns how many marks were deleted. */
  sweep(): Promise<number> {
    return this.runNow();
  }
}
