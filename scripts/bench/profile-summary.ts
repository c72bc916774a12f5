import { readdirSync, readFileSync, statSync } from 'node:fs';
import { ROOT } from './processes.js';

/**
 * `tsx scripts/bench/profile-summary.ts [file.cpuprofile [cpu-ms-per-request]]`: where a V8 CPU
 * profile spent its time — self time by function and by package, busy time by request phase —
 * for BENCHMARKS.md. Without a file, the newest
 * profile in .bench/profiles/ (written by `npm run bench -- --profile`).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/**
 * The phases of a request, by the frames that do them: a sample counts for the innermost frame on
 * its stack that one of these matches (a SQL string built inside a resolver inside execution
 * counts as query building). Frames of Node itself and of V8 builtins are passed over upwards,
 * except JSON's, so a socket write counts for whoever wrote (the driver, the HTTP response); a
 * stack with no library frame at all is Node's HTTP server (NODE_HTTP) or other.
 */
const PHASES: [string, (name: string, url: string) => boolean][] = [
  ['JSON parse/stringify', (name, url) => url === '' && /^(stringify|parse|JSON\.\w+)$/.test(name)],
  ['identity header verification', (_, url) => url.includes('kit/identity-header')],
  ['profiler itself (inspector)', (_, url) => url === 'node:inspector'],
  ['GraphQL parse and document walks (visit)', (_, url) => /graphql\/language\//.test(url)],
  ['GraphQL validation', (_, url) => /graphql\/validation\//.test(url)],
  ['SQL building (drizzle-orm)', (_, url) => url.includes('node_modules/drizzle-orm')],
  ['PostgreSQL driver (postgres)', (_, url) => url.includes('node_modules/postgres/')],
  ['DataLoader', (_, url) => url.includes('node_modules/dataloader')],
  ['logging (pino)', (_, url) => /node_modules\/pino/.test(url)],
  ['metrics (prom-client)', (_, url) => url.includes('node_modules/prom-client')],
  ['federation (@apollo/subgraph)', (_, url) => url.includes('node_modules/@apollo/subgraph')],
  ['GraphQL execution (graphql-js)', (_, url) => /graphql\/(execution|type|utilities|jsutils)\//.test(url)],
  ['Apollo Server pipeline and plugins', (_, url) => /node_modules\/@apollo\/(server|utils)/.test(url)],
  ['kit/', (_, url) => url.includes('/kit/')],
  ['subgraph resolvers', (_, url) => url.includes('/subgraphs/')],
];
/** What is left when no library frame is on the stack: Node's HTTP server and its sockets. */
const NODE_HTTP = /^node:(_http|http|net|stream|internal\/(streams|http|net|stream_base))/;

/** The newest profile a process wrote (serve.ts names them `<mode>-<pid>-<n>.cpuprofile`). */
export function profileOf(pid: number): string | null {
  const dir = `${ROOT}.bench/profiles`;
  try {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile') && f.split('-')[1] === String(pid))
      .map((f) => `${dir}/${f}`)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    return files[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Busy time by phase (PHASES), as a share of the sampled busy time and, given the process's CPU
 * ms per request, as ms per request. Idle samples are left out.
 */
export function phaseSummary(path: string, cpuMsPerRequest?: number): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const phaseOf = new Map<number, string>();
  const special: Record<string, string> = {
    '(garbage collector)': 'garbage collection',
    '(idle)': 'idle',
    '(program)': 'V8 and native (program)',
  };
  const classify = (id: number): string => {
    const known = phaseOf.get(id);
    if (known) return known;
    const frame = byId.get(id)?.callFrame;
    let phase: string | undefined = !frame
      ? 'other'
      : Object.hasOwn(special, frame.functionName)
        ? special[frame.functionName]
        : undefined;
    if (!phase && frame) {
      // Innermost library frame first; Node's own frames only when there is none.
      let nodeHttp = false;
      for (let at: number | undefined = id; at !== undefined && !phase; at = parent.get(at)) {
        const up = byId.get(at)?.callFrame;
        if (!up) break;
        const url = up.url.replace(/^file:\/\//, '');
        if (NODE_HTTP.test(url)) nodeHttp = true;
        phase = PHASES.find(([, test]) => test(up.functionName, url))?.[0];
      }
      phase ??= nodeHttp ? 'HTTP server and sockets (Node)' : 'other (event loop, timers)';
    }
    phaseOf.set(id, phase ?? 'other');
    return phase ?? 'other';
  };
  const us = new Map<string, number>();
  for (const [i, id] of profile.samples.entries()) {
    const phase = classify(id);
    us.set(phase, (us.get(phase) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  us.delete('idle');
  const busy = [...us.values()].reduce((a, b) => a + b, 0);
  return [
    `busy time by phase (${(busy / 1e6).toFixed(1)} s sampled${cpuMsPerRequest ? `, ms/request at ${cpuMsPerRequest.toFixed(2)} CPU ms/request` : ''}):`,
    ...[...us.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(
        ([phase, t]) =>
          `${((100 * t) / busy).toFixed(1).padStart(5)}%  ${cpuMsPerRequest ? `${((cpuMsPerRequest * t) / busy).toFixed(3)} ms  ` : ''}${phase}`,
      ),
  ].join('\n');
}

export function summarise(path: string, top = 25): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    // The benchmark's gateway runs compiled into .bench/build/: name its files as the sources.
    const url = frame.url.replace(/^file:\/\//, '').replace(`${ROOT}.bench/build/`, ROOT);
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.startsWith('node:')
        ? 'node internals'
        : url
          ? url.replace(ROOT, '').split('/')[0]
          : frame.functionName);
    const name = `${frame.functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(ROOT, '')}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    packages.set(pkg ?? '?', (packages.get(pkg ?? '?') ?? 0) + us);
  }
  const lines = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `profile ${path.replace(ROOT, '')}: ${(total / 1e6).toFixed(1)} s sampled`,
    'self time by package:',
    ...lines(packages, 15),
    'self time by function:',
    ...lines(functions, top),
  ].join('\n');
}

export function newestProfile(): string | null {
  const dir = `${ROOT}.bench/profiles`;
  try {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => `${dir}/${f}`)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    return files[0] ?? null;
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? newestProfile();
  if (!path) {
    console.error('no profile: run `npm run bench -- --profile` first');
    process.exit(1);
  }
  console.log(summarise(path));
  console.log(phaseSummary(path, process.argv[3] ? Number(process.argv[3]) : undefined));
}
