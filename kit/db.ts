import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
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
  /** The primary: every write, and every read that must see the latest writes. */
  readonly db: Db;
  /**
   * A streaming replica (DATABASE_REPLICA_URL) for reads that tolerate its lag; the primary when
   * there is none. Take it through lagTolerant(), which knows when a request may not use it.
   */
  readonly replica: Db;
  /**
   * Statements sent since start (replica ones included): tests and benchmarks read it to prove
   * batching; replicaStatements counts those the replica answered.
   */
  readonly stats: { statements: number; replicaStatements: number };
  /** Runs SQL text with no parameters (migrations, DDL). */
  exec(sqlText: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { url: string; replicaUrl?: string; poolMax: number; log?: StatementLog }
  | { dataDir?: string; pglite?: PGlite; log?: StatementLog };

/** Sees every statement the database is sent, with its parameters. */
export type StatementLog = (sql: string, params: unknown[]) => void;

function countingLogger(stats: Database['stats'], log?: StatementLog, replica = false): DrizzleLogger {
  return {
    logQuery(query, params) {
      stats.statements += 1;
      if (replica) stats.replicaStatements += 1;
      log?.(query, params);
    },
  };
}

function postgresClient(url: string, poolMax: number, readOnly = false) {
  return postgres(url, {
    max: poolMax,
    onnotice: () => {},
    // Prepared statements are kept per connection; they pay off for the hot loaders.
    prepare: true,
    // jit off: the planner's cost of a statement over every monthly partition of health_metrics,
    // once per user of a batch, passes jit_above_cost although the work is a few index probes;
    // compiling it took 1.4 s of a 1.4 s statement (BENCHMARKS.md, trainer dashboard). Requests
    // here are short lookups that JIT never pays back.
    connection: {
      TimeZone: 'UTC',
      jit: 'off',
      ...(readOnly ? { default_transaction_read_only: true } : {}),
    },
  });
}

/**
 * Where a read that tolerates replication lag goes for this request: the replica inside a query,
 * the primary inside a mutation (its reads may follow its own writes, which the replica may not
 * have yet) or when the operation is unknown. A client's next request after a write may still
 * see the replica's older state; reads that must not (a form reloading what it saved) stay on
 * database.db.
 */
export function lagTolerant(ctx: { readsMayLag?: boolean }, database: Database): Db {
  return ctx.readsMayLag === true ? database.replica : database.db;
}

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const stats = { statements: 0, replicaStatements: 0 };
  const logger = countingLogger(stats, options.log);
  if ('url' in options) {
    installPostgresJsCrashGuard();
    const client = postgresClient(options.url, options.poolMax);
    const db = drizzlePostgres(client, { logger }) as unknown as Db;
    const replicaClient = options.replicaUrl
      ? postgresClient(options.replicaUrl, options.poolMax, true)
      : null;
    const replica = replicaClient
      ? (drizzlePostgres(replicaClient, {
          logger: countingLogger(stats, options.log, true),
        }) as unknown as Db)
      : db;
    return {
      kind: 'postgres',
      db,
      replica,
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
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), replicaClient?.end({ timeout: 5 })]);
      },
    };
  }
  const client = options.pglite ?? (await PGlite.create(options.dataDir));
  await client.exec(`SET TIME ZONE 'UTC'`);
  const db = drizzlePglite(client, { logger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    replica: db,
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

/**
 * Runs `work` in the caller's transaction when `executor` is one, else in a new one: for writes
 * whose statements must commit together (and whose locks must last) whoever calls them, without
 * a savepoint's two extra statements on the usual path.
 */
export function withinTransaction<T>(executor: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  return executor instanceof PgTransaction ? work(executor) : executor.transaction(work);
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
