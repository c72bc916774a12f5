import { hostname } from 'node:os';
import { and, eq, lt, sql } from 'drizzle-orm';
import { type PgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Database } from './db.js';

/**
 * One row per period of a scheduled task that some replica ran: the claim and the record in one.
 * The primary key (task, period) is what lets one replica, and only one, run each period.
 */
export function periodicRunsTable(schema: PgSchema) {
  return schema.table(
    'periodic_runs',
    {
      task: text('task').notNull(),
      /** The start of the period, `floor(now / interval) * interval` on the claiming replica's clock. */
      periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
      /** Which process ran it: `<host>:<pid>`. */
      replica: text('replica').notNull(),
      startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
      /** Unset while it runs, and for good when the replica died during the run. */
      finishedAt: timestamp('finished_at', { withTimezone: true }),
      outcome: text('outcome').$type<'ok' | 'failed'>(),
    },
    (t) => [primaryKey({ columns: [t.task, t.periodStart] })],
  );
}
export type PeriodicRunsTable = ReturnType<typeof periodicRunsTable>;

/** Runs older than this many periods (and older than a week) are deleted when a period is claimed. */
const KEEP_PERIODS = 100;
const KEEP_MS = 7 * 24 * 3600 * 1000;

/**
 * Claims of scheduled periods in a subgraph's `periodic_runs` table, so a task scheduled in every
 * replica runs once per period across them (kit/periodic.ts, `across`). A claim is an insert of the
 * (task, period) row: the first replica's insert wins, the others' find the row and skip. Nothing
 * is held between periods, so there is no leader to lose: when the replica that ran a period dies,
 * whichever replica ticks first in the next period runs it. A period whose run died half way is not
 * run again; the next period's run does its work (every claimed task catches up on what is due).
 */
export class PeriodClaims {
  constructor(
    private readonly database: Database,
    private readonly table: PeriodicRunsTable,
    /** How this process names itself in the rows. */
    readonly replica = `${hostname()}:${process.pid}`,
  ) {}

  /** True when this replica won the period and must run it; old rows of the task are pruned then. */
  async claim(task: string, periodStart: Date, intervalMs: number): Promise<boolean> {
    const { table } = this;
    const claimed = await this.database.db
      .insert(table)
      .values({ task, periodStart, replica: this.replica })
      .onConflictDoNothing()
      .returning({ task: table.task });
    if (claimed.length === 0) return false;
    const keepFrom = new Date(periodStart.getTime() - Math.max(KEEP_PERIODS * intervalMs, KEEP_MS));
    await this.database.db.delete(table).where(and(eq(table.task, task), lt(table.periodStart, keepFrom)));
    return true;
  }

  /** Records how the claimed period's run ended. */
  async finish(task: string, periodStart: Date, outcome: 'ok' | 'failed'): Promise<void> {
    const { table } = this;
    await this.database.db
      .update(table)
      .set({ finishedAt: sql`now()`, outcome })
      .where(and(eq(table.task, task), eq(table.periodStart, periodStart)));
  }
}
