import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { loadEnv } from '../kit/env.js';
import type { DomainEvent } from '../kit/events/bus.js';
import { RedisStreamEventBus } from '../kit/events/redis-bus.js';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';
import { loadApiSchema, selectionFor } from '../testkit/operations.js';
import { freePort, kill, PrivatePostgres, PrivateRedis, sleep, startProcess } from './fault-kit.js';
import { startStack } from '../stack/stack.js';

/**
 * `npm run faults [-- a b c d]`: failure scenarios, each against its own PostgreSQL 15 and Redis
 * started here on free loopback ports (never the shared servers), each bounded in time.
 *   a  PostgreSQL crashes and restarts during a sign-up load
 *   b  Redis is killed while clients sign in and query, then comes back empty
 *   c  one subgraph process is killed (SIGKILL), then restarted
 *   d  the identity process is killed after a commit, before its outbox event was published
 * Results go to stdout and to BENCHMARKS.md (between the faults markers).
 */

const root = new URL('..', import.meta.url).pathname;
const step = (message: string) =>
  console.error(`faults: ${new Date().toISOString().slice(11, 19)} ${message}`);
const LOG_LEVEL = (process.env.FAULTS_LOG_LEVEL ?? 'silent') as 'silent';

interface ScenarioResult {
  name: string;
  passed: boolean;
  seconds: number;
  facts: Record<string, unknown>;
  problems: string[];
}

async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, body };
}

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { __typename ... on AuthSuccess { token user { id } } } }`;
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { __typename ... on AuthSuccess { token } } }`;

async function signUp(url: string) {
  const suffix = randomBytes(5).toString('hex');
  const input = {
    email: `f${suffix}@example.com`,
    username: `f_${suffix}`,
    password: `faults-password-${suffix}`,
  };
  // Each sign-up from a client address of its own (the stacks trust one proxy hop): the load is
  // many people signing up, not one client the per-address sign-up limit would stop.
  const client = { 'x-forwarded-for': `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}` };
  const result = await gql(url, SIGN_UP, { i: input }, undefined, client);
  const payload = result.body?.data?.signUp;
  return payload?.__typename === 'AuthSuccess'
    ? { ok: true as const, id: payload.user.id as string, token: payload.token as string, ...input }
    : { ok: false as const, status: result.status, body: result.body };
}

function testEnv(extra: Record<string, string>) {
  return loadEnv({ NODE_ENV: 'test', LOG_LEVEL, DATABASE_POOL_MAX: '10', TRUST_PROXY_HOPS: '1', ...extra });
}

/** (a) Every acknowledged write survives a PostgreSQL crash; errors stop within 10 s of its return. */
async function postgresRestart(): Promise<ScenarioResult> {
  const started = Date.now();
  const problems: string[] = [];
  const pg = await PrivatePostgres.start(55432);
  try {
    await pg.createDatabase('fitness');
    const stack = await startStack({
      env: testEnv({ DATABASE_URL: pg.databaseUrl('fitness') }),
      ephemeralPorts: true,
      migrate: true,
    });
    const acked: string[] = [];
    /** When each request was sent and whether it was acknowledged. */
    const outcomes: { at: number; ok: boolean }[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        const at = Date.now();
        try {
          const result = await signUp(stack.gatewayUrl);
          outcomes.push({ at, ok: result.ok });
          if (result.ok) acked.push(result.id);
          else if ((result.status ?? 0) >= 500) problems.push(`HTTP ${result.status} during load`);
        } catch {
          outcomes.push({ at, ok: false });
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    await sleep(4000);
    const downAt = Date.now();
    await pg.stopServer('immediate');
    await sleep(3000);
    await pg.startServer();
    const upAt = Date.now();
    await sleep(15_000);
    running = false;
    await Promise.all(workers);

    const check = postgres(pg.databaseUrl('fitness'), { max: 1, onnotice: () => {} });
    const found = await check<
      { id: string }[]
    >`select id from identity.users where id = any(${acked}::uuid[])`;
    await check.end();
    const missing = acked.length - found.length;
    const failures = outcomes.filter((o) => !o.ok);
    const lastFailure = failures.length ? Math.max(...failures.map((o) => o.at)) : null;
    const recoveredAfterMs = lastFailure === null ? 0 : Math.max(0, lastFailure - upAt);
    const okAfterRecovery = outcomes.filter((o) => o.ok && o.at > upAt + 10_000).length;
    const failuresAfterRecovery = outcomes.filter((o) => !o.ok && o.at > upAt + 10_000).length;
    if (missing !== 0) problems.push(`${missing} acknowledged sign-ups missing from the database`);
    if (recoveredAfterMs > 10_000)
      problems.push(`errors went on ${recoveredAfterMs} ms after PostgreSQL returned`);
    if (okAfterRecovery === 0) problems.push('no successful writes after recovery');
    if (failuresAfterRecovery > 0) problems.push(`${failuresAfterRecovery} failed writes after recovery`);
    await stack.stop();
    return {
      name: 'a: PostgreSQL crash and restart during sign-up load',
      passed: problems.length === 0,
      seconds: Math.round((Date.now() - started) / 1000),
      facts: {
        acknowledged: acked.length,
        missing,
        requests: outcomes.length,
        failed: failures.length,
        downForMs: upAt - downAt,
        lastFailedRequestSentAfterReturnMs: recoveredAfterMs,
        okAfterRecovery,
      },
      problems,
    };
  } finally {
    await pg.destroy();
  }
}

/** (b) Without Redis, sign-in and queries keep working; caching and events come back with it. */
async function redisOutage(): Promise<ScenarioResult> {
  const started = Date.now();
  const problems: string[] = [];
  const pg = await PrivatePostgres.start(55532);
  const redis = await PrivateRedis.start(56379);
  const prefix = 'faults:';
  let probe: RedisStreamEventBus | null = null;
  try {
    await pg.createDatabase('fitness');
    const stack = await startStack({
      env: testEnv({ DATABASE_URL: pg.databaseUrl('fitness'), REDIS_URL: redis.url, REDIS_PREFIX: prefix }),
      ephemeralPorts: true,
      migrate: true,
    });
    const delivered = new Map<string, number>();
    const probeClient = new Redis(redis.url, { maxRetriesPerRequest: 2 });
    probeClient.on('error', () => {});
    probe = new RedisStreamEventBus(probeClient, { stream: `${prefix}events` });
    await probe.subscribe('faults-probe', async (event: DomainEvent) => {
      const userId = String(event.payload.userId ?? '');
      if (event.type === 'user.signed_up') delivered.set(userId, (delivered.get(userId) ?? 0) + 1);
    });

    const user = await signUp(stack.gatewayUrl);
    if (!user.ok) throw new Error(`sign-up failed: ${JSON.stringify(user.body)}`);
    const exercise = async (label: string, rounds: number) => {
      let errors = 0;
      const latencies: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const t0 = Date.now();
        const signedIn = await gql(stack.gatewayUrl, SIGN_IN, {
          i: { login: user.username, password: user.password },
        });
        const token = signedIn.body?.data?.signIn?.token;
        const me = await gql(stack.gatewayUrl, '{ me { id username } }', {}, token ?? user.token);
        latencies.push(Date.now() - t0);
        if (!token || me.body?.data?.me?.id !== user.id) {
          errors++;
          if (errors <= 3)
            problems.push(`${label}: ${JSON.stringify([signedIn.body, me.body]).slice(0, 300)}`);
        }
      }
      latencies.sort((a, b) => a - b);
      return {
        errors,
        p50: latencies[Math.floor(latencies.length / 2)],
        max: latencies[latencies.length - 1],
      };
    };
    const before = await exercise('before', 5);
    step('b: Redis killed');
    await redis.stopServer();
    const during = await exercise('during outage', 8);
    step(`b: during the outage ${JSON.stringify(during)}`);
    const signedUpDuringOutage = await signUp(stack.gatewayUrl);
    if (!signedUpDuringOutage.ok)
      problems.push(`sign-up during the outage failed: ${JSON.stringify(signedUpDuringOutage.body)}`);
    await redis.startServer();
    step('b: Redis back');
    const backAt = Date.now();
    const after = await exercise('after', 5);
    const signedUpAfter = await signUp(stack.gatewayUrl);
    if (!signedUpAfter.ok) problems.push('sign-up after the outage failed');
    // The restarted Redis is empty: caching must write to it again and the event stream must resume.
    let redisKeys = 0;
    let eventsBack = false;
    while (Date.now() - backAt < 20_000) {
      // Sign-ins write rate-limit counters and the gateway caches viewers: both land in Redis again.
      await gql(stack.gatewayUrl, SIGN_IN, { i: { login: user.username, password: user.password } });
      redisKeys = await probeClient.dbsize().catch(() => 0);
      eventsBack =
        signedUpAfter.ok &&
        delivered.has(signedUpAfter.id) &&
        (!signedUpDuringOutage.ok || delivered.has(signedUpDuringOutage.id));
      if (redisKeys > 1 && eventsBack) break;
      await sleep(250);
    }
    const recoveredInMs = Date.now() - backAt;
    if (before.errors) problems.push(`${before.errors} errors before the outage`);
    if (during.errors) problems.push(`${during.errors} errors during the outage`);
    if (after.errors) problems.push(`${after.errors} errors after the outage`);
    if (redisKeys <= 1) problems.push('nothing cached in Redis after it came back');
    if (!eventsBack) problems.push('events published during or after the outage did not arrive');
    await stack.stop();
    await probe.close();
    probe = null;
    probeClient.disconnect();
    return {
      name: 'b: Redis killed, then back (empty)',
      passed: problems.length === 0,
      seconds: Math.round((Date.now() - started) / 1000),
      facts: {
        signInAndQueryBefore: before,
        signInAndQueryDuringOutage: during,
        signInAndQueryAfter: after,
        keysInRedisAfterReturn: redisKeys,
        eventsDeliveredAfterReturn: eventsBack,
        recoveredInMs,
      },
      problems,
    };
  } finally {
    await probe?.close();
    await redis.destroy();
    await pg.destroy();
  }
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Never the shared servers: only what the scenario passes.
  delete env.REDIS_URL;
  delete env.DATABASE_URL;
  return { ...env, NODE_ENV: 'test', LOG_LEVEL: 'info', HOST: '127.0.0.1', TRUST_PROXY_HOPS: '1', ...extra };
}

/** (c) With one subgraph process gone, the others still answer and /ready names the missing one. */
async function subgraphKilled(): Promise<ScenarioResult> {
  const started = Date.now();
  const problems: string[] = [];
  const pg = await PrivatePostgres.start(55632);
  const children: ChildProcess[] = [];
  try {
    await pg.createDatabase('fitness');
    const databaseEnv = { DATABASE_URL: pg.databaseUrl('fitness') };
    const { execFileSync } = await import('node:child_process');
    execFileSync(`${root}node_modules/.bin/tsx`, ['stack/migrate.ts'], {
      cwd: root,
      env: childEnv(databaseEnv),
      stdio: 'ignore',
    });
    const ports: Record<string, number> = {};
    let next = 45100;
    for (const name of SUBGRAPH_NAMES) {
      ports[name] = await freePort(next);
      next = ports[name]! + 1;
    }
    const portEnv = Object.fromEntries(
      SUBGRAPH_NAMES.map((n) => [`${n.toUpperCase()}_PORT`, String(ports[n])]),
    );
    const startSubgraph = (name: string) =>
      startProcess(
        `subgraphs/${name}/main.ts`,
        childEnv({ ...databaseEnv, ...portEnv }),
        'subgraph listening',
        root,
      );
    const processes: Record<string, ChildProcess> = {};
    for (const name of SUBGRAPH_NAMES) {
      processes[name] = await startSubgraph(name);
      children.push(processes[name]!);
    }
    const gatewayPort = await freePort(45000);
    const gateway = await startProcess(
      'gateway/main.ts',
      childEnv({ ...portEnv, GATEWAY_PORT: String(gatewayPort) }),
      'gateway listening',
      root,
    );
    children.push(gateway);
    const url = `http://127.0.0.1:${gatewayPort}/graphql`;
    const user = await signUp(url);
    if (!user.ok) throw new Error(`sign-up failed: ${JSON.stringify(user.body)}`);
    const query = `{ __typename me ${selectionFor(loadApiSchema().getType('User') as any, { depth: 1 })} }`;
    const healthy = await gql(url, query, {}, user.token);
    if (healthy.body.errors) problems.push(`errors while healthy: ${JSON.stringify(healthy.body.errors)}`);

    // The victim must serve fields of the probe query (`me` and its User fields): health does;
    // analytics, last in the list, adds nothing to User. `--victim <name>` picks another.
    const named = process.argv[process.argv.indexOf('--victim') + 1];
    const victim =
      (process.argv.includes('--victim') && named) ||
      (SUBGRAPH_NAMES as readonly string[]).find((n) => n === 'health') ||
      ([...SUBGRAPH_NAMES].reverse().find((n) => n !== 'identity') ?? 'identity');
    await kill(processes[victim]!, 'SIGKILL');
    const degraded = await gql(url, query, {}, user.token);
    const codes = (degraded.body.errors ?? []).map((e: any) => e.extensions?.code);
    if (degraded.status >= 500 && victim !== 'identity')
      problems.push(`HTTP ${degraded.status} with ${victim} down`);
    if (!codes.includes('SERVICE_UNAVAILABLE'))
      problems.push(`no SERVICE_UNAVAILABLE error: ${JSON.stringify(degraded.body)}`);
    if (victim !== 'identity' && degraded.body.data?.me?.id !== user.id)
      problems.push(`the other subgraphs' data is missing: ${JSON.stringify(degraded.body).slice(0, 300)}`);
    if (degraded.body.data?.__typename !== 'Query' && victim !== 'identity')
      problems.push('the gateway did not answer the fields it owns');
    const readyDown = await fetch(url.replace('/graphql', '/ready'));
    const readyBody = (await readyDown.json()) as { subgraphs: Record<string, boolean> };
    if (readyDown.status !== 503 || readyBody.subgraphs[victim] !== false)
      problems.push(`/ready did not report ${victim}: ${readyDown.status} ${JSON.stringify(readyBody)}`);
    const othersUp = Object.entries(readyBody.subgraphs)
      .filter(([n]) => n !== victim)
      .every(([, ok]) => ok);
    if (!othersUp) problems.push(`/ready reported a live subgraph down: ${JSON.stringify(readyBody)}`);

    const restartAt = Date.now();
    processes[victim] = await startSubgraph(victim);
    children.push(processes[victim]!);
    let recovered = false;
    while (Date.now() - restartAt < 30_000) {
      const ready = await fetch(url.replace('/graphql', '/ready'));
      const again = await gql(url, query, {}, user.token);
      if (ready.status === 200 && !again.body.errors && again.body.data?.me?.id === user.id) {
        recovered = true;
        break;
      }
      await sleep(250);
    }
    if (!recovered) problems.push(`${victim} did not come back within 30 s of its restart`);
    return {
      name: `c: subgraph process killed (${victim}), then restarted`,
      passed: problems.length === 0,
      seconds: Math.round((Date.now() - started) / 1000),
      facts: {
        victim,
        degradedStatus: degraded.status,
        degradedErrorCodes: [...new Set(codes)],
        otherDataServed:
          victim === 'identity' ? 'n/a (only identity is composed)' : degraded.body.data?.me?.id === user.id,
        readyWhileDown: { ...readyBody, httpStatus: readyDown.status },
        recoveredInMs: Date.now() - restartAt,
      },
      problems,
    };
  } finally {
    for (const child of children) await kill(child);
    await pg.destroy();
  }
}

/** (d) A process killed after committing a change and before publishing its event: delivered once. */
async function killedBeforePublish(): Promise<ScenarioResult> {
  const started = Date.now();
  const problems: string[] = [];
  const pg = await PrivatePostgres.start(55732);
  const redisPort = await freePort(56479);
  let redis: PrivateRedis | null = null;
  const children: ChildProcess[] = [];
  let probe: RedisStreamEventBus | null = null;
  let probeClient: Redis | null = null;
  try {
    await pg.createDatabase('fitness');
    const prefix = 'faults:';
    const env = childEnv({
      DATABASE_URL: pg.databaseUrl('fitness'),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_PREFIX: prefix,
      IDENTITY_PORT: String(await freePort(45200)),
    });
    const { execFileSync } = await import('node:child_process');
    execFileSync(`${root}node_modules/.bin/tsx`, ['stack/migrate.ts'], { cwd: root, env, stdio: 'ignore' });
    // Redis is not up yet: identity commits the sign-up and its outbox row, but cannot publish.
    const first = await startProcess('subgraphs/identity/main.ts', env, 'subgraph listening', root);
    children.push(first);
    const url = `http://127.0.0.1:${env.IDENTITY_PORT}/graphql`;
    const user = await signUp(url);
    if (!user.ok) throw new Error(`sign-up failed: ${JSON.stringify(user.body)}`);
    const db = postgres(pg.databaseUrl('fitness'), { max: 1, onnotice: () => {} });
    const outboxRow = async () =>
      (
        await db<{ id: string; published_at: Date | null }[]>`
          select id, published_at from identity.outbox
          where type = 'user.signed_up' and payload->>'userId' = ${user.id}`
      )[0];
    const pending = await outboxRow();
    if (!pending) problems.push('no outbox row for the committed sign-up');
    if (pending?.published_at) problems.push('the event was published although Redis was down');
    await kill(first, 'SIGKILL');

    redis = await PrivateRedis.start(redisPort);
    const deliveries: string[] = [];
    probeClient = new Redis(redis.url, { maxRetriesPerRequest: 2 });
    probeClient.on('error', () => {});
    probe = new RedisStreamEventBus(probeClient, { stream: `${prefix}events` });
    await probe.subscribe('faults-probe', async (event: DomainEvent) => {
      if (event.type === 'user.signed_up' && event.payload.userId === user.id) deliveries.push(event.id);
    });
    const restartAt = Date.now();
    const second = await startProcess('subgraphs/identity/main.ts', env, 'subgraph listening', root);
    children.push(second);
    while (Date.now() - restartAt < 30_000 && deliveries.length === 0) await sleep(100);
    const deliveredInMs = Date.now() - restartAt;
    // Let a duplicate show up if there were going to be one.
    await sleep(3000);
    const published = await outboxRow();
    await db.end();
    if (deliveries.length !== 1) problems.push(`delivered ${deliveries.length} times`);
    if (pending && deliveries[0] !== pending.id)
      problems.push('the delivered event is not the committed one');
    if (!published?.published_at) problems.push('the outbox row is still unpublished');
    return {
      name: 'd: process killed between commit and event publish',
      passed: problems.length === 0,
      seconds: Math.round((Date.now() - started) / 1000),
      facts: { deliveries: deliveries.length, deliveredAfterRestartMs: deliveredInMs },
      problems,
    };
  } finally {
    for (const child of children) await kill(child);
    await probe?.close();
    probeClient?.disconnect();
    await redis?.destroy();
    await pg.destroy();
  }
}

const SCENARIOS: Record<string, () => Promise<ScenarioResult>> = {
  a: postgresRestart,
  b: redisOutage,
  c: subgraphKilled,
  d: killedBeforePublish,
};

function writeBenchmarks(results: ScenarioResult[], command: string) {
  const path = new URL('../BENCHMARKS.md', import.meta.url);
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const rows = results
    .map(
      (r) =>
        `| ${r.name} | ${r.passed ? 'pass' : 'FAIL'} | ${r.seconds} s | ${Object.entries(r.facts)
          .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
          .join('; ')
          .replace(
            /\|/g,
            '/',
          )}${r.problems.length ? ` — problems: ${r.problems.join('; ').replace(/\|/g, '/')}` : ''} |`,
    )
    .join('\n');
  const section = `<!-- faults:start -->
## Fault scenarios

Last run: ${new Date().toISOString()} on the development machine (2 cores / 24 GiB, shared), \`${command}\`.
Each scenario runs against its own PostgreSQL 15 (initdb in a temporary directory) and its own
redis-server, on free loopback ports.

| scenario | result | time | measured |
| -------- | ------ | ---- | -------- |
${rows}
<!-- faults:end -->`;
  const pattern = /<!-- faults:start -->[\s\S]*<!-- faults:end -->/;
  text = pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, text);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const chosen = process.argv.slice(2).filter((a) => a in SCENARIOS);
  const names = chosen.length > 0 ? chosen : Object.keys(SCENARIOS);
  const results: ScenarioResult[] = [];
  // Bounded: a scenario that hangs is reported as failed, and the script ends.
  for (const name of names) {
    console.error(`faults: scenario ${name}...`);
    const result = await Promise.race([
      SCENARIOS[name]!().catch(
        (error): ScenarioResult => ({
          name,
          passed: false,
          seconds: 0,
          facts: {},
          problems: [String(error?.stack ?? error).slice(0, 1000)],
        }),
      ),
      sleep(240_000).then(
        (): ScenarioResult => ({
          name,
          passed: false,
          seconds: 240,
          facts: {},
          problems: ['timed out after 240 s'],
        }),
      ),
    ]);
    console.error(
      `faults: ${result.name}: ${result.passed ? 'pass' : 'FAIL'} ${JSON.stringify(result.facts)}`,
    );
    for (const problem of result.problems) console.error(`  - ${problem}`);
    results.push(result);
  }
  console.log(JSON.stringify(results, null, 2));
  if (names.length === Object.keys(SCENARIOS).length) writeBenchmarks(results, 'npm run faults');
  process.exit(results.every((r) => r.passed) ? 0 : 1);
}
