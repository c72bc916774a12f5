import { randomBytes, randomUUID } from 'node:crypto';
import { loadEnv } from '../../kit/env.js';
import { IDENTITY_HEADER, signIdentity } from '../../kit/identity-header.js';
import { createDatabase } from '../../kit/db.js';
import { startStack, type Stack } from '../../stack/stack.js';
import {
  postJson,
  prepareDatabase,
  scaleDatabaseUrl,
  signUpUsers,
  unsupportedReason,
} from './environment.js';
import type { Benchmark, BenchResult, Cell, Ratio } from './report.js';

/**
 * Statements per request: an operation run at several sizes (N entities in the response) through
 * the gateway, counting the SQL statements all subgraphs send for it. The goal is a count that
 * does not grow with N: every per-parent field goes through a DataLoader that batches by key.
 *
 * A case creates its data for size N in `setup` (through the public API, as a frontend would,
 * or with SQL for bulk rows) and returns who asks and with which variables. Cases whose
 * operation the supergraph cannot validate yet are skipped with the validation message.
 */
export interface StatementCase {
  name: string;
  query: string;
  sizes: number[];
  /** `gateway` (default): the public API with a session token. `subgraph:<name>`: straight to one subgraph, as the gateway's query planner calls it. */
  via?: 'gateway' | `subgraph:${string}`;
  setup?(api: SetupApi, n: number): Promise<{ token?: string; variables?: Record<string, unknown> }>;
  /** A goal for the best time of the largest size, in ms (printed with the figure). */
  largestMsGoal?: number;
  /** What is wrong with the first response for size N, or null: a count over a wrong answer means nothing. */
  verify?(data: any, n: number): string | null;
}

export interface SetupApi {
  stack: Stack;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<any>;
  /** Signs up `count` users through the gateway; returns their ids and tokens. */
  signUp(count: number): Promise<{ id: string; token: string; username: string }[]>;
  /** Raw SQL on the benchmark database, for bulk data. */
  sql(text: string): Promise<void>;
}

export const STATEMENT_CASES: StatementCase[] = [
  {
    // What the query planner sends identity when another subgraph's list references users.
    name: 'userEntities',
    via: 'subgraph:identity',
    sizes: [10, 100],
    query: `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on User { id username } }
    }`,
    async setup(api, n) {
      const users = await api.signUp(n);
      return { variables: { representations: users.map((u) => ({ __typename: 'User', id: u.id })) } };
    },
  },
  {
    name: 'me',
    sizes: [1],
    query: 'query { me { id username email roles } }',
    async setup(api) {
      const [user] = await api.signUp(1);
      return { token: user?.token };
    },
  },
  {
    // The trainer's dashboard: for each of N clients (who hired the trainer), a 30-day daily steps
    // series, the latest heart rate, the active subscription's plan, habits with streaks and recent
    // workout sessions; identity, training, health and billing each answer their part.
    name: 'trainerDashboard',
    sizes: [10, 100],
    query: `query BenchTrainerDashboard($first: Int!, $from: DateTime!, $to: DateTime!) {
      me {
        trainer {
          clients(first: $first) {
            nodes {
              id
              user { username }
              healthSeries(metricType: STEPS, from: $from, to: $to, bucket: DAY) { start sum }
              latestHealthMetrics(metricTypes: [HEART_RATE]) { value recordedAt }
              activePlan { name }
              habits { nodes { name currentStreak } }
              workoutSessions(first: 5) { nodes { id startedAt } }
            }
          }
        }
      }
    }`,
    setup: trainerDashboardSetup,
    largestMsGoal: 50,
    verify(data, n) {
      const nodes = data?.me?.trainer?.clients?.nodes ?? [];
      if (nodes.length !== n) return `expected ${n} clients, got ${nodes.length}`;
      const incomplete = nodes.filter(
        (c: any) =>
          !c.user?.username ||
          c.healthSeries?.length < 29 ||
          c.latestHealthMetrics?.length !== 1 ||
          !c.activePlan?.name ||
          c.habits?.nodes.length !== 2 ||
          c.habits.nodes.some((h: any) => h.currentStreak !== 7) ||
          c.workoutSessions?.nodes?.length !== 5,
      );
      return incomplete.length > 0 ? `${incomplete.length} clients with missing data` : null;
    },
  },
];

const REPEATS = 9;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Seconds the gateway has spent fetching from each subgraph so far (its fetch histogram's sums). */
async function subgraphFetchSeconds(stack: Stack): Promise<Record<string, number>> {
  const { values } = await stack.gateway.metrics.subgraphFetch.get();
  return Object.fromEntries(
    values
      .filter((value) => value.metricName?.endsWith('_sum'))
      .map((value) => [String(value.labels.subgraph), value.value]),
  );
}

export const statementsBenchmark: Benchmark = {
  name: 'statements',
  title: 'SQL statements per request',
  async run(context) {
    const env = loadEnv();
    const databaseUrl = scaleDatabaseUrl(env);
    await prepareDatabase(databaseUrl);
    const database = await createDatabase({ url: databaseUrl, poolMax: 5 });
    const stackEnv = loadEnv({
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      IDENTITY_HEADER_SECRET: randomBytes(32).toString('base64url'),
      // signUpUsers gives each user a client address of its own, as real sign-ups have.
      TRUST_PROXY_HOPS: '1',
    });
    const stack = await startStack({ env: stackEnv, database, ephemeralPorts: true, migrate: false });
    // Outbox relays poll on a timer; stopped here so only the request's own statements count.
    for (const subgraph of Object.values(stack.subgraphs))
      for (const task of subgraph.background) await task.stop();
    const api: SetupApi = {
      stack,
      gql: (query, variables = {}, token) =>
        postJson(stack.gatewayUrl, { query, variables }, token ? { authorization: `Bearer ${token}` } : {}),
      signUp: (count) => signUpUsers(stack.gatewayUrl, count, stackEnv.IDENTITY_HEADER_SECRET),
      sql: (text) => database.exec(text),
    };
    const rows: Cell[][] = [];
    const ratios: Ratio[] = [];
    const notes: string[] = [
      `statements counted by the database client all subgraphs share in one process (Database.stats.statements), minimum over ${REPEATS} repeats after a warm-up request (the viewer cache and prepared statements are warm); best and median ms over the same repeats`,
    ];
    try {
      for (const testCase of STATEMENT_CASES) {
        const reason = unsupportedReason(
          testCase.via?.startsWith('subgraph:') ? '{ __typename }' : testCase.query,
        );
        if (reason) {
          notes.push(`${testCase.name}: skipped, the supergraph cannot run it yet: ${reason}`);
          continue;
        }
        if (!testCase.setup) {
          notes.push(`${testCase.name}: skipped, no data setup written for it yet`);
          continue;
        }
        const counts: number[] = [];
        for (const n of testCase.sizes) {
          context.log(`statements ${testCase.name} N=${n}`);
          const { token, variables = {} } = await testCase.setup(api, n);
          const send = async () => {
            if (testCase.via?.startsWith('subgraph:')) {
              const name = testCase.via.slice('subgraph:'.length) as keyof typeof stack.subgraphUrls;
              const header = signIdentity(
                { viewer: null, service: 'gateway', ip: null },
                stackEnv.IDENTITY_HEADER_SECRET,
              );
              return postJson(
                stack.subgraphUrls[name],
                { query: testCase.query, variables },
                { [IDENTITY_HEADER]: header },
              );
            }
            return api.gql(testCase.query, variables, token);
          };
          const first = await send();
          if (first.errors?.length) {
            rows.push([testCase.name, n, null, null, null, JSON.stringify(first.errors).slice(0, 200)]);
            continue;
          }
          const wrong = testCase.verify?.(first.data, n);
          if (wrong) {
            rows.push([testCase.name, n, null, null, null, wrong]);
            continue;
          }
          let best = Number.POSITIVE_INFINITY;
          const times: number[] = [];
          const fetchMs: Record<string, number[]> = {};
          for (let repeat = 0; repeat < REPEATS; repeat++) {
            const before = database.stats.statements;
            const fetchesBefore = await subgraphFetchSeconds(stack);
            const start = performance.now();
            await send();
            times.push(performance.now() - start);
            best = Math.min(best, database.stats.statements - before);
            for (const [subgraph, seconds] of Object.entries(await subgraphFetchSeconds(stack))) {
              const ms = (seconds - (fetchesBefore[subgraph] ?? 0)) * 1000;
              fetchMs[subgraph] = [...(fetchMs[subgraph] ?? []), ms];
            }
          }
          const elapsed = Math.min(...times);
          counts.push(best);
          rows.push([testCase.name, n, best, elapsed, median(times), '']);
          const fetches = Object.entries(fetchMs)
            .filter(([, ms]) => median(ms) > 0)
            .map(([subgraph, ms]) => `${subgraph} ${median(ms).toFixed(1)}`);
          if (fetches.length > 0) {
            notes.push(
              `${testCase.name} N=${n}: median ms of the gateway's fetches per subgraph (summed when a subgraph is called more than once): ${fetches.join(', ')}`,
            );
          }
          if (testCase.largestMsGoal !== undefined && n === testCase.sizes.at(-1)) {
            ratios.push({
              label: `${testCase.name}: best ms at N=${n}`,
              value: elapsed,
              goal: { op: '<=', target: testCase.largestMsGoal },
            });
            ratios.push({
              label: `${testCase.name}: median ms at N=${n}`,
              value: median(times),
              goal: { op: '<=', target: testCase.largestMsGoal },
            });
          }
        }
        if (counts.length >= 2) {
          const [small, large] = [counts[0] ?? 0, counts.at(-1) ?? 0];
          ratios.push({
            label: `${testCase.name}: statements at N=${testCase.sizes.at(-1)} / N=${testCase.sizes[0]}`,
            value: small === 0 ? null : large / small,
            goal: { op: '<=', target: 1 },
          });
        }
      }
    } finally {
      await stack.stop();
      await database.close();
    }
    const result: BenchResult = {
      name: 'statements',
      title: 'SQL statements per request',
      columns: ['case', 'N', 'statements', 'best ms', 'median ms', 'error'],
      rows,
      ratios,
      notes,
    };
    return result;
  },
};

/**
 * A verified trainer and N clients who hired them, each with 30 days of daily steps and a heart
 * rate sample (health), an active monthly subscription (billing), two daily habits logged for the
 * last 7 days and 8 completed workouts (training). Accounts go through the public API; the bulk
 * rows are written with SQL into each owning subgraph's tables.
 */
async function trainerDashboardSetup(api: SetupApi, n: number) {
  const [trainerUser, ...clients] = await api.signUp(n + 1);
  if (!trainerUser || clients.length !== n) throw new Error('sign-up failed');
  const trainerId = randomUUID();
  const planId = randomUUID();
  // Generated here, never user input: safe to inline.
  const clientIds = `ARRAY[${clients.map((c) => `'${c.id}'`).join(',')}]::uuid[]`;
  await api.sql(`
    INSERT INTO training.trainers (id, user_id, specializations, certification_level, verified, verified_at)
    VALUES ('${trainerId}', '${trainerUser.id}', '["strength","endurance"]'::jsonb, 'advanced', true, now());
    INSERT INTO training.trainer_clients (trainer_id, user_id, started_at)
    SELECT '${trainerId}', c.id, now() - make_interval(mins => c.ord::int)
    FROM unnest(${clientIds}) WITH ORDINALITY AS c(id, ord);
    -- Health's and billing's copies of the relationships, which coaching events would have filled.
    INSERT INTO health.coaching_relationships (id, trainer_id, trainer_user_id, user_id, started_at)
    SELECT id, trainer_id, '${trainerUser.id}', user_id, started_at FROM training.trainer_clients
    WHERE trainer_id = '${trainerId}';
    INSERT INTO billing.coaching_relationships (id, trainer_id, trainer_user_id, user_id, started_at)
    SELECT id, trainer_id, '${trainerUser.id}', user_id, started_at FROM training.trainer_clients
    WHERE trainer_id = '${trainerId}';
    WITH created AS (
      INSERT INTO training.habits (user_id, name, frequency_per_week)
      SELECT c.id, h.name, 7 FROM unnest(${clientIds}) AS c(id) CROSS JOIN (VALUES ('Walk'), ('Stretch')) AS h(name)
      RETURNING id
    )
    INSERT INTO training.habit_logs (habit_id, logged_date, value, completed)
    SELECT created.id, (now() AT TIME ZONE 'UTC')::date - d, 1, true FROM created CROSS JOIN generate_series(0, 6) AS d;
    INSERT INTO training.workout_sessions (user_id, started_at, completed_at, status, duration_seconds, intensity_level)
    SELECT c.id, now() - make_interval(days => d, hours => 2), now() - make_interval(days => d, hours => 1), 'completed', 3600, 'moderate'
    FROM unnest(${clientIds}) AS c(id) CROSS JOIN generate_series(0, 7) AS d;
    INSERT INTO health.health_metrics (user_id, metric_type, value, unit, source, recorded_date)
    SELECT c.id, 'steps', 4000 + (random() * 8000)::int, 'count', 'manual', now() - make_interval(days => d, mins => 1)
    FROM unnest(${clientIds}) AS c(id) CROSS JOIN generate_series(0, 29) AS d;
    INSERT INTO health.health_metrics (user_id, metric_type, value, unit, source, recorded_date)
    SELECT c.id, 'heart_rate', 55 + (random() * 30)::int, 'bpm', 'manual', now() - interval '5 minutes'
    FROM unnest(${clientIds}) AS c(id);
    -- Samples written past the health subgraph: its hourly rollup is rebuilt from them.
    SELECT health.rebuild_metric_hours(${clientIds});
    INSERT INTO billing.subscription_plans (id, name, price_cents, currency, billing_period, features)
    VALUES ('${planId}', 'Coached monthly', 2900, 'USD', 'monthly', '["coaching"]'::jsonb);
    INSERT INTO billing.subscriptions (user_id, plan_id, status, start_date, end_date, renewal_date, payment_gateway, payment_method)
    SELECT c.id, '${planId}', 'active', current_date - 10, current_date + 20, current_date + 20, 'stripe', 'pm_card_visa'
    FROM unnest(${clientIds}) AS c(id);
  `);
  const now = Date.now();
  return {
    token: trainerUser.token,
    variables: {
      first: n,
      from: new Date(now - 30 * 86_400_000).toISOString(),
      to: new Date(now).toISOString(),
    },
  };
}
