import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { IDENTITY_HEADER } from '../../kit/identity-header.js';
import { connectRedis } from '../../kit/redis.js';
import type { BenchEnvironment } from './environment.js';
import { startHiveGateway } from './hive.js';
import { type Child, cpuMs, freePort, ROOT, rssMb, sampleRss, tsNode } from './processes.js';
import type { Benchmark, BenchContext, BenchResult, Cell, Ratio } from './report.js';
import type { SubscriberConfig, SubscriberResult } from './subscribers.js';
import { kbPerConnection } from './subscription-stats.js';

type Target = 'ours' | 'hive' | 'direct';

/** Through a gateway: the event's own fields and `user.username`, which the identity subgraph adds per event. */
const GATEWAY_QUERY = `subscription BenchHealthLive {
  healthMetricsRecorded { accepted from to recordedAt user { id username } }
}`;
/** Straight at the health subgraph: the same without the identity subgraph's field. */
const DIRECT_QUERY = `subscription BenchHealthLive {
  healthMetricsRecorded { accepted from to recordedAt user { id } }
}`;

/** The server's CPU, memory and the subgraphs' CPU when the load process reached a phase. */
interface Mark {
  at: number;
  cpuMs: number;
  rssMb: number | null;
  subgraphCpuMs: Record<string, number>;
}

interface Run {
  result: SubscriberResult;
  marks: Record<string, Mark>;
  peakRssMb: number;
}

let runCounter = 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the subscriber process against one target, marking the server at each phase it reports. */
async function drive(
  config: SubscriberConfig,
  pid: number,
  subgraphs: [string, number][],
  log: (message: string) => void,
): Promise<Run> {
  mkdirSync(`${ROOT}.bench/tmp`, { recursive: true });
  const path = `${ROOT}.bench/tmp/subscribers-${process.pid}-${runCounter++}.json`;
  writeFileSync(path, JSON.stringify(config));
  const [command, args] = tsNode('scripts/bench/subscribers.ts', [path]);
  const marks: Record<string, Mark> = {};
  const mark = (): Mark => ({
    at: performance.now(),
    cpuMs: cpuMs(pid),
    rssMb: rssMb(pid),
    subgraphCpuMs: Object.fromEntries(subgraphs.map(([name, subgraphPid]) => [name, cpuMs(subgraphPid)])),
  });
  const memory = sampleRss(pid);
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const errors: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    errors.push(chunk.toString('utf8'));
    if (errors.length > 50) errors.shift();
  });
  let result: SubscriberResult | null = null;
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    const phase = /^PHASE (\S+)/.exec(line);
    if (phase?.[1]) {
      marks[phase[1]] = mark();
      log(`  ${line.slice('PHASE '.length)}`);
    }
    const done = /^RESULT (.*)$/.exec(line);
    if (done?.[1]) result = JSON.parse(done[1]) as SubscriberResult;
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => resolve());
  });
  const peakRssMb = memory.stop().peakMb;
  if (!result) throw new Error(`the subscriber process printed no result: ${errors.join('').slice(-3000)}`);
  return { result, marks, peakRssMb };
}

const perSecond = (from: Mark | undefined, to: Mark | undefined) =>
  from && to ? ((to.cpuMs - from.cpuMs) * 1000) / (to.at - from.at) : null;

/**
 * The stack serves the subscriptions on Redis, as a deployment with more than one replica does:
 * the health subgraph restarts on its address with REDIS_URL (its outbox relay publishes to a
 * Redis stream of a prefix of its own and its subscriptions follow that stream). Everything else
 * stays as the other benchmarks run it.
 */
async function healthOnRedis(environment: BenchEnvironment, log: BenchContext['log']) {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const prefix = `bench-live-${randomBytes(3).toString('hex')}:`;
  log(`restarting the health subgraph on Redis (${url}, prefix ${prefix})`);
  await environment.restartSubgraph('health', { REDIS_URL: url, REDIS_PREFIX: prefix });
  return {
    description: `Redis ${url}, stream ${prefix}events`,
    async restore() {
      await environment.restartSubgraph('health', {});
      const redis = connectRedis(url, false);
      try {
        let cursor = '0';
        do {
          const [next, keys] = (await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)) as [
            string,
            string[],
          ];
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}

const INVOLVED = ['health', 'identity'];

const TITLE =
  'Subscriptions (graphql-ws): delivery latency commit -> client, memory per connection, CPU per delivered event';

export const subscriptionsBenchmark: Benchmark = {
  name: 'subscriptions',
  title: TITLE,
  async run(context) {
    const { subscribers, eventsPerSecond, eventSeconds } = context.options;
    const targets = (context.options.targets ?? ['ours', 'hive', 'direct']).filter((t) =>
      ['ours', 'hive', 'direct'].includes(t),
    ) as Target[];
    const environment = await context.environment();
    const users = environment.users.slice(0, Math.min(environment.users.length, subscribers));
    const perUser = Math.max(1, Math.round(subscribers / users.length));
    const redis = await healthOnRedis(environment, context.log);
    let hive: (Child & { url: string }) | null = null;
    const rows: Cell[][] = [];
    const ratios: Ratio[] = [];
    const runs: Partial<
      Record<Target, { run: Run; memoryKb: number | null; cpuPerDelivery: number | null }>
    > = {};
    const notes: string[] = [
      `${users.length * perUser} graphql-ws connections (${perUser} per user, ${users.length} users), one healthMetricsRecorded subscription each, opened 50 at a time from a load process of its own`,
      `${eventsPerSecond} events/s for ${eventSeconds} s: recordHealthMetrics (one sample) committed at the health subgraph with the user's signed identity, users in turn; each event is owed to its user's ${perUser} subscriptions`,
      "latency: from the event's recordedAt (the health subgraph's clock in the committing transaction) to receipt in the load process, same machine and clock; it includes the outbox relay, which polls every 500 ms",
      'memory per connection: gateway RSS after every subscription received a priming event, minus RSS after a small warm-up run (20 subscribers), divided by the connections',
      'CPU per delivery: server CPU time from the first commit until every delivery arrived (or 10 s after the last commit), divided by the deliveries; idle CPU: the same server with the connections open and no events, per second',
      `health subgraph on ${redis.description}; every server in its own process`,
    ];
    try {
      for (const target of targets) {
        let url: string;
        let pid: number;
        if (target === 'ours') {
          url = environment.gatewayUrl;
          pid = environment.gateway.pid;
        } else if (target === 'hive') {
          hive ??= await startHiveGateway({
            subgraphUrls: environment.subgraphUrls,
            secret: environment.secret,
            port: await freePort(),
            log: context.log,
            websockets: true,
          });
          url = hive.url;
          pid = hive.pid;
        } else {
          url = environment.subgraphs.health!.ready.url;
          pid = environment.subgraphs.health!.pid;
        }
        // Through a gateway, the subgraphs' share too (health sends the events, identity adds `user`).
        const subgraphPids =
          target === 'direct'
            ? []
            : Object.entries(environment.subgraphs).map(
                ([name, child]) => [name, child.pid] as [string, number],
              );
        const config: SubscriberConfig = {
          url: url.replace(/^http/, 'ws'),
          auth: target === 'direct' ? 'identity' : 'bearer',
          identityHeaderName: IDENTITY_HEADER,
          query: target === 'direct' ? DIRECT_QUERY : GATEWAY_QUERY,
          crossSubgraph: target !== 'direct',
          users,
          perUser,
          producerUrl: environment.subgraphs.health!.ready.url,
          eventsPerSecond,
          eventSeconds,
          idleSeconds: 5,
          drainSeconds: 10,
        };
        // A small unmeasured run first: code paths compiled, sessions cached, lazy modules loaded.
        context.log(`subscriptions via ${target}: warm-up`);
        await drive(
          {
            ...config,
            users: users.slice(0, 10),
            perUser: 2,
            eventsPerSecond: 10,
            eventSeconds: 2,
            idleSeconds: 0,
            drainSeconds: 3,
          },
          pid,
          subgraphPids,
          () => {},
        );
        // Upstream sockets close a moment after their last subscription (Hive Gateway: 3 s).
        await sleep(4000);
        const baselineMb = rssMb(pid);
        context.log(
          `subscriptions via ${target}: ${users.length * perUser} connections, ${eventsPerSecond} events/s for ${eventSeconds} s`,
        );
        const run = await drive(config, pid, subgraphPids, context.log);
        const { result, marks } = run;
        const { tally } = result;
        const connected = marks.connected;
        const memoryKb =
          baselineMb !== null && connected?.rssMb != null
            ? kbPerConnection(baselineMb, connected.rssMb, result.connections)
            : null;
        const start = marks['events-start'];
        const end = marks['events-end'];
        const cpuPerDelivery =
          start && end && tally.delivered > 0 ? (end.cpuMs - start.cpuMs) / tally.delivered : null;
        // The subgraphs a delivery involves: health sends the event, identity resolves `user`.
        const subgraphCpu =
          start && end && tally.delivered > 0 && target !== 'direct'
            ? INVOLVED.reduce(
                (sum, name) => sum + ((end.subgraphCpuMs[name] ?? 0) - (start.subgraphCpuMs[name] ?? 0)),
                0,
              ) / tally.delivered
            : null;
        if (start && end && target !== 'direct') {
          const byName = Object.keys(end.subgraphCpuMs)
            .map((name) => [name, (end.subgraphCpuMs[name] ?? 0) - (start.subgraphCpuMs[name] ?? 0)] as const)
            .filter(([, ms]) => ms > 0)
            .sort(([, a], [, b]) => b - a)
            .map(([name, ms]) => `${name} ${(ms / Math.max(1, tally.delivered)).toFixed(3)}`)
            .join(', ');
          notes.push(
            `via ${target}: subgraph CPU ms per delivery ${byName} (only health and identity take part; the others' is their background work: outbox relays, event consumers)`,
          );
        }
        const problems = [
          result.connectFailures > 0
            ? `${result.connectFailures} connections failed: ${result.firstConnectFailure}`
            : '',
          result.commitFailures > 0
            ? `${result.commitFailures} commits failed: ${result.firstCommitFailure}`
            : '',
          result.graphqlErrors > 0 ? `${result.graphqlErrors} errors: ${result.firstGraphqlError}` : '',
          Object.keys(result.closedByServer).length > 0
            ? `closed by the server: ${JSON.stringify(result.closedByServer)}`
            : '',
          tally.duplicates > 0 ? `${tally.duplicates} duplicates` : '',
          result.lateCommits > 0 ? `${result.lateCommits} commit waits (100 in flight)` : '',
        ]
          .filter(Boolean)
          .join('; ');
        notes.push(
          `via ${target}: connected in ${result.secondsToConnect.toFixed(1)} s, ${result.live} of ${result.connections} subscriptions live after ${result.primeRounds} priming round(s); ${tally.events} events committed in ${result.eventSeconds.toFixed(1)} s (commit round trip p50 ${result.commitMs.p50Ms.toFixed(1)} ms, p99 ${result.commitMs.p99Ms.toFixed(1)} ms)`,
        );
        runs[target] = { run, memoryKb, cpuPerDelivery };
        rows.push([
          target === 'hive' ? 'Hive Gateway' : target === 'direct' ? 'direct (health subgraph)' : 'ours',
          result.connections,
          result.live,
          tally.delivered,
          tally.expected,
          tally.latency.p50Ms,
          tally.latency.p99Ms,
          tally.latency.maxMs,
          baselineMb,
          connected?.rssMb ?? null,
          memoryKb,
          run.peakRssMb,
          perSecond(marks['idle-start'], marks['idle-end']),
          cpuPerDelivery,
          subgraphCpu,
          problems,
        ]);
        // Let the target close its upstream sockets before the next one connects.
        await sleep(4000);
      }
    } finally {
      await hive?.stop();
      await redis.restore();
    }
    const ours = runs.ours;
    const peer = runs.hive;
    if (ours && peer) {
      const latency = (t: typeof ours, p: 'p50Ms' | 'p99Ms') => t.run.result.tally.latency[p];
      ratios.push(
        {
          label: 'Hive Gateway / ours delivery latency p50',
          value: latency(peer, 'p50Ms') / latency(ours, 'p50Ms'),
        },
        {
          label: 'Hive Gateway / ours delivery latency p99',
          value: latency(peer, 'p99Ms') / latency(ours, 'p99Ms'),
        },
      );
      if (ours.memoryKb && peer.memoryKb)
        ratios.push({
          label: 'Hive Gateway / ours memory per connection',
          value: peer.memoryKb / ours.memoryKb,
        });
      if (ours.cpuPerDelivery && peer.cpuPerDelivery)
        ratios.push({
          label: 'Hive Gateway / ours gateway CPU per delivered event',
          value: peer.cpuPerDelivery / ours.cpuPerDelivery,
        });
    }
    const direct = runs.direct;
    if (ours && direct) {
      ratios.push({
        label: 'ours p50 minus direct p50 (ms): what the gateway adds',
        value: ours.run.result.tally.latency.p50Ms - direct.run.result.tally.latency.p50Ms,
      });
    }
    const result: BenchResult = {
      name: 'subscriptions',
      title: TITLE,
      columns: [
        'target',
        'connections',
        'live',
        'delivered',
        'expected',
        'p50 ms',
        'p99 ms',
        'max ms',
        'RSS before MB',
        'RSS connected MB',
        'KB per connection',
        'peak RSS MB',
        'idle CPU ms/s',
        'server CPU ms/delivery',
        'health+identity CPU ms/delivery',
        'problems',
      ],
      rows,
      ratios,
      notes,
    };
    return result;
  },
};
