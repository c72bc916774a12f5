import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { installPostgresJsCrashGuard } from './pg-crash-guard.js';

/** What every subgraph's SQL runs on: the same Drizzle API over postgres.js or embedded PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** A database or an open transaction: functions that write take this so callers choose the boundary. */
export type Executor = PgDatabase<PgQueryResultHKT, any>;

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly db: Db;
  /** Statements sent since start: tests and benchmarks read it to prove batching. */
  readonly stats: { statements: number };
  /** Runs SQL text with no parameters (migrations, DDL). */
  exec(sqlText: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { url: string; poolMax: number; log?: StatementLog }
  | { dataDir?: string; pglite?: PGlite; log?: StatementLog };

/** Sees every statement the database is sent, with its parameters. */
export type StatementLog = (sql: string, params: unknown[]) => void;

function countingLogger(stats: { statements: number }, log?: StatementLog): DrizzleLogger {
  return {
    logQuery(query, params) {
      stats.statements += 1;
      log?.(query, params);
    },
  };
}

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const stats = { statements: 0 };
  const logger = countingLogger(stats, options.log);
  if ('url' in options) {
    installPostgresJsCrashGuard();
    const client = postgres(options.url, {
      max: options.poolMax,
      onnotice: () => {},
      // Prepared statements are kept per connection; they pay off for the hot loaders.
      prepare: true,
      connection: { TimeZone: 'UTC' },
    });
    const db = drizzlePostgres(client, { logger }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      stats,
      exec: async (text) => {
        await client.unsafe(text);
      },
      ping: async () => {
        try {
          await client`select 1`;
          return true;
        } catch {
          return false;
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = options.pglite ?? (await PGlite.create(options.dataDir));
  await client.exec(`SET TIME ZONE 'UTC'`);
  const db = drizzlePglite(client, { logger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    stats,
    exec: async (text) => {
      await client.exec(text);
    },
    ping: async () => {
      try {
        await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (!options.pglite) await client.close();
    },
  };
}

/** Rows of a raw SQL query, whichever driver answered (postgres.js returns an array, PGlite an object). */
export async function rows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result: any = await executor.execute(query);
  return (Array.isArray(result) ? result : result.rows) as T[];
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_CHECK_VIOLATION = '23514';

function pgCode(error: unknown): string | undefined {
  let current: any = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = current.cause;
  }
  return undefined;
}

function pgConstraint(error: unknown): string | undefined {
  let current: any = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.constraint_name === 'string') return current.constraint_name;
    if (typeof current.constraint === 'string') return current.constraint;
    current = current.cause;
  }
  return undefined;
}

/** True when the error is a unique violation (optionally of the named constraint or index). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return pgCode(error) === PG_UNIQUE_VIOLATION && (!constraint || pgConstraint(error) === constraint);
}

export function isForeignKeyViolation(error: unknown): boolean {
  return pgCode(error) === PG_FOREIGN_KEY_VIOLATION;
}

export function isCheckViolation(error: unknown, constraint?: string): boolean {
  return pgCode(error) === PG_CHECK_VIOLATION && (!constraint || pgConstraint(error) === constraint);
}

export { pgConstraint };
