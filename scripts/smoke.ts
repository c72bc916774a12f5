import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts `npm start` as a new user would (no DATABASE_URL, no REDIS_URL, a fresh data folder),
 * signs up and reads `me` through the gateway, then stops it with SIGTERM and expects a clean exit.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'fitness-smoke-'));
const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: join(dataDir, 'pglite'), LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
delete env.REDIS_URL;
const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

const gateway = 'http://127.0.0.1:4000';
async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as any;
}

let code = 1;
try {
  const deadline = Date.now() + 120_000;
  while (!output.includes('Explorer and GraphQL endpoint')) {
    if (Date.now() > deadline) throw new Error('npm start did not come up within 120 s');
    if (child.exitCode !== null) throw new Error(`npm start exited early with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const signUp = await gql(
    'mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on AuthSuccess { token } } }',
    { input: { email: 'smoke@example.com', username: 'smoke_test', password: 'smoke-test-password' } },
  );
  const token = signUp.data?.signUp?.token;
  if (!token) throw new Error(`sign-up failed: ${JSON.stringify(signUp)}`);
  const me = await gql('{ me { username } }', {}, token);
  if (me.data?.me?.username !== 'smoke_test') throw new Error(`me failed: ${JSON.stringify(me)}`);
  const demo = await gql(
    'mutation { signIn(input: { login: "demo_athlete", password: "demo-athlete-password" }) { __typename } }',
  );
  if (demo.data?.signIn?.__typename !== 'AuthSuccess')
    throw new Error(`demo sign-in failed: ${JSON.stringify(demo)}`);
  console.log('smoke: sign-up, me and demo sign-in work through the gateway');
  code = 0;
} catch (error) {
  console.error(`smoke failed: ${(error as Error).message}`);
} finally {
  // npm runs tsx runs node: signal the whole process group, as a terminal's Ctrl-C would.
  process.kill(-child.pid!, 'SIGTERM');
  const exitCode = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 20_000))]);
  if (exitCode === 'timeout') {
    console.error('smoke: npm start did not stop within 20 s of SIGTERM');
    process.kill(-child.pid!, 'SIGKILL');
    code = 1;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
