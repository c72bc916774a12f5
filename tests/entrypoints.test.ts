import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';
import { postGraphQL } from '../testkit/stack.js';

/**
 * The production entry points: a subgraph's main.ts and the gateway's main.ts each run as their
 * own process, find each other through configuration, and stop cleanly on SIGTERM.
 */
const root = new URL('..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'fitness-entry-'));
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PGLITE_DIR: join(dataDir, 'pglite'),
  LOG_LEVEL: 'info',
  IDENTITY_PORT: '0',
  GATEWAY_PORT: '0',
  HOST: '127.0.0.1',
};
// The entry points are tested on the embedded database; the suite covers PostgreSQL elsewhere.
delete baseEnv.DATABASE_URL;
delete baseEnv.REDIS_URL;

const children: ChildProcess[] = [];

function start(
  script: string,
  env: NodeJS.ProcessEnv,
  message: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), [script], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${buffer}`)), 60_000);
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      for (const line of buffer.split('\n')) {
        if (!line.includes(message)) continue;
        clearTimeout(timer);
        resolve({ child, url: JSON.parse(line).url as string });
        return;
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${buffer}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('production entry points', () => {
  it('run a subgraph and the gateway as separate processes that stop cleanly on SIGTERM', async () => {
    const migrate = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/migrate.ts'], {
      cwd: root,
      env: baseEnv,
      encoding: 'utf8',
    });
    expect(migrate.status, migrate.stderr).toBe(0);

    const identity = await start('subgraphs/identity/main.ts', baseEnv, 'subgraph listening');
    // The other subgraphs run beside it so the gateway is ready; an embedded database belongs to
    // one process, so each gets its own, migrated.
    const others: { name: string; child: ChildProcess; url: string }[] = [];
    for (const name of SUBGRAPH_NAMES.filter((n) => n !== 'identity')) {
      const env = {
        ...baseEnv,
        PGLITE_DIR: join(dataDir, `pglite-${name}`),
        [`${name.toUpperCase()}_PORT`]: '0',
      };
      const migrated = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/migrate.ts'], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      expect(migrated.status, migrated.stderr).toBe(0);
      others.push({ name, ...(await start(`subgraphs/${name}/main.ts`, env, 'subgraph listening')) });
    }
    const gateway = await start(
      'gateway/main.ts',
      {
        ...baseEnv,
        SUBGRAPH_URLS: [
          `identity=${identity.url}/graphql`,
          ...others.map((o) => `${o.name}=${o.url}/graphql`),
        ].join(','),
      },
      'gateway listening',
    );

    const signUp = await postGraphQL(gateway.url, {
      query: 'mutation($i: SignUpInput!) { signUp(input: $i) { ... on AuthSuccess { token } } }',
      variables: {
        i: { email: 'entry@example.com', username: 'entry_point', password: 'entry-point-password' },
      },
    });
    const token = signUp.data.signUp.token as string;
    const me = await postGraphQL(
      gateway.url,
      { query: '{ me { username } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(me.data.me.username).toBe('entry_point');
    const ready = await fetch(gateway.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);

    // With the subgraph gone the gateway stays up, says it is not ready, and answers with errors.
    expect(await stop(identity.child)).toBe(0);
    const notReady = await fetch(gateway.url.replace('/graphql', '/ready'));
    expect(notReady.status).toBe(503);
    expect(((await notReady.json()) as { subgraphs: Record<string, boolean> }).subgraphs.identity).toBe(
      false,
    );
    const withToken = await postGraphQL(
      gateway.url,
      { query: '{ me { id } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(withToken.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const anonymous = await postGraphQL(gateway.url, { query: '{ me { id } }' });
    expect(anonymous.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(anonymous)).not.toMatch(/ECONNREFUSED|at .*\.(ts|js):\d+/);
    expect((await fetch(gateway.url.replace('/graphql', '/health'))).status).toBe(200);

    expect(await stop(gateway.child)).toBe(0);
    for (const other of others) expect(await stop(other.child)).toBe(0);
  }, 300_000);
});
