import { sql } from 'drizzle-orm';
import { type Database, rows } from '../../../kit/db.js';
import type { Logger } from '../../../kit/log.js';
import { type Across, PeriodicTask } from '../../../kit/periodic.js';

/**
 * Rebuilds the search's common words and their rank lists once a day
 * (`content.refresh_search_terms`, migration 0006): a word that became common gets a list, one
 * that no longer is loses it, and lists grown by new items are cut back to their best items.
 * Between runs the lists stay exact (a trigger keeps them); only which words have one ages.
 * `across`: the subgraph's period claims, so one replica rebuilds each day.
 */
export class SearchTermsRefresher extends PeriodicTask<number> {
  constructor(database: Database, log: Logger | undefined, across: Across, intervalMs = 24 * 60 * 60 * 1000) {
    super({
      name: 'content.search-terms',
      intervalMs,
      across,
      log,
      work: async () => {
        const [row] = await rows<{ words: number }>(
          database.db,
          sql`select content.refresh_search_terms() as words`,
        );
        return Number(row?.words ?? 0);
      },
    });
  }

  /** Rebuilds now; returns the number of common words. */
  refresh(): Promise<number> {
    return this.runNow();
  }
}
