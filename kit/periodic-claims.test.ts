import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, rows } from './db.js';
import { PeriodicTask } from './periodic.js';
import { PeriodClaims, periodicRunsTable } from './periodic-claims.js';

// A scratch schema with the kit's own table: this tests the kit, not a subgraph.
const schemaName = `periodic_test_${randomBytes(4).toString('hex')}`;
const table = periodicRunsTable(pgSchema(schemaName));
const ddl = `create schema if not exists ${schemaName};
  create table ${schemaName}.periodic_runs (task text not null, period_start timestamptz not null,
    replica text not null, started_at timestamptz not null default now(), finished_at timestamptz,
    outcome text, primary key (task, period_start));`;

let database: Database;
beforeAll(async () => {
  database = process.env.DATABASE_URL
    ? await createDatabase({ url: process.env.DATABASE_URL, poolMax: 4 })
    : await createDatabase({ pglite: await PGlite.create() });
  await database.exec(ddl);
}, 60_000);
afterAll(async () => {
  await database?.exec(`drop schema if exists ${schemaName} cascade`);
  await database?.close();
});

/** A task named `name` as one replica schedules it, counting its own runs. */
function replica(name: string, replicaName: string, intervalMs: number, fail = false) {
  const state = { runs: 0 };
  const task = new PeriodicTask({
    name,
    intervalMs,
    across: new PeriodClaims(database, table, replicaName),
    firstRun: 'soon',
    work: async () => {
      state.runs++;
      await sleep(5);
      if (fail) throw new Error('provider down');
    },
  });
  return { state, task };
}

type Row = { replica: string; period_start: Date; outcome: string | null; finished: boolean };
const runsOf = (task: string) =>
  rows<Row>(
    database.db,
    sql`select replica, period_start, outcome, finished_at is not null as finished from ${table}
         where ${table.task} = ${task} order by period_start`,
  );

describe('PeriodicTask with period claims', () => {
  it('runs once per period across three replicas, each run recorded with its replica and outcome', async () => {
    const name = `once_${randomBytes(3).toString('hex')}`;
    const replicas = ['a', 'b', 'c'].map((r) => replica(name, r, 150));
    await Promise.all(replicas.map((r) => r.task.start()));
    await sleep(1600);
    await Promise.all(replicas.map((r) => r.task.stop()));
    const recorded = await runsOf(name);
    const runs = replicas.reduce((sum, r) => sum + r.state.runs, 0);
    // About ten periods passed: one run each, never three.
    expect(runs).toBeGreaterThanOrEqual(6);
    expect(runs).toBeLessThanOrEqual(12);
    expect(recorded).toHaveLength(runs);
    expect(recorded.every((row) => row.finished && row.outcome === 'ok')).toBe(true);
    const periods = recorded.map((row) => new Date(row.period_start).getTime());
    expect(periods.every((start) => start % 150 === 0)).toBe(true);
    for (const r of ['a', 'b', 'c']) {
      expect(recorded.filter((row) => row.replica === r)).toHaveLength(
        replicas[['a', 'b', 'c'].indexOf(r)]!.state.runs,
      );
    }
  });

  it('goes on in the other replica when the one that ran stops', async () => {
    const name = `takeover_${randomBytes(3).toString('hex')}`;
    const [first, second] = [replica(name, 'first', 100), replica(name, 'second', 100)];
    await first.task.start();
    await sleep(350);
    await second.task.start();
    await first.task.stop();
    const stoppedAt = Date.now();
    await sleep(450);
    await second.task.stop();
    const after = (await runsOf(name)).filter((row) => new Date(row.period_start).getTime() > stoppedAt);
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(after.every((row) => row.replica === 'second')).toBe(true);
  });

  it('records a failed run as failed and tries the next period', async () => {
    const name = `failing_${randomBytes(3).toString('hex')}`;
    const failing = replica(name, 'only', 100, true);
    await failing.task.start();
    await sleep(450);
    await failing.task.stop();
    const recorded = await runsOf(name);
    expect(recorded.length).toBeGreaterThanOrEqual(2);
    expect(recorded.every((row) => row.outcome === 'failed')).toBe(true);
  });

  it('runNow is an explicit pass: never claimed, never recorded', async () => {
    const name = `manual_${randomBytes(3).toString('hex')}`;
    const manual = replica(name, 'only', 60_000);
    await manual.task.runNow();
    await manual.task.runNow();
    expect(manual.state.runs).toBe(2);
    expect(await runsOf(name)).toEqual([]);
  });
});
