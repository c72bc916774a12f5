import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Private PostgreSQL 15 servers for tests and fault scripts: each on a free loopback port, in its
 * own temporary directory, run as the postgres OS user by the test or script that starts it. The
 * shared server on 5432 and its configuration are never touched.
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

/** Debian's PostgreSQL 15 binaries (package postgresql-15). */
export const PG_BIN = '/usr/lib/postgresql/15/bin';

const run = promisify(execFile);

/** Runs a PostgreSQL tool as the postgres OS user, without blocking the event loop. */
async function asPostgres(args: string[], timeoutMs = 90_000): Promise<void> {
  try {
    await run('su', ['postgres', '-s', '/bin/sh', '-c', args.map(shellQuote).join(' ')], {
      timeout: timeoutMs,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${args[0]} failed${stderr ? `: ${stderr.slice(-1000)}` : ''}`, { cause: error });
  }
}

const postgresUid = () => Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());

/** Lines appended to the server's postgresql.conf (written as root into the postgres-owned file). */
function writeSettings(dataDir: string, settings: Record<string, string>) {
  const lines = Object.entries(settings).map(([key, value]) => `${key} = ${value}\n`);
  if (lines.length > 0) appendFileSync(join(dataDir, 'postgresql.conf'), lines.join(''));
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

  static async start(preferredPort = 55432, settings: Record<string, string> = {}): Promise<PrivatePostgres> {
    const port = await freePort(preferredPort);
    const dir = mkdtempSync(join(tmpdir(), 'fitness-faults-pg-'));
    chmodSync(dir, 0o700);
    chownSync(dir, postgresUid(), 0);
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
    writeSettings(join(dir, 'data'), settings);
    const pg = new PrivatePostgres(port, dir);
    await pg.startServer();
    return pg;
  }

  /**
   * A streaming replica of this server (pg_basebackup -R: hot standby, following the primary's
   * WAL over a replication connection), on a port and in a directory of its own.
   */
  async startReplica(preferredPort = this.port + 1): Promise<PrivatePostgres> {
    const port = await freePort(preferredPort);
    const dir = mkdtempSync(join(tmpdir(), 'fitness-replica-pg-'));
    chmodSync(dir, 0o700);
    chownSync(dir, postgresUid(), 0);
    const replica = new PrivatePostgres(port, dir);
    try {
      await replica.copyFrom(this);
      await replica.startServer();
    } catch (error) {
      await replica.destroy();
      throw error;
    }
    return replica;
  }

  private async copyFrom(primary: PrivatePostgres) {
    await asPostgres([
      `${PG_BIN}/pg_basebackup`,
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      join(this.dir, 'data'),
      '-R',
      '-X',
      'stream',
      // Checkpoint at once instead of waiting for a spread one (minutes on an idle server).
      '-c',
      'fast',
    ]);
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
