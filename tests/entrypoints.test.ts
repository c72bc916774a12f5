import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${buffer}`)), 120_000);
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
    const migrate = spawnSync(join(root, 'node_modules/.bin/tsx'), ['stack/migrate.ts'], {
      cwd: root,
      env: baseEnv,
      encoding: 'utf8',
    });
    expect(migrate.status, migrate.stderr).toBe(0);

    const identity = await start('subgraphs/identity/main.ts', baseEnv, 'subgraph listening');
    const gateway = await start(
      'gateway/main.ts',
      { ...baseEnv, SUBGRAPH_URLS: `identity=${identity.url}/graphql` },
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
    // Only identity runs here, so /ready names it ready and the others not.
    const ready = await fetch(gateway.url.replace('/graphql', '/ready'));
    expect(((await ready.json()) as { subgraphs: Record<string, boolean> }).subgraphs.identity).toBe(true);

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
  }, 240_000);
});

/** Runs an entry point that should refuse to start; its exit code and everything it printed. */
function refusedStart(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('production refuses to start with shipped or weak secrets', () => {
  // What `cp .env.example .env` gives a deployment that forgets to edit it.
  const example = Object.fromEntries(
    readFileSync(join(root, '.env.example'), 'utf8')
      .split('\n')
      .map((line) => /^(IDENTITY_HEADER_SECRET|ENCRYPTION_KEYS)=(\S+)/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );
  const production = { ...baseEnv, NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:1' };
  const entries = [
    'gateway/main.ts',
    'subgraphs/identity/main.ts',
    'subgraphs/health/main.ts',
    'stack/start-all.ts',
  ];

  it('every entry point exits naming the variables, never their values', async () => {
    expect(Object.keys(example)).toEqual(['IDENTITY_HEADER_SECRET', 'ENCRYPTION_KEYS']);
    const runs = await Promise.all(
      entries.map((script) =>
        refusedStart(script, {
          ...production,
          ...example,
          PGLITE_DIR: join(dataDir, script.replace(/\W/g, '-')),
        }),
      ),
    );
    for (const [index, run] of runs.entries()) {
      expect(run.code, `${entries[index]}: ${run.output}`).not.toBe(0);
      expect(run.output).toContain('IDENTITY_HEADER_SECRET');
      expect(run.output).toContain('ENCRYPTION_KEYS');
      expect(run.output).not.toContain(example.IDENTITY_HEADER_SECRET);
      expect(run.output).not.toContain(example.ENCRYPTION_KEYS!.split(':')[1]);
      expect(run.output).not.toMatch(/listening|started/);
    }
  }, 180_000);

  it('identity (and the whole stack) exits without a mail transport', async () => {
    const secrets = {
      IDENTITY_HEADER_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    };
    const env = { ...production, ...secrets, SMTP_URL: '' };
    const runs = await Promise.all(
      ['subgraphs/identity/main.ts', 'stack/start-all.ts'].map((script) =>
        refusedStart(script, { ...env, PGLITE_DIR: join(dataDir, `smtp-${script.replace(/\W/g, '-')}`) }),
      ),
    );
    for (const run of runs) {
      expect(run.code, run.output).not.toBe(0);
      expect(run.output).toContain('SMTP_URL');
      expect(run.output).not.toContain(secrets.IDENTITY_HEADER_SECRET);
      expect(run.output).not.toMatch(/listening|started/);
    }
  }, 240_000);
});
