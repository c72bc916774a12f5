import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Child {
  name: string;
  pid: number;
  process: ChildProcess;
  /** What the child printed after READY (its URL and the like). */
  ready: Record<string, any>;
  stop(): Promise<void>;
}

/**
 * Starts a child process and waits for it to print `READY <json>` on stdout. Servers under test
 * always run in processes of their own, apart from the load generator and from each other, so
 * their CPU and memory can be told apart.
 */
export async function startChild(
  name: string,
  command: string,
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    cwd?: string;
    timeoutMs?: number;
    readyPattern?: RegExp;
  },
): Promise<Child> {
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const ready = await new Promise<Record<string, any>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in time:\n${output.join('').slice(-4000)}`)),
      options.timeoutMs ?? 60_000,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output.push(text);
      if (options.readyPattern?.test(output.join(''))) {
        clearTimeout(timer);
        resolve({});
        return;
      }
      const match = /^READY (.*)$/m.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(JSON.parse(match[1] ?? '{}'));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (output.length > 200) output.splice(0, output.length - 200);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output.join('').slice(-4000)}`));
    });
  });
  // Keep draining output so a chatty child never blocks on a full pipe.
  child.stdout?.removeAllListeners('data');
  child.stdout?.on('data', (chunk: Buffer) => {
    if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
  });
  child.stderr?.removeAllListeners('data');
  child.stderr?.on('data', (chunk: Buffer) => {
    if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
  });
  return {
    name,
    pid: child.pid ?? 0,
    process: child,
    ready,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Runs compiled JavaScript in a plain node process. */
export function nodeScript(
  script: string,
  args: string[] = [],
  nodeFlags: string[] = [],
): [string, string[]] {
  return [process.execPath, [...nodeFlags, script, ...args]];
}

/** Runs a TypeScript entry under tsx in a plain node process (so the pid is the server's own). */
export function tsNode(script: string, args: string[] = [], nodeFlags: string[] = []): [string, string[]] {
  return [process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args]];
}

function ownRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident set size in MB of a process and its children (a gateway that forks workers), from /proc. */
export function rssMb(pid: number): number | null {
  const own = ownRssMb(pid);
  if (own === null) return null;
  return childPids(pid).reduce((total, child) => total + (rssMb(child) ?? 0), own);
}

/** CPU time (user + system) in ms a process and its children have used so far, from /proc. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return childPids(pid).reduce((total, child) => total + cpuMs(child), (ticks * 1000) / CLOCK_TICKS);
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

/**
 * Waits until the processes together use under 10% of one core over five seconds (500 ms), at most
 * `maxMs`, and answers how long it waited. A subgraph's workers do their first passes right after
 * start (partitions, sweeps, the roll-ups over the scale data); a run measured in the middle of
 * them measures them too. Idle, the six subgraphs' pollers (outbox relays every 500 ms, queued
 * mails every second, leases) take 1-4% of a core each (10% together): a stricter bound is never reached.
 */
export async function untilQuiet(pids: number[], maxMs = 120_000): Promise<number> {
  const started = Date.now();
  const busy = () => pids.reduce((total, pid) => total + cpuMs(pid), 0);
  for (let before = busy(); Date.now() - started < maxMs; ) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const now = busy();
    if (now - before < 500) break;
    before = now;
  }
  return Date.now() - started;
}

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

let nextInRange = 0;

/**
 * A port that was free a moment ago (for servers that cannot listen on port 0 and report it).
 * With BENCH_PORTS=<first>-<last> every server of the benchmark gets a port from that range
 * (a shared machine where each user has ports of their own); otherwise any free port.
 */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? '');
  if (range) {
    const first = Number(range[1]);
    const size = Number(range[2]) - first + 1;
    for (let tried = 0; tried < size; tried++) {
      const port = first + (nextInRange++ % size);
      if (await isFree(port)) return port;
    }
    throw new Error(`no free port in BENCH_PORTS=${process.env.BENCH_PORTS}`);
  }
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `--port=<n>` for serve.ts when BENCH_PORTS asks for ports of a range; none (port 0) otherwise. */
export async function portFlags(): Promise<string[]> {
  return process.env.BENCH_PORTS ? [`--port=${await freePort()}`] : [];
}

/** Samples a process's RSS every interval until stopped; returns the peak and the last sample. */
export function sampleRss(pid: number, intervalMs = 250) {
  let peak = 0;
  let last = 0;
  const take = () => {
    const value = rssMb(pid);
    if (value !== null) {
      last = value;
      peak = Math.max(peak, value);
    }
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakMb: peak, lastMb: last };
    },
  };
}
