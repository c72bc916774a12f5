import type { Database } from '../../../kit/db.js';
import type { Logger } from '../../../kit/log.js';
import { PeriodicTask } from '../../../kit/periodic.js';
import { flushContentViews } from '../items.js';

/** Adds the pending rows of content_views to content_items.view_count, every second by default. */
export class ViewCounterFlusher extends PeriodicTask<number> {
  constructor(database: Database, log?: Logger, intervalMs = 1000) {
    // Every replica flushes: each batch of view rows is taken with FOR UPDATE SKIP LOCKED.
    super({
      name: 'content.view-counter',
      intervalMs,
      across: 'every-replica',
      log,
      work: () => flushContentViews(database),
    });
  }

  /** Adds every pending view now; returns how many. Calls in one process never overlap. */
  flush(): Promise<number> {
    return this.runNow();
  }
}
