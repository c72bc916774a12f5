import { readFileSync } from 'node:fs';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { latencySummary } from './report.js';
import { DeliveryLedger, type DeliveryTally, dueAtMs, eventKey } from './subscription-stats.js';

/**
 * The subscription load, always in a process of its own (its CPU is not the server's):
 * `subscribers.ts <config.json>` opens `users × perUser` graphql-ws connections with one
 * subscription each, makes sure every subscription is live, then commits events at a fixed rate
 * straight at the health subgraph and records what each subscriber receives. It prints
 * `PHASE <name> <json>` at each step (the parent samples the server's memory and CPU there) and
 * `RESULT <json>` at the end.
 */
export interface SubscriberConfig {
  /** ws:// address of the target: a gateway, or the health subgraph itself. */
  url: string;
  /** `bearer`: the session token in connection_init (gateways); `identity`: the signed identity header (the subgraph). */
  auth: 'bearer' | 'identity';
  identityHeaderName: string;
  query: string;
  /** Whether each event must carry `user.username` (resolved by the identity subgraph through the gateway). */
  crossSubgraph: boolean;
  users: { id: string; token: string; identityHeader: string }[];
  perUser: number;
  /** The health subgraph's HTTP address: events are committed there, with each user's signed identity. */
  producerUrl: string;
  eventsPerSecond: number;
  eventSeconds: number;
  idleSeconds: number;
  /** How long to wait for late deliveries after the last commit. */
  drainSeconds: number;
}

export interface SubscriberResult {
  connections: number;
  connectFailures: number;
  firstConnectFailure: string | null;
  /** Subscriptions that received a priming event before the measured phase. */
  live: number;
  primeRounds: number;
  secondsToConnect: number;
  tally: DeliveryTally;
  commitFailures: number;
  firstCommitFailure: string | null;
  /** Round trip of the committing mutation at the subgraph. */
  commitMs: { p50Ms: number; p99Ms: number };
  /** Commits that could not start on time because 100 were already in flight. */
  lateCommits: number;
  graphqlErrors: number;
  firstGraphqlError: string | null;
  /** Connections the server closed during the run, by close code. */
  closedByServer: Record<string, number>;
  eventSeconds: number;
}

const RECORD = `mutation BenchRecordSample($input: [HealthMetricInput!]!) {
  recordHealthMetrics(input: $input) { accepted duplicates errors { message } }
}`;

const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as SubscriberConfig;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const phase = (name: string, detail: Record<string, unknown> = {}) =>
  console.log(`PHASE ${name} ${JSON.stringify(detail)}`);

// Every committed sample has its own instant (a duplicate would store nothing and announce
// nothing): an hour ago, one millisecond apart; runs start seconds apart and commit fewer samples.
const base = Date.now() - 3_600_000;
let sequence = 0;

const ledgers: DeliveryLedger[] = [];
let graphqlErrors = 0;
let firstGraphqlError: string | null = null;
const closedByServer: Record<string, number> = {};
let finished = false;
/** Subscribers whose connection is open; after priming, those whose subscription is live. */
let owedTo = new Set<number>();

/** The subscriber numbers of each user (subscriber s belongs to user s mod users). */
const total = config.users.length * config.perUser;
const subscribersOf = config.users.map((_, u) =>
  Array.from({ length: config.perUser }, (_, k) => u + k * config.users.length),
);

function onEvent(subscriber: number, result: { data?: any; errors?: readonly unknown[] }) {
  const receivedAt = now();
  const event = result.data?.healthMetricsRecorded;
  if (result.errors?.length || !event) {
    graphqlErrors++;
    firstGraphqlError ??= JSON.stringify(result).slice(0, 400);
    return;
  }
  if (config.crossSubgraph && typeof event.user?.username !== 'string') {
    graphqlErrors++;
    firstGraphqlError ??= `no user.username in ${JSON.stringify(result).slice(0, 300)}`;
  }
  const key = eventKey(event.user.id, event.from);
  const ledger = ledgers.find((l) => l.has(key)) ?? ledgers.at(-1);
  ledger?.receive(key, subscriber, receivedAt - Date.parse(event.recordedAt));
}

async function open(subscriber: number): Promise<Client> {
  const user = config.users[subscriber % config.users.length]!;
  const connectionParams =
    config.auth === 'bearer'
      ? { authorization: `Bearer ${user.token}` }
      : { [config.identityHeaderName]: user.identityHeader };
  let connected!: () => void;
  let failed!: (error: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    connected = resolve;
    failed = reject;
  });
  const client = createClient({
    url: config.url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams,
    onNonLazyError: (error) => failed(error),
    on: {
      connected: () => connected(),
      closed: (event) => {
        owedTo.delete(subscriber);
        const code = String((event as { code?: number }).code ?? 'unknown');
        if (!finished) closedByServer[code] = (closedByServer[code] ?? 0) + 1;
        failed(new Error(`closed ${code} ${(event as { reason?: string }).reason ?? ''}`));
      },
    },
  });
  const timer = setTimeout(() => failed(new Error('connection_ack not received within 30 s')), 30_000);
  try {
    await ready;
  } finally {
    clearTimeout(timer);
  }
  client.subscribe(
    { query: config.query },
    {
      next: (result) => onEvent(subscriber, result),
      error: (error) => {
        graphqlErrors++;
        firstGraphqlError ??= JSON.stringify(error).slice(0, 400);
      },
      complete: () => {},
    },
  );
  return client;
}

const commitLatencies: number[] = [];
let commitFailures = 0;
let firstCommitFailure: string | null = null;

/** Commits one sample for user `u` and announces it to `ledger` first (delivery may beat the answer). */
async function commit(u: number, ledger: DeliveryLedger): Promise<void> {
  const user = config.users[u]!;
  const at = new Date(base + sequence++).toISOString();
  const key = eventKey(user.id, at);
  ledger.expect(
    key,
    subscribersOf[u]!.filter((s) => owedTo.has(s)),
  );
  const started = now();
  try {
    const response = await fetch(config.producerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [config.identityHeaderName]: user.identityHeader },
      body: JSON.stringify({
        query: RECORD,
        variables: { input: [{ metricType: 'STEPS', value: 100, recordedAt: at }] },
      }),
    });
    const body = (await response.json()) as any;
    if (body.data?.recordHealthMetrics?.accepted !== 1) throw new Error(JSON.stringify(body).slice(0, 400));
    commitLatencies.push(now() - started);
  } catch (error) {
    ledger.withdraw(key);
    commitFailures++;
    firstCommitFailure ??= (error as Error).message;
  }
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function waitFor(ledger: DeliveryLedger, seconds: number) {
  const until = Date.now() + seconds * 1000;
  while (ledger.outstanding() > 0 && Date.now() < until) await sleep(100);
}

// 1. Connect every subscriber, 50 handshakes at a time.
const connectStarted = Date.now();
const clients: Client[] = [];
let connectFailures = 0;
let firstConnectFailure: string | null = null;
await pool(
  Array.from({ length: total }, (_, s) => s),
  50,
  async (s) => {
    try {
      clients.push(await open(s));
      owedTo.add(s);
    } catch (error) {
      connectFailures++;
      firstConnectFailure ??= (error as Error).message;
    }
  },
);
const secondsToConnect = (Date.now() - connectStarted) / 1000;
phase('opened', { connections: clients.length, connectFailures, secondsToConnect });

// 2. A subscription is live once its subgraph listens; events committed before that are not
//    owed to it. Prime every user until each subscription has received an event (at most 5 rounds).
let pending = config.users.map((_, u) => u);
let primeRounds = 0;
let notLive = new Set<number>();
while (pending.length > 0 && primeRounds < 5) {
  primeRounds++;
  const ledger = new DeliveryLedger();
  ledgers.push(ledger);
  await pool(pending, 10, (u) => commit(u, ledger));
  await waitFor(ledger, 10);
  notLive = ledger.waitingSubscribers();
  pending = [...new Set([...notLive].map((s) => s % config.users.length))];
}
// Events are owed from now on to the subscriptions that are live (the others are reported).
owedTo = new Set([...owedTo].filter((s) => !notLive.has(s)));
const live = owedTo.size;
phase('connected', { connections: clients.length, live });

// 3. Idle: connections open, no events (heartbeats and the gateway's own upkeep).
phase('idle-start');
await sleep(config.idleSeconds * 1000);
phase('idle-end');

// 4. Events at a fixed rate (open loop: each commit starts on time, whatever the previous did),
//    users in turn, then wait for late deliveries.
const measured = new DeliveryLedger();
ledgers.push(measured);
const count = Math.round(config.eventsPerSecond * config.eventSeconds);
let inFlight = 0;
let lateCommits = 0;
const commits: Promise<void>[] = [];
commitLatencies.length = 0;
commitFailures = 0;
firstCommitFailure = null;
phase('events-start');
const started = Date.now();
for (let i = 0; i < count; i++) {
  const wait = started + dueAtMs(i, config.eventsPerSecond) - Date.now();
  if (wait > 0) await sleep(wait);
  while (inFlight >= 100) {
    lateCommits++;
    await sleep(5);
  }
  inFlight++;
  commits.push(commit(i % config.users.length, measured).finally(() => inFlight--));
}
await Promise.all(commits);
const eventSeconds = (Date.now() - started) / 1000;
await waitFor(measured, config.drainSeconds);
phase('events-end');

finished = true;
const result: SubscriberResult = {
  connections: clients.length,
  connectFailures,
  firstConnectFailure,
  live,
  primeRounds,
  secondsToConnect,
  tally: measured.tally(),
  commitFailures,
  firstCommitFailure,
  commitMs: (({ p50Ms, p99Ms }) => ({ p50Ms, p99Ms }))(latencySummary(commitLatencies)),
  lateCommits,
  graphqlErrors,
  firstGraphqlError,
  closedByServer,
  eventSeconds,
};
console.log(`RESULT ${JSON.stringify(result)}`);
await Promise.race([Promise.all(clients.map((client) => client.dispose())), sleep(5000)]);
process.exit(0);
