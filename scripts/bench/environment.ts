import { randomBytes } from 'node:crypto';
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { type GraphQLSchema, parse, validate } from 'graphql';
import postgres from 'postgres';
import { sha256Hex } from '../../kit/crypto.js';
import { createDatabase } from '../../kit/db.js';
import type { Env } from '../../kit/env.js';
import { signIdentity } from '../../kit/identity-header.js';
import { migrateSubgraphs } from '../../kit/migrate.js';
import { SUBGRAPH_NAMES } from '../../schema/subgraphs.js';
import { seedBenchData } from './bench-data.js';
import { GATEWAY_NODE_FLAGS } from '../../gateway/node-flags.js';
import { buildJavaScript } from '../build.js';
import { type Child, nodeScript, portFlags, ROOT, startChild, tsNode, untilQuiet } from './processes.js';

/** Where benchmarks and seed:scale run when DATABASE_URL is not set: never the test database. */
export const DEFAULT_SCALE_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/fitness_scale';

export function scaleDatabaseUrl(env: Env): string {
  const url = env.DATABASE_URL ?? DEFAULT_SCALE_DATABASE_URL;
  const name = new URL(url).pathname.replace(/^\//, '');
  if (name === 'test' || name.startsWith('fitness_test')) {
    throw new Error(
      `refusing to run against the test database "${name}"; point DATABASE_URL at a scale database`,
    );
  }
  return url;
}

/** Creates the database if it does not exist yet, then applies every subgraph's migrations. */
export async function prepareDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = parsed.pathname.replace(/^\//, '');
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  parsed.pathname = '/postgres';
  const admin = postgres(parsed.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 as one from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const database = await createDatabase({ url, poolMax: 1 });
  try {
    await migrateSubgraphs(database, SUBGRAPH_NAMES);
  } finally {
    await database.close();
  }
}

export const PROFILE_DIR = `${ROOT}.bench/profiles`;

export const SUPERGRAPH_PATH = `${ROOT}schema/supergraph.graphql`;

let apiSchemaCache: GraphQLSchema | null = null;
export function apiSchema(): GraphQLSchema {
  apiSchemaCache ??= Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
  return apiSchemaCache;
}

/** Null when the supergraph can run the operation; otherwise why not (the fields it lacks). */
export function unsupportedReason(query: string): string | null {
  const errors = validate(apiSchema() as any, parse(query) as any);
  return errors.length === 0 ? null : errors.map((error) => error.message).join('; ');
}

export interface BenchUser {
  id: string;
  username: string;
  token: string;
  /** Their first habit (seeded with logs), for operations that write to it. */
  habitId: string;
  /** The signed identity header a subgraph accepts directly, for the no-gateway baseline. */
  identityHeader: string;
}

export interface BenchEnvironment {
  databaseUrl: string;
  secret: string;
  /** Environment every server process of this run gets. */
  serverEnv: Record<string, string>;
  subgraphs: Record<string, Child>;
  subgraphUrls: Record<string, string>;
  gateway: Child;
  gatewayUrl: string;
  /** Where our gateway logs its memory by V8 space every 250 ms (serve.ts --memory-log). */
  gatewayMemoryLog: string;
  users: BenchUser[];
  /**
   * Stops a subgraph and starts it again on the same address with extra environment (the
   * subscription benchmark runs health on Redis); the gateways keep their routes.
   */
  restartSubgraph(name: string, extraEnv: Record<string, string>): Promise<Child>;
  stop(): Promise<void>;
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
}

/** A subgraph in its own process; `tree` runs another checkout's serve.ts and subgraph code (a baseline). */
export async function startSubgraphProcess(
  name: string,
  serverEnv: Record<string, string>,
  flags: string[] = [],
  tree?: string,
) {
  const port = flags.some((flag) => flag.startsWith('--port=')) ? [] : await portFlags();
  const [command, args] = tsNode(`${tree ? `${tree}/` : ''}scripts/bench/serve.ts`, [
    'subgraph',
    name,
    ...port,
    ...flags,
  ]);
  return startChild(`subgraph ${name}`, command, args, { env: serverEnv, cwd: tree });
}

/**
 * Where the benchmark's own gateway runs from: serve.ts and the gateway compiled to JavaScript,
 * started with plain `node`, as production starts dist/gateway/main.js (no tsx in the process).
 */
export const GATEWAY_BUILD_DIR = `${ROOT}.bench/build`;

export async function startGatewayProcess(
  serverEnv: Record<string, string>,
  subgraphUrls: Record<string, string>,
  flags: string[] = [],
  options: { compiled?: boolean; nodeFlags?: string[] } = {},
) {
  const args = ['gateway', '-', ...(await portFlags()), ...flags];
  // The flags production runs this tree's gateway with; an earlier commit's gateway runs without.
  const nodeFlags = options.nodeFlags ?? (options.compiled ? GATEWAY_NODE_FLAGS : []);
  const [command, commandArgs] = options.compiled
    ? nodeScript(`${GATEWAY_BUILD_DIR}/scripts/bench/serve.js`, args, nodeFlags)
    : tsNode('scripts/bench/serve.ts', args, nodeFlags);
  const urls = Object.entries(subgraphUrls)
    .map(([name, url]) => `${name}=${url}`)
    .join(',');
  return startChild('gateway', command, commandArgs, { env: { ...serverEnv, SUBGRAPH_URLS: urls } });
}

/** An earlier commit's tree, extracted once into .bench/baseline/<sha>/ with this tree's node_modules. */
function baselineTree(ref: string): { sha: string; dir: string } {
  const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = `${ROOT}.bench/baseline/${sha}`;
  if (!existsSync(`${dir}/gateway/server.ts`)) {
    mkdirSync(dir, { recursive: true });
    execSync(`git archive ${sha} | tar -x -C ${dir}`, { cwd: ROOT });
    symlinkSync(`${ROOT}node_modules`, `${dir}/node_modules`);
  }
  return { sha, dir };
}

/**
 * Our gateway as it was at an earlier commit, for before/after numbers: its gateway/server.ts
 * (with its own kit/) is served by this tree's serve.ts.
 */
export async function startBaselineGateway(
  ref: string,
  serverEnv: Record<string, string>,
  subgraphUrls: Record<string, string>,
): Promise<Child> {
  const { sha, dir } = baselineTree(ref);
  const child = await startGatewayProcess(serverEnv, subgraphUrls, [
    `--gateway-module=${dir}/gateway/server.ts`,
  ]);
  return { ...child, name: `gateway@${sha}` };
}

/** An earlier commit's gateway over that commit's own subgraphs (same database and secret). */
export interface BaselineStack {
  gateway: Child;
  subgraphs: Record<string, Child>;
  stop(): Promise<void>;
}

/**
 * The whole graph as it was at an earlier commit: its subgraphs, each run by that tree's own
 * serve.ts and kit/, behind its gateway. Subgraph changes show up in the comparison only this way.
 */
export async function startBaselineStack(
  ref: string,
  serverEnv: Record<string, string>,
): Promise<BaselineStack> {
  const { dir } = baselineTree(ref);
  const subgraphs: Record<string, Child> = {};
  const children: Child[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await child.stop();
  };
  try {
    for (const name of SUBGRAPH_NAMES) {
      const child = await startSubgraphProcess(name, serverEnv, [], dir);
      children.push(child);
      subgraphs[name] = child;
    }
    const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, c]) => [name, c.ready.url]));
    const gateway = await startBaselineGateway(ref, serverEnv, urls);
    children.push(gateway);
    return { gateway, subgraphs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The servers every gateway benchmark shares: the scale database, each subgraph in its own
 * process, our gateway in another, and `userCount` signed-up users (their tokens rotate across
 * requests, so no two concurrent requests are the same).
 */
export async function startEnvironment(
  env: Env,
  options: { userCount: number; log: (message: string) => void; profile?: boolean },
): Promise<BenchEnvironment> {
  const databaseUrl = scaleDatabaseUrl(env);
  options.log(`database ${new URL(databaseUrl).pathname.slice(1)}: creating if missing, migrating`);
  await prepareDatabase(databaseUrl);
  const secret = randomBytes(32).toString('base64url');
  const serverEnv: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: String(env.DATABASE_POOL_MAX),
    REDIS_URL: '',
    // Bench users sign up from client addresses of their own (signUpUsers), as real users do.
    TRUST_PROXY_HOPS: '1',
    IDENTITY_HEADER_SECRET: secret,
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    // Production identity needs a mail transport to start; the benchmarks send no mail.
    SMTP_URL: 'smtp://127.0.0.1:1',
  };
  const subgraphs: Record<string, Child> = {};
  const children: Child[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await child.stop();
  };
  try {
    for (const name of SUBGRAPH_NAMES) {
      const child = await startSubgraphProcess(
        name,
        serverEnv,
        options.profile ? [`--profile-dir=${PROFILE_DIR}`] : [],
      );
      children.push(child);
      subgraphs[name] = child;
    }
    const subgraphUrls = Object.fromEntries(
      Object.entries(subgraphs).map(([name, c]) => [name, c.ready.url]),
    );
    buildJavaScript(['scripts/bench/serve.ts'], GATEWAY_BUILD_DIR);
    mkdirSync(`${ROOT}.bench/tmp`, { recursive: true });
    const gatewayMemoryLog = `${ROOT}.bench/tmp/gateway-memory-${process.pid}.jsonl`;
    rmSync(gatewayMemoryLog, { force: true });
    const gateway = await startGatewayProcess(
      serverEnv,
      subgraphUrls,
      [`--memory-log=${gatewayMemoryLog}`, ...(options.profile ? [`--profile-dir=${PROFILE_DIR}`] : [])],
      { compiled: true },
    );
    children.push(gateway);
    options.log(`subgraphs ${Object.keys(subgraphs).join(', ')} and gateway started`);
    const signedUp = await signUpUsers(gateway.ready.url, options.userCount, secret);
    const { perUser } = await seedBenchData(
      gateway.ready.url,
      databaseUrl,
      signedUp.map((user) => user.id),
    );
    const users = signedUp.map((user, i) => ({ ...user, habitId: perUser[i]?.habitId ?? '' }));
    options.log(
      `${users.length} users signed up, each with habits and logs, workout sessions on a published plan, health samples and an active subscription`,
    );
    // Sign-up and seeding do not always outlast the workers' first passes on the scale data.
    const waited = await untilQuiet(Object.values(subgraphs).map((child) => child.pid));
    options.log(`subgraphs quiet after ${(waited / 1000).toFixed(0)} s more`);
    const restartSubgraph = async (name: string, extraEnv: Record<string, string>) => {
      const old = subgraphs[name];
      if (!old) throw new Error(`unknown subgraph ${name}`);
      const port = new URL(old.ready.url).port;
      await old.stop();
      children.splice(children.indexOf(old), 1);
      const child = await startSubgraphProcess(name, { ...serverEnv, ...extraEnv }, [`--port=${port}`]);
      // Stopped before the gateway, like the others (stop() goes through children in reverse).
      children.unshift(child);
      subgraphs[name] = child;
      return child;
    };
    return {
      databaseUrl,
      secret,
      serverEnv,
      subgraphs,
      subgraphUrls,
      gateway,
      gatewayUrl: gateway.ready.url,
      gatewayMemoryLog,
      users,
      restartSubgraph,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const SIGN_UP = `mutation BenchSignUp($input: SignUpInput!) {
  signUp(input: $input) { __typename ... on AuthSuccess { token user { id username } } }
}`;

export async function signUpUsers(
  gatewayUrl: string,
  count: number,
  secret: string,
): Promise<Omit<BenchUser, 'habitId'>[]> {
  const run = randomBytes(3).toString('hex');
  // Addresses from the benchmarking range 198.18.0.0/15, at an offset of this run's own: runs in
  // the same hour on one database (each user signs up once per run) would otherwise reuse the
  // same addresses and meet identity's per-address sign-up limit after 20 runs.
  const offset = randomBytes(4).readUInt32BE() % (2 ** 17 - count);
  const users: Omit<BenchUser, 'habitId'>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const n = offset + i;
      const client = { 'x-forwarded-for': `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}` };
      const body = await postJson(
        gatewayUrl,
        {
          query: SIGN_UP,
          variables: {
            input: {
              email: `bench-${run}-${i}@example.com`,
              username: `bench_${run}_${i}`,
              password: 'bench-password-correct-horse',
              firstName: 'Bench',
              lastName: `User ${i}`,
            },
          },
        },
        client,
      );
      const result = body.data?.signUp;
      if (result?.__typename !== 'AuthSuccess') throw new Error(`signUp failed: ${JSON.stringify(body)}`);
      users.push({
        id: result.user.id,
        username: result.user.username,
        token: result.token,
        identityHeader: signIdentity(
          {
            viewer: { userId: result.user.id, sessionId: sha256Hex(result.token), roles: ['USER'] },
            service: null,
            ip: '127.0.0.1',
          },
          secret,
          { ttlSeconds: 6 * 3600 },
        ),
      });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return users;
}
