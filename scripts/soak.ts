import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { loadApiSchema, selectionFor } from '../testkit/operations.js';
import { PrivatePostgres, sleep } from './fault-kit.js';
import { sampleMemory } from './fuzz.js';

/**
 * `npm run soak [-- --minutes 10 --rate 25 --postgres]`: mixed traffic at a sustained rate against
 * the whole supergraph in this process (embedded database, or a private PostgreSQL 15 started on a
 * free loopback port with --postgres). Requests are sent on a fixed schedule whatever the
 * latency (open loop), so a slowdown shows as latency instead of a lower rate.
 * Passes with zero errors, a last-minute p99 within 2x (+25 ms) of the first minute's, and a heap
 * that ends within 24 MB of where it was after the first minute. Results go to BENCHMARKS.md.
 */

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

interface Window {
  minute: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  heapUsedMb: number;
  rssMb: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! : 0;

async function main() {
  const minutes = Number(argument('minutes') ?? 10);
  const rate = Number(argument('rate') ?? 25);
  const usePostgres = process.argv.includes('--postgres');
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;
  let pg: PrivatePostgres | null = null;
  if (usePostgres) {
    pg = await PrivatePostgres.start(55832);
    await pg.createDatabase('fitness');
  }
  const { loadEnv } = await import('../kit/env.js');
  const { startStack } = await import('../stack/stack.js');
  const { createDatabase } = await import('../kit/db.js');
  const { migrateSubgraphs } = await import('../kit/migrate.js');
  const { SUBGRAPH_NAMES } = await import('../schema/subgraphs.js');
  const { PGlite } = await import('@electric-sql/pglite');
  const env = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    // Sign-ups name a client address of their own (below): many people, not one client.
    TRUST_PROXY_HOPS: '1',
    ...(pg ? { DATABASE_URL: pg.databaseUrl('fitness') } : {}),
  });
  const database = pg ? undefined : await createDatabase({ pglite: await PGlite.create() });
  if (database) await migrateSubgraphs(database, SUBGRAPH_NAMES);
  const stack = await startStack({ env, database, ephemeralPorts: true, migrate: Boolean(pg) });
  const url = stack.gatewayUrl;

  const post = async (
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    return { status: response.status, body };
  };
  const signUp = async () => {
    const s = randomBytes(5).toString('hex');
    const input = { email: `soak${s}@example.com`, username: `soak_${s}`, password: `soak-password-${s}` };
    const result = await post(
      'mutation($i: SignUpInput!) { signUp(input: $i) { __typename ... on AuthSuccess { token user { id } } } }',
      { i: input },
      undefined,
      { 'x-forwarded-for': `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
    );
    if (result.body.data?.signUp?.__typename !== 'AuthSuccess') throw new Error(JSON.stringify(result.body));
    return { ...input, token: result.body.data.signUp.token as string };
  };
  const users = [] as Awaited<ReturnType<typeof signUp>>[];
  for (let i = 0; i < 10; i++) users.push(await signUp());
  const meQuery = `query Me { me ${selectionFor(loadApiSchema().getType('User') as any, { depth: 2 })} }`;
  let signIns = 0;

  // The mix: mostly reads by signed-in users, some anonymous reads, profile writes, sign-ups and a
  // sign-in every 10 s (the per-address sign-in limit is 100 per 15 minutes).
  const pickOperation = (tick: number): (() => Promise<{ status: number; body: any }>) => {
    const user = users[tick % users.length]!;
    if (tick % (rate * 10) === 0 && signIns < 90) {
      signIns++;
      return () =>
        post('mutation($i: SignInInput!) { signIn(input: $i) { __typename } }', {
          i: { login: user.username, password: user.password },
        });
    }
    const roll = tick % 20;
    if (roll < 13) return () => post(meQuery, {}, user.token);
    if (roll < 16) return () => post('query Anonymous { __typename me { id } }');
    if (roll < 19)
      return () =>
        post(
          'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id firstName } }',
          { i: { firstName: `Name ${tick}` } },
          user.token,
        );
    return async () => {
      await signUp();
      return { status: 200, body: { data: {} } };
    };
  };

  const windows: Window[] = [];
  let current: number[] = [];
  let errors = 0;
  const errorSamples: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  const totalTicks = Math.round(minutes * 60 * rate);
  let windowStart = started;
  console.error(`soak: ${minutes} min at ${rate} req/s against ${pg ? 'PostgreSQL 15' : 'embedded PGlite'}`);
  for (let tick = 0; tick < totalTicks; tick++) {
    const due = started + (tick * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const run = pickOperation(tick);
    const t0 = performance.now();
    const p: Promise<void> = run()
      .then((result) => {
        if (result.status !== 200 || result.body.errors?.length) {
          errors++;
          const sample = JSON.stringify(result.body).slice(0, 300);
          if (errorSamples.length < 5 && !errorSamples.includes(sample)) errorSamples.push(sample);
        }
      })
      .catch((error) => {
        errors++;
        if (errorSamples.length < 5 && !errorSamples.includes(String(error)))
          errorSamples.push(String(error));
      })
      .finally(() => {
        current.push(performance.now() - t0);
        inFlight.delete(p);
      });
    inFlight.add(p);
    if (Date.now() - windowStart >= 60_000 || tick === totalTicks - 1) {
      if (tick === totalTicks - 1) await Promise.all(inFlight);
      const sorted = current.sort((a, b) => a - b);
      const memory = sampleMemory(0);
      const window: Window = {
        minute: windows.length + 1,
        requests: sorted.length,
        errors,
        p50: Math.round(percentile(sorted, 50)),
        p95: Math.round(percentile(sorted, 95)),
        p99: Math.round(percentile(sorted, 99)),
        heapUsedMb: memory.heapUsedMb,
        rssMb: memory.rssMb,
      };
      windows.push(window);
      console.error(`soak: ${JSON.stringify(window)}`);
      current = [];
      errors = 0;
      windowStart = Date.now();
    }
  }
  await stack.stop();
  await pg?.destroy();

  const first = windows[0]!;
  const last = windows[windows.length - 1]!;
  const totalErrors = windows.reduce((n, w) => n + w.errors, 0);
  const totalRequests = windows.reduce((n, w) => n + w.requests, 0);
  const problems: string[] = [];
  if (totalErrors > 0) problems.push(`${totalErrors} errors: ${errorSamples.join(' / ')}`);
  if (windows.length > 1 && last.p99 > first.p99 * 2 + 25)
    problems.push(`p99 grew from ${first.p99} to ${last.p99} ms`);
  if (windows.length > 1 && last.heapUsedMb - first.heapUsedMb > 24)
    problems.push(`heap grew from ${first.heapUsedMb} to ${last.heapUsedMb} MB`);
  const summary = {
    minutes,
    rate,
    database: pg ? 'PostgreSQL 15 (private, loopback)' : 'embedded PGlite',
    totalRequests,
    achievedRate: Math.round((totalRequests / ((Date.now() - started) / 1000)) * 10) / 10,
    totalErrors,
    passed: problems.length === 0,
    problems,
    windows,
  };
  console.log(JSON.stringify(summary, null, 2));
  writeBenchmarks(summary, process.argv.slice(2).join(' '));
  process.exit(problems.length === 0 ? 0 : 1);
}

function writeBenchmarks(summary: Record<string, any>, args: string) {
  const path = new URL('../BENCHMARKS.md', import.meta.url);
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const rows = (summary.windows as Window[])
    .map(
      (w) =>
        `| ${w.minute} | ${w.requests} | ${w.errors} | ${w.p50} | ${w.p95} | ${w.p99} | ${w.heapUsedMb} | ${w.rssMb} |`,
    )
    .join('\n');
  const section = `<!-- soak:start -->
## Soak

Last run: ${new Date().toISOString()}, \`npm run soak${args ? ` -- ${args}` : ''}\`, on the development machine
(${cpus().length} cores / ${Math.round(totalmem() / 1024 ** 3)} GiB, shared with other work), whole supergraph in one
process on ${summary.database}. Mix: 65% \`me\` with every User field by signed-in users, 15% anonymous
reads, 15% profile updates, 5% sign-ups, one sign-in every 10 s. Open loop at ${summary.rate} req/s
for ${summary.minutes} min: ${summary.totalRequests} requests (${summary.achievedRate}/s), ${summary.totalErrors} errors,
result: **${summary.passed ? 'pass' : 'FAIL'}**${summary.problems.length ? ` (${summary.problems.join('; ')})` : ''}.

| minute | requests | errors | p50 ms | p95 ms | p99 ms | heap MB | RSS MB |
| ------ | -------- | ------ | ------ | ------ | ------ | ------- | ------ |
${rows}
<!-- soak:end -->`;
  const pattern = /<!-- soak:start -->[\s\S]*<!-- soak:end -->/;
  text = pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, text);
}

await main();
