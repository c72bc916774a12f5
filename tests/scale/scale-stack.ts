import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { buildJavaScript, PROCESS_ENTRIES } from '../../scripts/build.js';
import { type ReplicatedStack, startReplicatedStack } from '../../stack/replicated-stack.js';
import { withDatabaseName } from '../../testkit/database.js';

/** A replicated stack of the scale suite, on a database of its own, and how to end both. */
export interface ScaleStack {
  stack: ReplicatedStack;
  /** The stack's own database, for checks the API does not answer. */
  sql: postgres.Sql;
  /** Stops every process, drops the database and removes the work directory. */
  stop(): Promise<void>;
}

/**
 * Starts stack/replicated-stack.ts from freshly compiled JavaScript on a new database of the
 * DATABASE_URL server (named `<name>_<random>`) and REDIS_URL; each suite gives its own
 * `basePort` so suites never share a port.
 */
export async function startScaleStack(options: {
  name: string;
  basePort: number;
  env?: Record<string, string>;
}): Promise<ScaleStack> {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) throw new Error('npm run test:scale needs DATABASE_URL and REDIS_URL');
  const databaseName = `${options.name}_${randomBytes(4).toString('hex')}`;
  const workDir = mkdtempSync(join(tmpdir(), `${options.name.replaceAll('_', '-')}-`));
  const admin = () => postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const create = admin();
  try {
    await create.unsafe(`CREATE DATABASE ${databaseName}`);
  } finally {
    await create.end();
  }
  const url = withDatabaseName(databaseUrl, databaseName);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  let stack: ReplicatedStack | undefined;
  const stop = async () => {
    await stack?.stop();
    await sql.end();
    const drop = admin();
    try {
      await drop.unsafe(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    } finally {
      await drop.end();
    }
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    // Inside the repository, so the compiled files find node_modules.
    const distDir = new URL('../../.data/scale-test-dist', import.meta.url).pathname;
    buildJavaScript(PROCESS_ENTRIES, distDir);
    stack = await startReplicatedStack({
      databaseUrl: url,
      redisUrl,
      workDir,
      distDir,
      basePort: options.basePort,
      env: options.env,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { stack, sql, stop };
}
