import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { createDatabase, type Database, type Executor, rows } from '../kit/db.js';
import { migrateSubgraphs } from '../kit/migrate.js';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface TestDatabase {
  database: Database;
  /** The database's URL on PostgreSQL; the PGlite instance otherwise (for raw access such as COPY). */
  url?: string;
  pglite?: PGlite;
  /** Drops the database (PostgreSQL) or closes it (PGlite). */
  dispose(): Promise<void>;
}

/**
 * A database of the test file's own, migrated: a clone of the run's template on PostgreSQL when
 * DATABASE_URL is set, an in-memory PGlite otherwise. Never shared, never mocked.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pglite = await PGlite.create();
    const database = await createDatabase({ pglite });
    await migrateSubgraphs(database, SUBGRAPH_NAMES);
    return { database, pglite, dispose: () => pglite.close() };
  }
  const template = process.env.FITNESS_TEST_TEMPLATE;
  if (!template) throw new Error('DATABASE_URL is set but the vitest global setup made no template database');
  const name = `fitness_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const database = await createDatabase({ url: withDatabaseName(url, name), poolMax: 5 });
  return {
    database,
    url: withDatabaseName(url, name),
    async dispose() {
      await database.close();
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/**
 * Accounts written straight into identity's table, for tests of another subgraph's storage that
 * need the foreign key to a user but not a sign-up (an argon2 hash each, and a per-address limit).
 * Every name gives `<name>@example.com` and username `<name>`; the ids come back in that order.
 */
export async function insertAccounts(executor: Executor, names: readonly string[]): Promise<string[]> {
  const found = await rows<{ id: string; username: string }>(
    executor,
    sql`INSERT INTO identity.users (email, username)
        SELECT n || '@example.com', n FROM unnest(${sql.param([...names])}::varchar[]) AS n
        RETURNING id, username`,
  );
  const ids = new Map(found.map((row) => [row.username, row.id]));
  return names.map((name) => ids.get(name) as string);
}
