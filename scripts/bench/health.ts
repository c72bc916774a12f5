import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IDENTITY_HEADER } from '../../kit/identity-header.js';
import { statementsOf } from './subgraph-statements.js';
import { type BenchContext, type BenchResult, latencySummary, skipped, timeSamples } from './report.js';
import {
  callSubgraph,
  estimatedRows,
  executionMs,
  explain,
  identityFor,
  planSummary,
  scaleClient,
  unseededReason,
} from './scale-data.js';

/**
 * The health benchmarks of the performance issue, on the scale database:
 *  - ingest: samples/s through recordHealthMetrics at the health subgraph (5,000 a call, signed
 *    identity header as the gateway sends it) against raw COPY of as many rows into the same
 *    partitioned table, with every index, the unique sample key and the foreign key;
 *  - time series: healthSeries with DAY buckets over random 30-day windows for one user, at the
 *    subgraph, on the samples seed:scale wrote, with the partitions the query's plan scans.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;
const BATCH = 5_000;
const INGEST_BATCHES = 20;
const SERIES_REQUESTS = 300;
/** Below this the time-series numbers would describe an empty table, not the seeded one. */
export const MIN_SEEDED_METRICS = 1_000_000;

const RECORD = `mutation BenchRecord($input: [HealthMetricInput!]!) {
  recordHealthMetrics(input: $input) { accepted duplicates errors { index message } }
}`;

function heartRateSamples(base: number, offset: number) {
  return Array.from({ length: BATCH }, (_, i) => ({
    metricType: 'HEART_RATE',
    value: 60 + ((i * 7 + offset) % 50),
    unit: 'bpm',
    source: 'GOOGLE_FIT',
    sourceDevice: 'Pixel Watch 2',
    recordedAt: new Date(base + i * MINUTE).toISOString(),
  }));
}

export async function measureIngest(context: BenchContext): Promise<BenchResult> {
  const name = 'ingest';
  const title = 'Health metric ingest';
  const environment = await context.environment();
  const batches = Math.min(INGEST_BATCHES, Math.floor(environment.users.length / 2));
  if (batches < 1) return skipped(name, title, 'needs at least 2 signed-up bench users (--users)');
  const sql = scaleClient(environment.databaseUrl);
  const url = environment.subgraphUrls.health as string;
  // Fresh users of this run: their samples collide with nothing and are removed afterwards.
  const mutationUsers = environment.users.slice(0, batches);
  const copyUsers = environment.users.slice(batches, 2 * batches);
  const ids = [...mutationUsers, ...copyUsers].map((u) => u.id);
  try {
    const tableRows = await estimatedRows(sql, 'health.health_metrics');
    const now = Date.now();
    const baseOf = (b: number) => now - (b + 1) * BATCH * MINUTE - 30_000;
    // One warm-up call (not timed), so the first measured call does not pay for JIT and pools.
    await callSubgraph(
      url,
      RECORD,
      { input: heartRateSamples(now - 400 * DAY, 0).slice(0, 500) },
      {
        [IDENTITY_HEADER]: (mutationUsers[0] as (typeof mutationUsers)[number]).identityHeader,
      },
    );
    let mutationMs = 0;
    let accepted = 0;
    for (const [b, user] of mutationUsers.entries()) {
      const input = heartRateSamples(baseOf(b), b);
      const started = performance.now();
      const data = await callSubgraph(url, RECORD, { input }, { [IDENTITY_HEADER]: user.identityHeader });
      mutationMs += performance.now() - started;
      if (data.recordHealthMetrics.errors.length > 0)
        throw new Error(
          `recordHealthMetrics refused samples: ${JSON.stringify(data.recordHealthMetrics.errors[0])}`,
        );
      accepted += data.recordHealthMetrics.accepted;
    }

    // COPY of the same number of rows, same shape, into the same table.
    async function* lines() {
      for (const [b, user] of copyUsers.entries()) {
        const rows = heartRateSamples(baseOf(b) - 15_000, b).map(
          (s) => `${user.id}\theart_rate\t${s.value}\tbpm\tgoogle_fit\tPixel Watch 2\t${s.recordedAt}\n`,
        );
        yield rows.join('');
      }
    }
    const copyStarted = performance.now();
    const writable =
      await sql`COPY health.health_metrics (user_id, metric_type, value, unit, source, source_device, recorded_date) FROM STDIN`.writable();
    await pipeline(Readable.from(lines()), writable);
    const copyMs = performance.now() - copyStarted;
    const copyRows = copyUsers.length * BATCH;

    const mutationRate = (batches * BATCH) / (mutationMs / 1000);
    const copyRate = copyRows / (copyMs / 1000);
    return {
      name,
      title,
      columns: ['path', 'rows', 'seconds', 'rows/s', 'ms per 5,000'],
      rows: [
        [
          `recordHealthMetrics at the subgraph, ${batches} calls x 5,000`,
          batches * BATCH,
          mutationMs / 1000,
          mutationRate,
          mutationMs / batches,
        ],
        [
          'COPY of as many rows into the same table',
          copyRows,
          copyMs / 1000,
          copyRate,
          copyMs / copyUsers.length,
        ],
      ],
      ratios: [
        {
          label: 'recordHealthMetrics / COPY, rows/s',
          value: mutationRate / copyRate,
          // The hourly rollup is kept in the same statement (subgraphs/health/rollup.ts).
          goal: { op: '>=', target: 0.5 },
        },
      ],
      notes: [
        `health.health_metrics held about ${tableRows.toLocaleString('en-US')} rows (planner estimate) when the run started; ${accepted.toLocaleString('en-US')} samples accepted`,
        "the run's samples are deleted afterwards, so the seeded table stays as seed:scale wrote it",
      ],
    };
  } finally {
    await sql`DELETE FROM health.health_metrics WHERE user_id = ANY(${ids}::uuid[])`.catch(() => {});
    await sql`DELETE FROM health.health_metric_hours WHERE user_id = ANY(${ids}::uuid[])`.catch(() => {});
    await sql.end();
  }
}

const SERIES = `query BenchSeries($r: [_Any!]!, $from: DateTime, $to: DateTime, $days: LocalDateRange, $bucket: TimeBucket!, $tz: TimeZone!) {
  _entities(representations: $r) { ... on User {
    healthSeries(metricType: STEPS, from: $from, to: $to, days: $days, bucket: $bucket, timeZone: $tz) { start count sum avg min max }
  } }
}`;

/**
 * The series shapes measured: DAY over 30 days and WEEK over two years from the hourly rollup
 * (Europe/Berlin's offsets are whole hours), and DAY over 30 days in a zone whose hours start at
 * half past (Asia/Kolkata), which the rollup cannot answer: the merged samples, as before it.
 */
const SHAPES = [
  { label: 'DAY, 30 days', bucket: 'DAY', tz: 'Europe/Berlin', days: 30, calendar: false, goal: 3 },
  { label: 'DAY, 30 local days', bucket: 'DAY', tz: 'Europe/Berlin', days: 30, calendar: true, goal: 3 },
  { label: 'WEEK, 2 years', bucket: 'WEEK', tz: 'Europe/Berlin', days: 720, calendar: false, goal: 10 },
  {
    label: 'DAY, 30 days, Asia/Kolkata (samples)',
    bucket: 'DAY',
    tz: 'Asia/Kolkata',
    days: 30,
    calendar: false,
    goal: null,
  },
] as const;

export async function measureTimeSeries(context: BenchContext): Promise<BenchResult> {
  const name = 'time-series';
  const title = 'Health time series';
  const environment = await context.environment();
  const sql = scaleClient(environment.databaseUrl);
  try {
    const reason = await unseededReason(sql, 'health.health_metrics', MIN_SEEDED_METRICS);
    if (reason) return skipped(name, title, reason);
    const now = Date.now();
    // The users with the most step samples in the last 30 days: a dedicated tracker (5-minute
    // steps) and the busiest watch wearer after it (hourly steps).
    const heaviest = await sql<{ user_id: string; n: number }[]>`
      select user_id, count(*)::int as n from health.health_metrics
       where metric_type = 'steps' and recorded_date >= ${new Date(now - 30 * DAY)}
       group by 1 order by 2 desc limit 2`;
    const rows: (string | number | null)[][] = [];
    const notes: string[] = [];
    const ratios: BenchResult['ratios'] = [];
    let partitions = 0;
    const url = environment.subgraphUrls.health as string;
    for (const [i, { user_id: userId }] of heaviest.entries()) {
      const [range] = await sql<{ first: Date; total: number }[]>`
        select min(recorded_date) as first, count(*)::int as total from health.health_metrics
         where user_id = ${userId} and metric_type = 'steps'`;
      const first = Math.max(new Date(range!.first).getTime(), now - 720 * DAY);
      const spanDays = Math.max(31, Math.floor((now - first) / DAY));
      const headers = identityFor(userId, environment.secret);
      // The densest user gets every shape; the next one the 30-day DAY series.
      for (const shape of i === 0 ? SHAPES : SHAPES.slice(0, 1)) {
        const windowOf = () => {
          const days = Math.min(shape.days, spanDays);
          const from = now - days * DAY - Math.floor(Math.random() * Math.max(1, spanDays - days)) * DAY;
          return { from: new Date(from), to: new Date(from + days * DAY) };
        };
        let buckets = 0;
        // Instants cut anywhere in an hour (the edges come from the samples), or whole local days
        // (the `days` argument, as a calendar chart asks; whole hours: the rollup alone answers).
        const variablesOf = () => {
          const window = windowOf();
          const range = shape.calendar
            ? {
                days: {
                  from: window.from.toISOString().slice(0, 10),
                  to: new Date(window.to.getTime() - DAY).toISOString().slice(0, 10),
                },
              }
            : { from: window.from.toISOString(), to: window.to.toISOString() };
          return { r: [{ __typename: 'User', id: userId }], ...range, bucket: shape.bucket, tz: shape.tz };
        };
        const samples = await timeSamples(
          async () => {
            const data = await callSubgraph(url, SERIES, variablesOf(), headers);
            buckets = data._entities[0].healthSeries.length;
          },
          { iterations: SERIES_REQUESTS, warmup: 20 },
        );
        const summary = latencySummary(samples);
        rows.push([
          i === 0 ? 'densest user (5-minute steps)' : 'next densest (hourly steps)',
          shape.label,
          range!.total,
          buckets,
          summary.count,
          summary.p50Ms,
          summary.p90Ms,
          summary.p99Ms,
          summary.maxMs,
        ]);
        if (i === 0 && shape.goal !== null) {
          ratios.push({
            label: `healthSeries ${shape.label}, densest user, p50 ms`,
            value: summary.p50Ms,
            goal: { op: '<=', target: shape.goal },
          });
        }
      }
      if (i === 0) {
        // The statement the subgraph's loader sends, for the most recent full 30 days.
        const statements = await statementsOf(
          'health',
          environment.databaseUrl,
          {
            query: SERIES,
            variables: {
              r: [{ __typename: 'User', id: userId }],
              from: new Date(now - 30 * DAY).toISOString(),
              to: new Date(now).toISOString(),
              bucket: 'DAY',
              tz: 'Europe/Berlin',
            },
          },
          userId,
        );
        const query = statements.find((statement) => statement.query.includes('health_metric'));
        if (!query) throw new Error('the health subgraph sent no statement on the samples or their rollup');
        // As the subgraph runs it once the prepared statement has gone generic: partitions are
        // then pruned when the executor starts, not at plan time.
        const plan = await explain(sql, { sql: query.query, params: query.params }, true);
        const shape = planSummary(plan);
        const scanned = shape.relations.filter((relation) => /^health_metric(s|_hours)_\d/.test(relation));
        // Per table: the rollup's months for the whole hours, the samples' months for the edges.
        const perTable = (prefix: RegExp) => new Set(scanned.filter((r) => prefix.test(r))).size;
        partitions = Math.max(perTable(/^health_metric_hours_/), perTable(/^health_metrics_/));
        notes.push(
          `EXPLAIN of the loader's statement (generic plan), DAY over the last 30 days (${query.query.includes('health_metric_hours') ? 'hourly rollup' : 'samples'}): ${new Set(scanned).size} partition(s) scanned (${[...new Set(scanned)].join(', ')}) via ${shape.nodes.join(' + ')} on ${shape.indexes.join(', ')}; execution ${executionMs(plan)} ms`,
        );
      }
    }
    notes.push(
      `at the health subgraph over HTTP with a signed identity header, random windows in the user's history, ${SERIES_REQUESTS} requests after 20 warm-up per shape; health.health_metrics holds about ${(await estimatedRows(sql, 'health.health_metrics')).toLocaleString('en-US')} rows, health.health_metric_hours about ${(await estimatedRows(sql, 'health.health_metric_hours')).toLocaleString('en-US')}`,
    );
    return {
      name,
      title,
      columns: [
        'user',
        'series',
        'step samples',
        'buckets',
        'requests',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
      ],
      rows,
      ratios: [
        ...ratios,
        {
          label: 'partitions scanned per table for a 30-day window',
          value: partitions,
          goal: { op: '<=', target: 2 },
        },
      ],
      notes,
    };
  } finally {
    await sql.end();
  }
}
