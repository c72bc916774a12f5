import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../kit/db.js';
import { mergeSlot, notRetracted, orderSql, sourceRank } from './source-priority.js';

/**
 * The hourly rollup (health.health_metric_hours): per user, metric type and UTC hour, the count,
 * sum, minimum and maximum of the samples that count once sources are merged (source-priority.ts:
 * the winning source of each 5-minute slot; 12 slots make an hour, so an hour's merged values are
 * its slots' merged values), and the sources present in the hour. healthSeries reads it for every
 * bucket of an hour or longer in zones whose offsets are whole hours (queries.ts). Raw samples
 * stay the source of truth: `npm run health:rollup` rebuilds the rollup from them.
 *
 * It is kept in the transaction that changes what an hour merges to:
 *  - new samples (ingest.ts, device-sync.ts): an hour that held only the incoming source (or
 *    nothing) adds the new samples' aggregates (a source never competes with itself); any other
 *    hour is recomputed from its samples;
 *  - retractions (device-sync.ts): the retracted samples' hours are recomputed;
 *  - a changed source order (source-priority.ts): the user's hours of that type with more than one
 *    source are recomputed (a one-source hour merges to the same values under any order);
 *  - erasure (gdpr.ts) deletes the user's rows.
 * Every writer first takes the user's rollup lock (lockUserRollup), so two transactions never
 * compute one hour from different snapshots: the second waits, and its statements then see the
 * first one's committed samples. ingest.ts relies on it too: it skips stored keys with NOT EXISTS
 * rather than ON CONFLICT, so a writer of samples without the lock could make it fail.
 */

const HOUR_ORIGIN = sql.raw(`timestamptz '2000-01-01 00:00:00+00'`);

/** The UTC hour of an instant expression, independent of the session's TimeZone. */
export const hourOf = (instant: SQL) => sql`date_bin(interval '1 hour', ${instant}, ${HOUR_ORIGIN})`;

/** One hour of one type of one user, as recomputeHours takes it. */
export interface RollupHour {
  metricType: string;
  /** Any instant in the hour. */
  at: Date;
}

/**
 * Serialises the rollup's writers for one user until the transaction ends. Must run as its own
 * statement before the writer's statements, so they take their snapshots after the wait.
 */
export async function lockUserRollup(tx: Executor, userId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('health.metric_hours'), hashtext(${userId}))`);
}

/**
 * CTEs to follow a `written` CTE of freshly inserted samples of one user (columns metric_type,
 * source, value, recorded_date): the additive upsert for hours that hold only the incoming
 * source, and `rollup_pending(metric_type, hour_start)`, the hours it could not add to, which the
 * caller passes to recomputeHours in a later statement (one that sees the inserted samples).
 */
export function addWrittenSamples(userId: string): SQL {
  return sql`written_hours AS (
      SELECT w.metric_type, ${hourOf(sql`w.recorded_date`)} AS hour_start,
        count(*)::int AS n, sum(w.value) AS s, min(w.value) AS lo, max(w.value) AS hi,
        array_agg(DISTINCT w.source ORDER BY w.source) AS sources
      FROM written w GROUP BY 1, 2
    ),
    rollup_added AS (
      INSERT INTO health.health_metric_hours AS h
        (user_id, metric_type, hour_start, sample_count, value_sum, value_min, value_max, sources)
      SELECT ${userId}::uuid, wh.metric_type, wh.hour_start, wh.n, wh.s, wh.lo, wh.hi, wh.sources
      FROM written_hours wh WHERE cardinality(wh.sources) = 1
      ON CONFLICT (user_id, metric_type, hour_start) DO UPDATE SET
        sample_count = h.sample_count + excluded.sample_count,
        value_sum = h.value_sum + excluded.value_sum,
        value_min = least(h.value_min, excluded.value_min),
        value_max = greatest(h.value_max, excluded.value_max)
      WHERE h.sources = excluded.sources
      RETURNING h.metric_type, h.hour_start
    ),
    rollup_pending AS (
      SELECT wh.metric_type, wh.hour_start FROM written_hours wh
      WHERE NOT EXISTS (
        SELECT 1 FROM rollup_added a WHERE a.metric_type = wh.metric_type AND a.hour_start = wh.hour_start
      )
    )`;
}

/**
 * The merged aggregates per (user, type, hour) of the samples `samples` selects (a FROM ... WHERE
 * producing rows of health_metrics aliased m): what a rollup row holds.
 */
function mergedHours(samples: SQL): SQL {
  return sql`SELECT s.user_id, s.metric_type, ${hourOf(sql`s.recorded_date`)} AS hour_start,
      count(*) FILTER (WHERE s.standing = 1)::int AS sample_count,
      sum(s.value) FILTER (WHERE s.standing = 1) AS value_sum,
      min(s.value) FILTER (WHERE s.standing = 1) AS value_min,
      max(s.value) FILTER (WHERE s.standing = 1) AS value_max,
      array_agg(DISTINCT s.source ORDER BY s.source) AS sources
    FROM (
      SELECT m.user_id, m.metric_type, m.recorded_date, m.value, m.source,
        rank() OVER (
          PARTITION BY m.user_id, m.metric_type, ${mergeSlot('m')}
          ORDER BY ${sourceRank('m', orderSql(sql`m.user_id`, sql`m.metric_type`))}, m.source
        ) AS standing
      ${samples}
    ) s
    GROUP BY 1, 2, 3`;
}

const UPSERT_HOURS = sql`ON CONFLICT (user_id, metric_type, hour_start) DO UPDATE SET
    sample_count = excluded.sample_count, value_sum = excluded.value_sum,
    value_min = excluded.value_min, value_max = excluded.value_max, sources = excluded.sources`;

/**
 * Recomputes the given hours of one user from their samples (in the caller's transaction, after
 * lockUserRollup): rewrites each hour's row, or deletes it when no sample is left.
 */
export async function recomputeHours(
  tx: Executor,
  userId: string,
  hours: readonly RollupHour[],
): Promise<void> {
  if (hours.length === 0) return;
  const keys = JSON.stringify(hours.map((h) => ({ t: h.metricType, a: h.at.toISOString() })));
  await tx.execute(sql`WITH k AS (
      SELECT DISTINCT k.t AS metric_type, ${hourOf(sql`k.a`)} AS hour_start
      FROM jsonb_to_recordset(${keys}::jsonb) AS k(t varchar, a timestamptz)
    ),
    fresh AS (
      ${mergedHours(sql`FROM k JOIN health.health_metrics m
        ON m.user_id = ${userId}::uuid AND m.metric_type = k.metric_type
        AND m.recorded_date >= k.hour_start AND m.recorded_date < k.hour_start + interval '1 hour'
      WHERE ${notRetracted('m')}`)}
    ),
    emptied AS (
      DELETE FROM health.health_metric_hours h USING k
      WHERE h.user_id = ${userId}::uuid AND h.metric_type = k.metric_type AND h.hour_start = k.hour_start
        AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.metric_type = k.metric_type AND f.hour_start = k.hour_start)
    )
    INSERT INTO health.health_metric_hours
      (user_id, metric_type, hour_start, sample_count, value_sum, value_min, value_max, sources)
    SELECT * FROM fresh
    ${UPSERT_HOURS}`);
}

/** After a change of the user's source order for a type: every hour where sources compete. */
export async function recomputeMixedHours(tx: Executor, userId: string, metricType: string): Promise<void> {
  const mixed = await rows<{ hour_start: Date | string }>(
    tx,
    sql`SELECT hour_start FROM health.health_metric_hours
        WHERE user_id = ${userId}::uuid AND metric_type = ${metricType} AND cardinality(sources) > 1`,
  );
  await recomputeHours(
    tx,
    userId,
    mixed.map((r) => ({ metricType, at: new Date(r.hour_start) })),
  );
}

/**
 * Recreates the rollup from the samples: of the given users, or of everyone, in one transaction
 * (readers see the old rows or the new ones, never a half-built rollup). The SQL function
 * health.rebuild_metric_hours (migration 0013) does it, so scripts that write samples past the
 * subgraph call the same code; rollup.test.ts proves it agrees with the writers' merge. Returns
 * the hours written.
 */
export async function rebuildRollup(db: Executor, userIds: readonly string[] | null = null): Promise<number> {
  if (userIds !== null && userIds.length === 0) return 0;
  const users =
    userIds === null
      ? sql`NULL::uuid[]`
      : sql`ARRAY[${sql.join(
          userIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}]::uuid[]`;
  const [row] = await rows<{ n: number }>(db, sql`SELECT health.rebuild_metric_hours(${users}) AS n`);
  return Number(row?.n ?? 0);
}
