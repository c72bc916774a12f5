import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from './stack.js';

const run = promisify(execFile);

/**
 * A Redis Cluster of three masters (Debian's `redis-server` in cluster mode, on loopback ports of
 * its own, in a temporary directory), made by the test that needs it; the shared Redis on 6379 is
 * never touched.
 */
export class PrivateRedisCluster {
  private constructor(
    readonly ports: number[],
    private readonly dir: string,
    private readonly servers: ChildProcess[],
  ) {}

  /** A node's URL: the client learns the others from it. */
  get url(): string {
    return `redis://127.0.0.1:${this.ports[0]}`;
  }

  static async start(firstPort = 7301): Promise<PrivateRedisCluster> {
    const ports = [firstPort, firstPort + 1, firstPort + 2];
    const dir = mkdtempSync(join(tmpdir(), 'fitness-redis-cluster-'));
    const servers = ports.map((port) =>
      spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, `nodes-${port}.conf`),
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'no',
        ],
        { stdio: 'ignore' },
      ),
    );
    const cluster = new PrivateRedisCluster(ports, dir, servers);
    try {
      for (const port of ports)
        await eventually(async () => expectOutput(await cli(port, 'ping'), 'PONG'), 20_000, 100);
      await run('redis-cli', [
        '--cluster',
        'create',
        ...ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ]);
      for (const port of ports) {
        await eventually(
          async () => expectOutput(await cli(port, 'cluster', 'info'), 'cluster_state:ok'),
          20_000,
          100,
        );
      }
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** How many keys each master holds: the cluster spreads a deployment's keys over all three. */
  async keysPerNode(): Promise<number[]> {
    return Promise.all(this.ports.map(async (port) => Number((await cli(port, 'dbsize')).trim())));
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            if (server.exitCode !== null || server.signalCode !== null) return resolve();
            server.once('exit', () => resolve());
            server.kill('SIGTERM');
          }),
      ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-p', String(port), ...args]);
  return stdout;
}

function expectOutput(output: string, wanted: string): void {
  if (!output.includes(wanted)) throw new Error(`redis-cli answered ${output.trim()}, not ${wanted}`);
}
