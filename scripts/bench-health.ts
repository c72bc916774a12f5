import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { createDatabase } from '../kit/db.js';
import { loadEnv } from '../kit/env.js';
import { signIdentity } from '../kit/identity-header.js';
import { migrateSubgraphs } from '../kit/migrate.js';
import { createRuntime } from '../kit/runtime.js';
import { serveSubgraph } from '../kit/subgraph.js';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';
import { createSubgraph } from '../subgraphs/health/server.js';
import { withDatabaseName } from '../testkit/database.js';

/**
 * Health benchmarks (a script, not a test), against PostgreSQL (DATABASE_URL):
 *  1. bulk load: raw COPY into health.health_metrics (the partitioned table with every index)
 *  2. ingest through recordHealthMetrics at the subgraph (5,000 samples a call) vs COPY of the
 *     same number of rows
 *  3. healthSeries DAY buckets over 30 days for one user, p50/p99 at the subgraph, on that table
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:health -- --rows 10000000
 *
 * Flags: --rows N (default 1,000,000; the bench user's dense rows count towards it), --users N
 * (default 1,000), --ingest-batches N (default 20), --series-requests N (default 300),
 * --keep (leave the database for inspection). A fresh database is created for each run.
 */
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const TOTAL_ROWS = flag('rows', 1_000_000);
const USERS = flag('users', 1_000);
const INGEST_BATCHES = flag('ingest-batches', 20);
const SERIES_REQUESTS = flag('series-requests', 300);
const KEEP = args.includes('--keep');
const DAY_MS = 86_400_000;
const SPAN_DAYS = 720;

const env = loadEnv();
if (!env.DATABASE_URL) throw new Error('bench-health needs DATABASE_URL (PostgreSQL)');
const name = `bench_health_${randomBytes(4).toString('hex')}`;
const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${name}`);
const url = withDatabaseName(env.DATABASE_URL, name);
const log = (...parts: unknown[]) => console.error(new Date().toISOString().slice(11, 19), ...parts);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

try {
  const migrateDb = await createDatabase({ url, poolMax: 1 });
  await migrateSubgraphs(migrateDb, SUBGRAPH_NAMES);
  await migrateDb.close();
  const sql = postgres(url, { max: 4, onnotice: () => {} });

  // Users: plain rows in identity.users (the foreign key target); the first is the bench user.
  const userIds = Array.from({ length: USERS }, () => randomUUID());
  for (let i = 0; i < userIds.length; i += 1000) {
    const slice = userIds.slice(i, i + 1000).map((id, j) => ({
      id,
      email: `bench${i + j}@example.com`,
      username: `bench_${i + j}`,
    }));
    await sql`INSERT INTO identity.users ${sql(slice, 'id', 'email', 'username')}`;
  }
  const benchUser = userIds[0]!;
  const now = Date.now();
  const spanStart = now - SPAN_DAYS * DAY_MS;

  // The bench user wears a tracker: steps every 5 minutes for the whole span (a dense series);
  // everyone else shares the remaining rows, spread evenly over the span.
  const denseRows = Math.min(TOTAL_ROWS, Math.floor((SPAN_DAYS * DAY_MS) / 300_000));
  const sparsePerUser = Math.max(0, Math.floor((TOTAL_ROWS - denseRows) / Math.max(1, USERS - 1)));
  const loaded = denseRows + sparsePerUser * (USERS - 1);

  async function copyRows(rowsOf: () => Generator<string>): Promise<{ rows: number; ms: number }> {
    const started = performance.now();
    const stream =
      await sql`COPY health.health_metrics (user_id, metric_type, value, unit, source, recorded_date) FROM STDIN`.writable();
    let count = 0;
    let buffer = '';
    for (const line of rowsOf()) {
      buffer += line;
      count += 1;
      if (buffer.length > 1 << 20) {
        if (!stream.write(buffer)) await new Promise((resolve) => stream.once('drain', resolve));
        buffer = '';
      }
    }
    stream.end(buffer);
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    return { rows: count, ms: performance.now() - started };
  }

  log(
    `COPY ${fmt(loaded)} rows (${fmt(denseRows)} for the bench user, ${fmt(sparsePerUser)} each for ${USERS - 1} others)`,
  );
  const bulk = await copyRows(function* () {
    for (let i = 0; i < denseRows; i++) {
      const at = new Date(spanStart + i * 300_000).toISOString();
      yield `${benchUser}\tsteps\t${(i * 37) % 400}\tcount\tgarmin\t${at}\n`;
    }
    const step = (SPAN_DAYS * DAY_MS) / Math.max(1, sparsePerUser);
    for (let u = 1; u < USERS; u++) {
      const id = userIds[u]!;
      for (let i = 0; i < sparsePerUser; i++) {
        const at = new Date(spanStart + Math.floor(i * step) + u).toISOString();
        yield i % 2 === 0
          ? `${id}\tsteps\t${(i * 53) % 3000}\tcount\tapple_health\t${at}\n`
          : `${id}\theart_rate\t${55 + (i % 60)}\tbpm\tapple_health\t${at}\n`;
      }
    }
  });
  log(`COPY done in ${(bulk.ms / 1000).toFixed(1)} s; ANALYZE`);
  await sql`ANALYZE health.health_metrics`;
  const size = (
    await sql`SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) AS size
    FROM pg_inherits WHERE inhparent = 'health.health_metrics'::regclass`
  )[0]!.size;

  // The health subgraph alone, on a free port, as the gateway would call it (signed identity).
  const runtime = await createRuntime(loadEnv({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }));
  const served = await serveSubgraph(createSubgraph(runtime), 0, '127.0.0.1');
  const endpoint = `${served.url}/graphql`;
  const headerFor = (userId: string) =>
    signIdentity(
      { viewer: { userId, sessionId: 'bench', roles: ['USER'] }, service: null, ip: null },
      runtime.identitySecret,
      { ttlSeconds: 3600 },
    );
  const call = async (userId: string, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fitness-identity': headerFor(userId) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  // Ingest through the mutation: fresh users, 5,000 minute-level heart-rate samples a call.
  const RECORD = `mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { accepted duplicates } }`;
  const ingestUsers = userIds.slice(1, 1 + INGEST_BATCHES);
  let ingestMs = 0;
  let accepted = 0;
  for (const [b, userId] of ingestUsers.entries()) {
    const base = now - (b + 1) * 5000 * 60_000 - 30_000;
    const input = Array.from({ length: 5000 }, (_, i) => ({
      metricType: 'HEART_RATE',
      value: 60 + (i % 50),
      unit: 'bpm',
      source: 'GOOGLE_FIT',
      sourceDevice: 'Pixel Watch',
      recordedDate: new Date(base + i * 60_000).toISOString(),
    }));
    const started = performance.now();
    const data = await call(userId, RECORD, { input });
    ingestMs += performance.now() - started;
    accepted += data.recordHealthMetrics.accepted;
  }
  const ingestRows = INGEST_BATCHES * 5000;
  // COPY of the same number of rows into the same (now large) table, for a like-for-like rate.
  const copySame = await copyRows(function* () {
    for (let b = 0; b < INGEST_BATCHES; b++) {
      const base = now - (b + 1) * 5000 * 60_000 - 45_000;
      const id = userIds[1 + INGEST_BATCHES + b] ?? userIds[1]!;
      for (let i = 0; i < 5000; i++) {
        yield `${id}\theart_rate\t${60 + (i % 50)}\tbpm\tgoogle_fit\t${new Date(base + i * 60_000).toISOString()}\n`;
      }
    }
  });

  // healthSeries: DAY buckets over random 30-day windows of the bench user's 24 months.
  const SERIES = `query($r: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $r) { ... on User {
    healthSeries(metricType: STEPS, from: $from, to: $to, bucket: DAY, timeZone: "Europe/Berlin") { start count sum avg min max }
  } } }`;
  const windowVars = () => {
    const from = spanStart + Math.floor(Math.random() * (SPAN_DAYS - 31)) * DAY_MS;
    return {
      r: [{ __typename: 'User', id: benchUser }],
      from: new Date(from).toISOString(),
      to: new Date(from + 30 * DAY_MS).toISOString(),
    };
  };
  let buckets = 0;
  for (let i = 0; i < 20; i++)
    buckets = (await call(benchUser, SERIES, windowVars()))._entities[0].healthSeries.length;
  const latencies: number[] = [];
  for (let i = 0; i < SERIES_REQUESTS; i++) {
    const vars = windowVars();
    const started = performance.now();
    await call(benchUser, SERIES, vars);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const plan = await sql.unsafe(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT date_trunc('day', recorded_date, 'Europe/Berlin'), count(*), sum(value)
     FROM health.health_metrics WHERE user_id = $1 AND metric_type = 'steps'
       AND recorded_date >= $2 AND recorded_date < $3 GROUP BY 1`,
    [benchUser, new Date(now - 40 * DAY_MS).toISOString(), new Date(now - 10 * DAY_MS).toISOString()],
  );

  await served.stop();
  await runtime.close();
  await sql.end();

  const version = (await admin`SELECT version()`)[0]!.version;
  console.log(`
### Run of ${new Date().toISOString().slice(0, 10)}

\`npm run bench:health -- --rows ${TOTAL_ROWS} --users ${USERS} --ingest-batches ${INGEST_BATCHES} --series-requests ${SERIES_REQUESTS}\`

${String(version).split(',')[0]}; health_metrics after the load: ${fmt(loaded + ingestRows + copySame.rows)} rows, ${size} with indexes.

| measure | result |
| --- | --- |
| bulk COPY of ${fmt(bulk.rows)} rows into the partitioned table | ${(bulk.ms / 1000).toFixed(1)} s, ${fmt(bulk.rows / (bulk.ms / 1000))} rows/s |
| recordHealthMetrics at the subgraph, ${INGEST_BATCHES} calls x 5,000 samples | ${fmt(ingestRows / (ingestMs / 1000))} rows/s (${(ingestMs / INGEST_BATCHES).toFixed(0)} ms per call, ${fmt(accepted)} accepted) |
| COPY of the same ${fmt(copySame.rows)} rows into the loaded table | ${fmt(copySame.rows / (copySame.ms / 1000))} rows/s |
| healthSeries DAY, 30 days, one user (${fmt(denseRows)} rows for that user, ${buckets} buckets), ${SERIES_REQUESTS} requests | p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms |

<details><summary>Plan of the series query (30 days)</summary>

\`\`\`
${plan.map((r: any) => r['QUERY PLAN']).join('\n')}
\`\`\`
</details>
`);
} finally {
  if (!KEEP) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
