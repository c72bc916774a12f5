import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Private PostgreSQL and Redis servers for fault scripts: each on a free loopback port, in its own
 * temporary directory, started and stopped by the script. The shared servers on 5432/6379 are
 * never touched.
 */

export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${preferred}`);
}

const PG_BIN = '/usr/local/bin';

const run = promisify(execFile);

/** Runs a PostgreSQL tool as the postgres OS user, without blocking the event loop. */
async function asPostgres(args: string[], timeoutMs = 90_000): Promise<void> {
  await run('su', ['postgres', '-s', '/bin/sh', '-c', args.map(shellQuote).join(' ')], {
    timeout: timeoutMs,
  });
}

function shellQuote(value: string): string {
  return /^[\w./=:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export class PrivatePostgres {
  readonly dir: string;
  private constructor(
    readonly port: number,
    dir: string,
  ) {
    this.dir = dir;
  }

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  databaseUrl(name: string) {
    return `postgres://postgres@127.0.0.1:${this.port}/${name}`;
  }

  static async start(preferredPort = 55432): Promise<PrivatePostgres> {
    const port = await freePort(preferredPort);
    const dir = mkdtempSync(join(tmpdir(), 'fitness-faults-pg-'));
    chmodSync(dir, 0o700);
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), 0);
    await asPostgres([
      `${PG_BIN}/initdb`,
      '-D',
      join(dir, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
    ]);
    const pg = new PrivatePostgres(port, dir);
    await pg.startServer();
    return pg;
  }

  async startServer() {
    await asPostgres([
      `${PG_BIN}/pg_ctl`,
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100`,
      'start',
    ]);
  }

  /** Stops the server; `immediate` is a crash (no checkpoint, clients cut). */
  async stopServer(mode: 'fast' | 'immediate' = 'fast') {
    await asPostgres([
      `${PG_BIN}/pg_ctl`,
      '-D',
      join(this.dir, 'data'),
      '-m',
      mode,
      '-w',
      '-t',
      '60',
      'stop',
    ]);
  }

  async createDatabase(name: string) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(this.url, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
  }

  async destroy() {
    await this.stopServer('immediate').catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}

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
