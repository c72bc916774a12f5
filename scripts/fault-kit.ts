import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { freePort, PrivatePostgres } from '../testkit/private-postgres.js';
import { freePort } from '../testkit/private-postgres.js';

/**
 * Private PostgreSQL (testkit/private-postgres.ts) and Redis servers for fault scripts: each on a
 * free loopback port, in its own temporary directory, started and stopped by the script. The
 * shared servers on 5432/6379 are never touched.
 */

export class PrivateRedis {
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'fitness-faults-redis-'));
  private constructor(readonly port: number) {}

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(preferredPort = 56379): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(preferredPort));
    await redis.startServer();
    return redis;
  }

  async startServer() {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (!(await freePortCheck(this.port))) return;
      await sleep(50);
    }
    throw new Error('redis-server did not start');
  }

  /** Kills the server (SIGKILL: no goodbye to clients). */
  async stopServer() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.child = null;
  }

  async destroy() {
    await this.stopServer();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function freePortCheck(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a TypeScript entry point as its own process and waits for a log line. */
export function startProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  readyMessage: string,
  root: string,
): Promise<ChildProcess> {
  // Node itself with tsx's loader (not the tsx binary, which would run the server as a grandchild
  // that a SIGKILL to its parent leaves running).
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start: ${buffer.slice(-2000)}`)),
      90_000,
    );
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      if (buffer.includes(readyMessage)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (chunk) => {
      buffer += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}: ${buffer.slice(-2000)}`));
    });
  });
}

export function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
